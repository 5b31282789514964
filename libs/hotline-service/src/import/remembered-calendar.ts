import type { WorkingCalendar } from '#calendar';

/**
 * The system's working calendar with each day's answer remembered for the length of one import:
 * 50,000 orders count their deadlines over the same few thousand days, a million times in all. The
 * answers are the calendar's own (administrators' corrections included), as it stood when the import began.
 */
export function rememberedCalendar(calendar: WorkingCalendar): WorkingCalendar {
  const days = new Map<string, boolean>();
  return {
    isWorkingDay(date) {
      let working = days.get(date);
      if (working === undefined) days.set(date, (working = calendar.isWorkingDay(date)));
      return working;
    },
    knowsYear: (year) => calendar.knowsYear(year),
  };
}
