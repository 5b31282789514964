import { shanghaiToday } from '../../format';

/**
 * The room calendar's arithmetic: Shanghai calendar days as `YYYY-MM-DD`, weeks from Monday, and
 * where a session sits in a day column. Days are added on the UTC calendar, so no daylight-saving
 * or host time zone can move them.
 */
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The seven days (Monday to Sunday) of the week holding `day`. */
export function weekOf(day: string): string[] {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(day, -weekday);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The Shanghai day an instant falls on. */
export const dayOf = (iso: string): string => shanghaiToday(new Date(iso));

/** Minutes since Shanghai midnight of an instant. */
export function minuteOfDay(iso: string): number {
  return Math.floor(((Date.parse(iso) + SHANGHAI_OFFSET_MS) % DAY_MS) / 60_000);
}

/** `2026-04-10` and `09:30` (Shanghai) → the instant with its offset, as the API takes it. */
export function shanghaiInstant(day: string, time: string): string {
  return `${day}T${time}:00+08:00`;
}

/** An instant as the Shanghai time of day, `HH:MM`, for a time input. */
export function timeOfDay(iso: string): string {
  const minutes = minuteOfDay(iso);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The hours a day column shows: office hours, widened to hold every session given. */
export function hoursShown(sessions: readonly { startsAt: string; endsAt: string }[], from = 8, to = 18): { from: number; to: number } {
  let first = from;
  let last = to;
  for (const s of sessions) {
    first = Math.min(first, Math.floor(minuteOfDay(s.startsAt) / 60));
    const end = minuteOfDay(s.endsAt);
    last = Math.max(last, Math.ceil((end === 0 ? 24 * 60 : end) / 60));
  }
  return { from: first, to: last };
}

/** Where a session's block sits in its day column, as percentages of the hours shown. */
export function blockPlacement(session: { startsAt: string; endsAt: string }, hours: { from: number; to: number }): { top: number; height: number } {
  const span = (hours.to - hours.from) * 60;
  const start = minuteOfDay(session.startsAt) - hours.from * 60;
  const end = Math.max(start + 15, (minuteOfDay(session.endsAt) || 24 * 60) - hours.from * 60);
  return { top: (start / span) * 100, height: ((end - start) / span) * 100 };
}
