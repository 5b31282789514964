import { createChineseDaysCalendar, type ChineseDaysCalendarOptions } from './chinese-days-calendar.js';
import type { LocalDate } from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * The working calendar an administrator can correct while the system runs: the published
 * arrangement plus the overrides last loaded. Deadlines already recorded in events keep the
 * calendar they were computed with; new decisions use the corrected one.
 */
export class AdjustableCalendar implements WorkingCalendar {
  private current: WorkingCalendar;

  constructor(options: ChineseDaysCalendarOptions = {}) {
    this.current = createChineseDaysCalendar(options);
  }

  /** Validates and swaps in a new set of corrections in one step (a bad set leaves the old one). */
  adjust(options: ChineseDaysCalendarOptions): void {
    this.current = createChineseDaysCalendar(options);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.current.isWorkingDay(date);
  }

  knowsYear(year: number): boolean {
    return this.current.knowsYear(year);
  }
}
