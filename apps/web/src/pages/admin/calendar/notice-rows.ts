import type { CalendarYear } from '../../../api-types';

export interface NoticeRow {
  name: string;
  from: string;
  to: string;
}

/**
 * The rows the notice form starts from: the notice already entered, else the statutory holidays the
 * year is counted on now (consecutive days of one festival as one range, 补假 included), so that the
 * administrator only corrects what the State Council changed.
 */
export function initialNoticeRows(calendar: CalendarYear): { rows: NoticeRow[]; makeUp: string; reason: string } {
  if (calendar.notice) {
    return { rows: calendar.notice.holidays.map((h) => ({ ...h })), makeUp: calendar.notice.makeUpWorkingDays.join(' '), reason: '' };
  }
  const rows: NoticeRow[] = [];
  for (const day of calendar.days) {
    if (!day.statutory) continue;
    const last = rows[rows.length - 1];
    if (last && last.name === day.statutory.name && isNextDay(last.to, day.date)) last.to = day.date;
    else rows.push({ name: day.statutory.name, from: day.date, to: day.date });
  }
  return { rows, makeUp: '', reason: '' };
}

/** Make-up working days typed with spaces, commas or 、 between them. */
export function makeUpDays(text: string): string[] {
  return text.split(/[\s,，、;；]+/).map((d) => d.trim()).filter(Boolean);
}

function isNextDay(a: string, b: string): boolean {
  return Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`) === 86_400_000;
}
