import type { LocalDate } from './local-date.js';

/**
 * Port: which days are working days (工作日) on the Chinese calendar, public holidays and the
 * make-up working weekends (调休) included. Deadline arithmetic (`deadlines.ts`) is built on it.
 */
export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /**
   * Whether the official arrangement for `year` is known. For an unknown year `isWorkingDay`
   * falls back to Monday–Friday, which is wrong around holidays: callers may warn about it.
   */
  knowsYear(year: number): boolean;
}

export type DayKind = 'working' | 'non_working';

/** An administrator's corrections, by date; they win over the published arrangement. */
export type CalendarOverrides = Readonly<Record<LocalDate, DayKind>>;
