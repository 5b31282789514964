import { createChineseDaysCalendar } from './chinese-days-calendar.js';
import { hoursDeadline, workingDayDeadline, workingDaysBetween } from './deadlines.js';

const calendar = createChineseDaysCalendar();
const at = (iso: string) => new Date(iso);
const deadline = (from: string, workingDays: number) => workingDayDeadline(calendar, at(from), workingDays).toISOString();

describe('working-day deadlines', () => {
  it('one working day after a Monday is the end of Tuesday, Shanghai time', () => {
    expect(deadline('2026-03-09T02:00:00+08:00', 1)).toBe('2026-03-10T15:59:59.999Z');
  });

  it('one working day after a Friday skips an ordinary weekend', () => {
    expect(deadline('2026-03-06T16:30:00+08:00', 1)).toBe('2026-03-09T15:59:59.999Z');
  });

  it('from a Saturday or Sunday the day itself is not counted: due the end of Monday, like from Friday', () => {
    expect(deadline('2026-03-07T10:00:00+08:00', 1)).toBe('2026-03-09T15:59:59.999Z');
    expect(deadline('2026-03-08T10:00:00+08:00', 1)).toBe('2026-03-09T15:59:59.999Z');
  });

  it('counts from the Shanghai day: 2026-03-02T17:30Z is already Tuesday 3 March, so one working day ends Wednesday', () => {
    expect(deadline('2026-03-02T17:30:00Z', 1)).toBe('2026-03-04T15:59:59.999Z');
    expect(deadline('2026-03-02T15:59:00Z', 1)).toBe('2026-03-03T15:59:59.999Z');
  });

  it('the make-up working Sunday before National Day 2025 counts: Friday 26 September + 1 is Sunday 28 September', () => {
    expect(deadline('2025-09-26T15:00:00+08:00', 1)).toBe('2025-09-28T15:59:59.999Z');
  });

  it('assigned on Tuesday 30 September 2025, one working day lands on Thursday 9 October, after the holiday', () => {
    expect(deadline('2025-09-30T16:00:00+08:00', 1)).toBe('2025-10-09T15:59:59.999Z');
  });

  it('from a day inside the National Day holiday, one working day is the first working day after it', () => {
    expect(deadline('2025-10-03T10:00:00+08:00', 1)).toBe('2025-10-09T15:59:59.999Z');
  });

  it('three working days from 30 September 2025 end on the make-up Saturday 11 October', () => {
    expect(deadline('2025-09-30T16:00:00+08:00', 3)).toBe('2025-10-11T15:59:59.999Z');
  });

  it('fifteen working days from 30 September 2025 end on Tuesday 28 October', () => {
    expect(deadline('2025-09-30T16:00:00+08:00', 15)).toBe('2025-10-28T15:59:59.999Z');
  });

  it('Spring Festival 2026: Friday 13 February + 1 is the make-up Saturday 14th; + 2 jumps the holiday to the 24th', () => {
    expect(deadline('2026-02-13T15:00:00+08:00', 1)).toBe('2026-02-14T15:59:59.999Z');
    expect(deadline('2026-02-13T15:00:00+08:00', 2)).toBe('2026-02-24T15:59:59.999Z');
    expect(deadline('2026-02-14T11:00:00+08:00', 1)).toBe('2026-02-24T15:59:59.999Z');
  });

  it('Spring Festival 2026: five working days from 13 February end Friday 27th, six on the make-up Saturday 28th', () => {
    expect(deadline('2026-02-13T15:00:00+08:00', 5)).toBe('2026-02-27T15:59:59.999Z');
    expect(deadline('2026-02-13T15:00:00+08:00', 6)).toBe('2026-02-28T15:59:59.999Z');
  });

  it('across the year end into a year without a notice: 5 working days from Monday 28 December 2026 end Tuesday 5 January 2027 (元旦 is off)', () => {
    expect(deadline('2026-12-28T10:00:00+08:00', 5)).toBe('2027-01-05T15:59:59.999Z');
  });

  it('Spring Festival 2030, a year no package knows: one working day from Friday 1 February is Friday 8 February', () => {
    expect(deadline('2030-02-01T10:00:00+08:00', 1)).toBe('2030-02-08T15:59:59.999Z');
  });

  it("follows the administrator's overrides", () => {
    const corrected = createChineseDaysCalendar({ overrides: { '2026-02-24': 'non_working' } });
    expect(workingDayDeadline(corrected, at('2026-02-14T11:00:00+08:00'), 1).toISOString()).toBe('2026-02-25T15:59:59.999Z');
  });

  it('refuses a non-positive or fractional number of working days', () => {
    expect(() => deadline('2026-03-09T10:00:00+08:00', 0)).toThrow(RangeError);
    expect(() => deadline('2026-03-09T10:00:00+08:00', 1.5)).toThrow(RangeError);
  });

  it('stops with an error instead of looping when overrides leave no working day', () => {
    const noWork = { isWorkingDay: () => false, knowsYear: () => true };
    expect(() => workingDayDeadline(noWork, at('2026-03-09T10:00:00+08:00'), 1)).toThrow(/no working day/i);
  });
});

describe('hour deadlines', () => {
  it('adds elapsed hours, nights and holidays included', () => {
    expect(hoursDeadline(at('2025-09-30T23:00:00+08:00'), 2).toISOString()).toBe('2025-09-30T17:00:00.000Z');
  });

  it('refuses a non-positive number of hours', () => {
    expect(() => hoursDeadline(at('2025-09-30T23:00:00+08:00'), 0)).toThrow(RangeError);
  });
});

describe('working days between two instants', () => {
  it('counts the working days after the first Shanghai day up to and including the second', () => {
    expect(workingDaysBetween(calendar, at('2025-09-30T16:00:00+08:00'), at('2025-10-11T09:00:00+08:00'))).toBe(3);
    expect(workingDaysBetween(calendar, at('2026-03-09T08:00:00+08:00'), at('2026-03-09T20:00:00+08:00'))).toBe(0);
  });

  it('is negative when the second instant is earlier', () => {
    expect(workingDaysBetween(calendar, at('2025-10-11T09:00:00+08:00'), at('2025-09-30T16:00:00+08:00'))).toBe(-3);
  });

  it('is the inverse of workingDayDeadline', () => {
    const from = at('2026-02-13T15:00:00+08:00');
    for (const n of [1, 2, 5, 15]) expect(workingDaysBetween(calendar, from, workingDayDeadline(calendar, from, n))).toBe(n);
  });
});
