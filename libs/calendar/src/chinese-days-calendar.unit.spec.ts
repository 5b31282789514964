import chineseDays from 'chinese-days';
import { ValidationError } from '#errors';
import { createChineseDaysCalendar, publishedCalendarYears, publishedDayOf } from './chinese-days-calendar.js';
import { addDays } from './local-date.js';

const calendar = createChineseDaysCalendar();

describe('the chinese-days working calendar', () => {
  it('National Day 2025: October 1–8 are holidays, Sunday 28 September and Saturday 11 October are working days', () => {
    for (let day = '2025-10-01'; day <= '2025-10-08'; day = addDays(day, 1)) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
    expect(calendar.isWorkingDay('2025-09-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false);
  });

  it('Spring Festival 2026: February 15–23 are holidays, Saturdays 14 and 28 February are working days', () => {
    for (let day = '2026-02-15'; day <= '2026-02-23'; day = addDays(day, 1)) expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
  });

  it('names the festival of a holiday and of a make-up working day, and nothing for an ordinary day', () => {
    expect(publishedDayOf('2026-02-16')).toEqual({ kind: 'holiday', name: '春节', nameEn: 'Spring Festival' });
    expect(publishedDayOf('2026-02-14')).toEqual({ kind: 'make_up_working_day', name: '春节', nameEn: 'Spring Festival' });
    expect(publishedDayOf('2025-10-11')).toMatchObject({ kind: 'make_up_working_day', name: '国庆节' });
    expect(publishedDayOf('2026-03-07')).toBeUndefined();
    expect(publishedDayOf('2027-02-08')).toBeUndefined();
  });

  it('an ordinary weekend is not working and an ordinary weekday is', () => {
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true);
  });

  it('knows 2025 and 2026 but not 2027, where it falls back to Monday–Friday', () => {
    expect(calendar.knowsYear(2025)).toBe(true);
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(2027)).toBe(false);
    expect(publishedCalendarYears()).toContain(2026);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // a Friday; the real 元旦 is unknown
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
  });

  it("an administrator's override wins over the published arrangement", () => {
    const corrected = createChineseDaysCalendar({ overrides: { '2026-02-24': 'non_working', '2026-02-22': 'working' } });
    expect(corrected.isWorkingDay('2026-02-24')).toBe(false);
    expect(corrected.isWorkingDay('2026-02-22')).toBe(true);
    expect(corrected.isWorkingDay('2026-02-25')).toBe(true);
  });

  it('a year the administrator entered in full counts as known', () => {
    const corrected = createChineseDaysCalendar({ overrides: { '2027-01-01': 'non_working' }, yearsEnteredByAdministrator: [2027] });
    expect(corrected.knowsYear(2027)).toBe(true);
    expect(corrected.isWorkingDay('2027-01-01')).toBe(false);
  });

  it('rejects overrides with an invalid date or kind, naming each', () => {
    const build = () => createChineseDaysCalendar({ overrides: { '2026-02-30': 'working', '2026-03-01': 'holiday' as never } });
    expect(build).toThrow(ValidationError);
    try {
      build();
    } catch (error) {
      expect((error as ValidationError).violations.map((v) => [v.field, v.rule])).toEqual([
        ['overrides.2026-02-30', 'local_date'],
        ['overrides.2026-03-01', 'one_of'],
      ]);
    }
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => calendar.isWorkingDay('2026/03/09')).toThrow(RangeError);
  });

  // chinese-days' own functions are only right in a time zone at or east of UTC (see the module comment).
  const eastOfUtc = new Date('2025-06-01T00:00:00Z').getTimezoneOffset() <= 0;
  (eastOfUtc ? it : it.skip)('agrees with chinese-days isWorkday() on every day of 2025 and 2026', () => {
    for (let day = '2025-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      const [y, m, d] = day.split('-').map(Number);
      expect([day, calendar.isWorkingDay(day)]).toEqual([day, chineseDays.isWorkday(new Date(y!, m! - 1, d!))]);
    }
  });
});
