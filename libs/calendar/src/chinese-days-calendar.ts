import published from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { ValidationError, type FieldViolation } from '#errors';
import { assertLocalDate, dayOfWeek, isLocalDate, type LocalDate } from './local-date.js';
import { noticeDayKinds, type HolidayNotice } from './holiday-notice.js';
import { statutoryHolidayDates } from './statutory-holidays.js';
import type { CalendarOverrides, WorkingCalendar } from './working-calendar.js';

/**
 * The State Council's arrangement as shipped by the `chinese-days` package (2004–2026 at 1.5.7).
 * We read its JSON rather than call `isWorkday()`: the package's functions build their tables in the
 * process's local time zone, and in a UTC−x zone every date comes out one day early.
 */
const holidays: Readonly<Record<string, string>> = published.holidays;
const makeUpWorkdays: Readonly<Record<string, string>> = published.workdays;
const publishedYears: ReadonlySet<number> = new Set(Object.keys(holidays).map((date) => Number(date.slice(0, 4))));

export interface ChineseDaysCalendarOptions {
  /** An administrator's corrections; they win over the published arrangement. */
  readonly overrides?: CalendarOverrides;
  /**
   * Years whose whole arrangement the administrator has entered as overrides (for instance after the
   * State Council publishes a year that `chinese-days` does not know yet); `knowsYear` is true for them.
   */
  readonly yearsEnteredByAdministrator?: readonly number[];
  /**
   * The State Council's notices an administrator entered, a year each: a year with a notice follows
   * it (holidays, make-up working days, weekdays otherwise) instead of the package or the law.
   */
  readonly notices?: readonly HolidayNotice[];
}

/**
 * The default `WorkingCalendar`. A day is decided by, first to last: the administrator's override of
 * that day; the notice entered for its year; chinese-days for the years it ships; for any other year
 * the statutory holidays (`statutoryHolidays`) — provisional until the notice is entered — and
 * Monday–Friday otherwise.
 */
export function createChineseDaysCalendar(options: ChineseDaysCalendarOptions = {}): WorkingCalendar {
  const overrides = options.overrides ?? {};
  const violations = overrideViolations(overrides);
  if (violations.length > 0) throw new ValidationError(violations);
  const enteredYears = new Set(options.yearsEnteredByAdministrator ?? []);
  const noticeDays = new Map<number, ReadonlyMap<LocalDate, 'working' | 'non_working'>>(
    (options.notices ?? []).map((notice) => [notice.year, noticeDayKinds(notice)]),
  );

  return {
    isWorkingDay(date: LocalDate): boolean {
      assertLocalDate(date);
      const override = overrides[date];
      if (override) return override === 'working';
      const year = Number(date.slice(0, 4));
      const notice = noticeDays.get(year);
      if (notice) return notice.has(date) ? notice.get(date) === 'working' : isWeekday(date);
      if (publishedYears.has(year)) return makeUpWorkdays[date] ? true : holidays[date] ? false : isWeekday(date);
      // A year entered day by day (before notices could be entered in one go) keeps the weekday rule.
      if (!enteredYears.has(year) && statutoryHolidayDates(year).has(date)) return false;
      return isWeekday(date);
    },
    knowsYear(year: number): boolean {
      return publishedYears.has(year) || enteredYears.has(year) || noticeDays.has(year);
    },
  };
}

function isWeekday(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday >= 1 && weekday <= 5;
}

/** What the State Council's arrangement says of a day: a public holiday, or a make-up working day (调休上班). */
export interface PublishedDay {
  readonly kind: 'holiday' | 'make_up_working_day';
  /** The festival it belongs to, in Chinese (春节) and English (Spring Festival). */
  readonly name: string;
  readonly nameEn: string;
}

/** The published arrangement of `date`, if it is a holiday or a make-up working day; ordinary days have none. */
export function publishedDayOf(date: LocalDate): PublishedDay | undefined {
  assertLocalDate(date);
  const entry = makeUpWorkdays[date] ?? holidays[date];
  if (!entry) return undefined;
  const [nameEn = '', name = nameEn] = entry.split(',');
  return { kind: makeUpWorkdays[date] ? 'make_up_working_day' : 'holiday', name, nameEn };
}

/** The years `chinese-days` has the official arrangement for. */
export function publishedCalendarYears(): readonly number[] {
  return [...publishedYears].sort((a, b) => a - b);
}

function overrideViolations(overrides: CalendarOverrides): FieldViolation[] {
  return Object.entries(overrides).flatMap(([date, kind]): FieldViolation[] => {
    if (!isLocalDate(date)) {
      return [{ field: `overrides.${date}`, rule: 'local_date', message: `日历调整的日期"${date}"无效，应为 YYYY-MM-DD 格式的真实日期` }];
    }
    if (kind !== 'working' && kind !== 'non_working') {
      return [{ field: `overrides.${date}`, rule: 'one_of', message: `${date} 的日历调整只能是 working（工作日）或 non_working（休息日）` }];
    }
    return [];
  });
}
