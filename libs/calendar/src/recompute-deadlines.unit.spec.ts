import { createChineseDaysCalendar } from './chinese-days-calendar.js';
import { calendarBefore, calendarChanges, recomputedDueOn, recomputedWorkingDayDeadline } from './recompute-deadlines.js';
import { workingDayDeadline } from './deadlines.js';

const provisional = createChineseDaysCalendar();
// A notice longer than the law's four days, with a make-up Saturday: what the State Council usually publishes.
const noticed = createChineseDaysCalendar({
  notices: [{ year: 2030, holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01' }, { name: '春节', from: '2030-02-02', to: '2030-02-10' }], makeUpWorkingDays: ['2030-01-26', '2030-02-16'] }],
});

describe('deadlines recounted when a calendar notice is entered', () => {
  it('lists the days the notice changed, with what they were before', () => {
    const changes = calendarChanges(provisional, noticed, [2030]);
    expect(changes.map((c) => `${c.date}:${c.workingBefore}`)).toEqual(
      expect.arrayContaining(['2030-01-26:false', '2030-02-08:true', '2030-02-16:false']),
    );
    expect(changes.every((c) => c.date.startsWith('2030-'))).toBe(true);
  });

  it('rebuilds the earlier calendar from the later one and the changes', () => {
    const before = calendarBefore(noticed, calendarChanges(provisional, noticed, [2030]));
    for (const day of ['2030-01-26', '2030-02-06', '2030-02-08', '2030-02-16', '2030-03-01']) expect(before.isWorkingDay(day)).toBe(provisional.isWorkingDay(day));
  });

  it('keeps the number of working days: 3 from Thursday 31 January end Monday 11 February provisionally, Tuesday 12 February after the notice (a nine-day 春节)', () => {
    const from = new Date('2030-01-31T10:00:00+08:00');
    const due = workingDayDeadline(provisional, from, 3);
    expect(due.toISOString()).toBe('2030-02-11T15:59:59.999Z');
    expect(recomputedWorkingDayDeadline(provisional, noticed, from, due).toISOString()).toBe('2030-02-12T15:59:59.999Z');
  });

  it('recounts a deadline kept as a day, and leaves one the notice does not touch', () => {
    expect(recomputedDueOn(provisional, noticed, '2030-01-31', '2030-02-11')).toBe('2030-02-12');
    expect(recomputedDueOn(provisional, noticed, '2030-03-04', '2030-03-11')).toBe('2030-03-11');
  });
});
