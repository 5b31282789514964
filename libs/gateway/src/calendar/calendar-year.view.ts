import { addDays, dayOfWeek, noticeHolidayOf, publishedDayOf, statutoryHolidays, type HolidayNotice, type LocalDate, type PublishedDay, type WorkingCalendar } from '#calendar';
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
  /** The festival of the entered notice this day is off for, if any. */
  readonly notice: string | null;
  /** In a provisional year: the statutory holiday counted on this day (补假 included), if any. */
  readonly statutory: { readonly name: string; readonly substitute: boolean } | null;
  /** The administrator's correction of the day, if any. */
  readonly correction: { readonly kind: CalendarDay['kind']; readonly note: string } | null;
}

/** Every day of `year`, so that a client need not know the arrangement or the weekday rule itself. */
export function calendarYearDays(year: number, calendar: WorkingCalendar, corrections: readonly CalendarDay[], notice: HolidayNotice | null): CalendarYearDay[] {
  const byDate = new Map(corrections.map((c) => [c.date, c]));
  const provisional = !calendar.knowsYear(year);
  const statutory = new Map(provisional ? statutoryHolidays(year).map((h) => [h.date, { name: h.name, substitute: h.substitute }]) : []);
  const days: CalendarYearDay[] = [];
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    const correction = byDate.get(date);
    days.push({
      date,
      weekday: dayOfWeek(date),
      working: calendar.isWorkingDay(date),
      published: publishedDayOf(date) ?? null,
      notice: notice ? (noticeHolidayOf(notice, date) ?? (notice.makeUpWorkingDays.includes(date) ? '调休上班' : null)) : null,
      statutory: statutory.get(date) ?? null,
      correction: correction ? { kind: correction.kind, note: correction.note } : null,
    });
  }
  return days;
}
