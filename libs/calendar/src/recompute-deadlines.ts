import { workingDayDeadline, workingDaysBetween } from './deadlines.js';
import { addDays, assertLocalDate, shanghaiDateOf, type LocalDate } from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

/** A day whose working status a calendar change flipped, and what it was before. */
export interface CalendarDayChange {
  readonly date: LocalDate;
  readonly workingBefore: boolean;
}

/** The days of `years` that `before` and `after` count differently. */
export function calendarChanges(before: WorkingCalendar, after: WorkingCalendar, years: readonly number[]): CalendarDayChange[] {
  const changes: CalendarDayChange[] = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addDays(date, 1)) {
      const workingBefore = before.isWorkingDay(date);
      if (workingBefore !== after.isWorkingDay(date)) changes.push({ date, workingBefore });
    }
  }
  return changes;
}

/**
 * The calendar as it was before `changes` were made to `after`: a decision can rebuild it from the
 * command alone, so recomputation needs no record of past calendars.
 */
export function calendarBefore(after: WorkingCalendar, changes: readonly CalendarDayChange[]): WorkingCalendar {
  const before = new Map(changes.map((c) => [assertLocalDate(c.date), c.workingBefore]));
  return {
    isWorkingDay: (date) => before.get(date) ?? after.isWorkingDay(date),
    knowsYear: (year) => after.knowsYear(year),
  };
}

/**
 * A working-day deadline recounted on the corrected calendar: as many working days after `from` as
 * the recorded deadline had on the calendar it was computed with. Counting the recorded deadline
 * (rather than re-reading the limits) keeps a supervisor's extension and the limits in force then.
 */
export function recomputedWorkingDayDeadline(before: WorkingCalendar, after: WorkingCalendar, from: Date, due: Date): Date {
  const workingDays = workingDaysBetween(before, from, due);
  return workingDays < 1 ? due : workingDayDeadline(after, from, workingDays);
}

/** The same for a deadline kept as a day (wage referrals, the hardship notice). */
export function recomputedDueOn(before: WorkingCalendar, after: WorkingCalendar, from: LocalDate, due: LocalDate): LocalDate {
  const noon = (day: LocalDate) => new Date(`${day}T04:00:00Z`);
  return shanghaiDateOf(recomputedWorkingDayDeadline(before, after, noon(from), noon(due)));
}
