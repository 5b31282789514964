import type { CalendarDay } from '../../../api-types';

/** How a day looks on the page: the administrator's correction, else the published arrangement, else the plain week. */
export type DayLook = 'holiday' | 'make_up_working_day' | 'rest' | 'work';

export function dayLook(day: CalendarDay): DayLook {
  if (day.correction) return day.correction.kind === 'working' ? 'work' : 'rest';
  if (day.published) return day.published.kind;
  if (day.notice) return day.working ? 'make_up_working_day' : 'holiday';
  if (day.statutory) return 'holiday';
  return day.weekday === 0 || day.weekday === 6 ? 'rest' : 'work';
}

/** The weeks of one month, Monday first as on a Chinese wall calendar; `null` pads the first and last week. */
export function monthWeeks(days: CalendarDay[], month: number): (CalendarDay | null)[][] {
  const ofMonth = days.filter((day) => Number(day.date.slice(5, 7)) === month);
  if (ofMonth.length === 0) return [];
  const lead = (ofMonth[0].weekday + 6) % 7;
  const cells: (CalendarDay | null)[] = [...Array<null>(lead).fill(null), ...ofMonth];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Column headings, Monday to Sunday, as weekday numbers (0 = Sunday). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
