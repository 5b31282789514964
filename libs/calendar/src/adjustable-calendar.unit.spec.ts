import { AdjustableCalendar } from './adjustable-calendar.js';

describe('a calendar an administrator corrects', () => {
  it('follows the published arrangement until corrected, then the correction', () => {
    const calendar = new AdjustableCalendar();
    expect(calendar.isWorkingDay('2030-02-11')).toBe(true); // a Monday in a year chinese-days does not know
    expect(calendar.knowsYear(2030)).toBe(false);
    calendar.adjust({ overrides: { '2030-02-11': 'non_working' }, yearsEnteredByAdministrator: [2030] });
    expect(calendar.isWorkingDay('2030-02-11')).toBe(false);
    expect(calendar.knowsYear(2030)).toBe(true);
  });

  it('keeps the old corrections when a new set is invalid', () => {
    const calendar = new AdjustableCalendar({ overrides: { '2027-02-08': 'non_working' } });
    expect(() => calendar.adjust({ overrides: { '2027-02-30': 'working' } })).toThrow();
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
  });
});
