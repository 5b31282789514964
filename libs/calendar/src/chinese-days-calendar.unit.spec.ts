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
    expect(publishedDayOf('2030-02-12')).toBeUndefined();
  });

  it('an ordinary weekend is not working and an ordinary weekday is', () => {
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true);
  });

  it('knows 2025 and 2026 but not 2030, where it counts the statutory holidays and Monday–Friday', () => {
    expect(calendar.knowsYear(2025)).toBe(true);
    expect(calendar.knowsYear(2026)).toBe(true);
    expect(calendar.knowsYear(2030)).toBe(false);
    expect(publishedCalendarYears()).toContain(2026);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false); // 元旦, a Tuesday
    expect(calendar.isWorkingDay('2030-01-02')).toBe(true);
    expect(calendar.isWorkingDay('2030-01-05')).toBe(false);
  });

  it("a year's notice replaces its provisional arrangement: its days off, its make-up working days, weekdays otherwise", () => {
    const noticed = createChineseDaysCalendar({
      notices: [{ year: 2030, holidays: [{ name: '春节', from: '2030-02-02', to: '2030-02-08' }], makeUpWorkingDays: ['2030-01-26', '2030-02-09'] }],
    });
    expect(noticed.knowsYear(2030)).toBe(true);
    expect(noticed.isWorkingDay('2030-02-08')).toBe(false);
    expect(noticed.isWorkingDay('2030-02-09')).toBe(true); // a make-up Saturday
    expect(noticed.isWorkingDay('2030-01-26')).toBe(true);
    expect(noticed.isWorkingDay('2030-01-01')).toBe(true); // not in this (partial) notice: the notice decides, not the law
    expect(noticed.isWorkingDay('2030-01-05')).toBe(false);
  });

  it("an administrator's single-day override wins over the year's notice", () => {
    const noticed = createChineseDaysCalendar({
      notices: [{ year: 2030, holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01' }], makeUpWorkingDays: [] }],
      overrides: { '2030-01-01': 'working' },
    });
    expect(noticed.isWorkingDay('2030-01-01')).toBe(true);
  });

  it("an administrator's override wins over the published arrangement", () => {
    const corrected = createChineseDaysCalendar({ overrides: { '2026-02-24': 'non_working', '2026-02-22': 'working' } });
    expect(corrected.isWorkingDay('2026-02-24')).toBe(false);
    expect(corrected.isWorkingDay('2026-02-22')).toBe(true);
    expect(corrected.isWorkingDay('2026-02-25')).toBe(true);
  });

  it('a year the administrator entered in full counts as known', () => {
    const corrected = createChineseDaysCalendar({ overrides: { '2030-01-02': 'non_working' }, yearsEnteredByAdministrator: [2030] });
    expect(corrected.knowsYear(2030)).toBe(true);
    expect(corrected.isWorkingDay('2030-01-02')).toBe(false);
    expect(corrected.isWorkingDay('2030-01-01')).toBe(true); // entered day by day: the law's holidays are not guessed any more
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
