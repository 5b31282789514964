import { addDays, endOfShanghaiDay, shanghaiDateOf } from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

const HOUR_MS = 60 * 60 * 1000;
/** No real calendar has a year without a working day; more means the overrides are broken. */
const MAX_NON_WORKING_RUN = 366;

/**
 * The end (23:59:59.999 Shanghai time) of the `workingDays`-th working day after the Shanghai day
 * on which `from` falls, as a UTC instant.
 *
 * The day of `from` itself is never counted, whether or not it is a working day — the rule for
 * periods counted in days in Chinese law (民法典 Art. 201: 开始的当日不计入). So an order assigned on a
 * Saturday, like one assigned on the Friday before, is due for sign-for at the end of the next
 * working day; a make-up working Saturday (调休) counts like any working day.
 */
export function workingDayDeadline(calendar: WorkingCalendar, from: Date, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  }
  let day = shanghaiDateOf(from);
  let remaining = workingDays;
  let nonWorkingRun = 0;
  while (remaining > 0) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) {
      remaining -= 1;
      nonWorkingRun = 0;
    } else if (++nonWorkingRun > MAX_NON_WORKING_RUN) {
      throw new RangeError(`No working day in the ${MAX_NON_WORKING_RUN} days before ${day}: check the calendar overrides`);
    }
  }
  return endOfShanghaiDay(day);
}

/** `from` plus `hours` of elapsed time, nights and holidays included (urgent orders). */
export function hoursDeadline(from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`hours must be a positive number, got ${hours}`);
  return new Date(from.getTime() + hours * HOUR_MS);
}

/**
 * Working days after the Shanghai day of `a`, up to and including the Shanghai day of `b`, so that
 * `workingDaysBetween(from, workingDayDeadline(from, n)) === n`. Same day: 0; `b` before `a`: negative.
 */
export function workingDaysBetween(calendar: WorkingCalendar, a: Date, b: Date): number {
  const first = shanghaiDateOf(a);
  const last = shanghaiDateOf(b);
  if (last < first) return -workingDaysBetween(calendar, b, a);
  let count = 0;
  for (let day = addDays(first, 1); day <= last; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}
