/**
 * A period of calendar days cut into the fewest whole pieces a roll-up keeps rows for: whole years,
 * then whole months, then the days left over. Each piece is named by its first day (YYYY-MM-DD), so
 * a figure over ten years sums about ten year rows per group instead of every fact of the decade.
 */
export interface CalendarSegments {
  /** 1 January of each whole year inside the period. */
  readonly years: string[];
  /** The 1st of each whole month inside the period that is not part of a whole year. */
  readonly months: string[];
  /** Each remaining day (at most the ragged ends, fewer than two months' worth). */
  readonly days: string[];
}

/** `from` and `to` are calendar days (YYYY-MM-DD), both inclusive; an empty period (to before from) has no segments. */
export function calendarSegments(from: string, to: string): CalendarSegments {
  const segments = { years: [] as string[], months: [] as string[], days: [] as string[] };
  const last = dayOf(to);
  let cursor = dayOf(from);
  while (cursor <= last) {
    const yearEnd = Date.UTC(yearOf(cursor) + 1, 0, 1) - DAY;
    const monthEnd = Date.UTC(yearOf(cursor), monthOf(cursor) + 1, 1) - DAY;
    if (isFirstOfYear(cursor) && yearEnd <= last) {
      segments.years.push(isoDay(cursor));
      cursor = yearEnd + DAY;
    } else if (isFirstOfMonth(cursor) && monthEnd <= last) {
      segments.months.push(isoDay(cursor));
      cursor = monthEnd + DAY;
    } else {
      segments.days.push(isoDay(cursor));
      cursor += DAY;
    }
  }
  return segments;
}

const DAY = 86_400_000;

/** A calendar day as the UTC midnight's epoch milliseconds: plain day arithmetic, no time zone involved. */
function dayOf(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(time) || isoDay(time) !== day) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  return time;
}

const yearOf = (time: number): number => new Date(time).getUTCFullYear();
const monthOf = (time: number): number => new Date(time).getUTCMonth();
const isFirstOfMonth = (time: number): boolean => new Date(time).getUTCDate() === 1;
const isFirstOfYear = (time: number): boolean => isFirstOfMonth(time) && monthOf(time) === 0;
const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
