import { addDays, dayOfWeek, publishedDayOf, type LocalDate, type PublishedDay, type WorkingCalendar } from '#calendar';
import type { CalendarDay } from './calendar-days.store.js';

/** One day of the year as the administrator's calendar page shows it. */
export interface CalendarYearDay {
  readonly date: LocalDate;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** As the live calendar counts it now: the published arrangement with the corrections. */
  readonly working: boolean;
  /** A public holiday or a make-up working day (调休上班) of the State Council's arrangement. */
  readonly published: PublishedDay | null;
  /** The administrator's correction of the day, if any. */
  readonly correction: { readonly kind: CalendarDay['kind']; readonly note: string } | null;
}

/** Every day of `year`, so that a client need not know the arrangement or the weekday rule itself. */
export function calendarYearDays(year: number, calendar: WorkingCalendar, corrections: readonly CalendarDay[]): CalendarYearDay[] {
  const byDate = new Map(corrections.map((c) => [c.date, c]));
  const days: CalendarYearDay[] = [];
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    const correction = byDate.get(date);
    days.push({
      date,
      weekday: dayOfWeek(date),
      working: calendar.isWorkingDay(date),
      published: publishedDayOf(date) ?? null,
      correction: correction ? { kind: correction.kind, note: correction.note } : null,
    });
  }
  return days;
}
