import { shanghaiDateOf, yearOf, type LocalDate } from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * 暂定: a deadline on a day of a year whose State Council notice is not known yet (not in
 * chinese-days, not entered by an administrator). It was counted on the statutory holidays alone and
 * moves when the notice is entered.
 */
export function isProvisionalDate(calendar: WorkingCalendar, date: LocalDate): boolean {
  return !calendar.knowsYear(yearOf(date));
}

/** The same for an instant (a hotline deadline), on its Shanghai day. */
export function isProvisionalInstant(calendar: WorkingCalendar, instant: string | Date): boolean {
  return isProvisionalDate(calendar, shanghaiDateOf(typeof instant === 'string' ? new Date(instant) : instant));
}
