/**
 * Dates for the demo's wage cases, hardship files and mediation cases, counted back (or, for what
 * is planned, forward) from today in Asia/Shanghai. The system refuses a fact dated after today or
 * before the step it follows, so every date here is derived from the one `today`.
 */

const DAY = 86_400_000;

/** The Shanghai calendar day of `now`, `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** `day` moved by `days` calendar days (negative: earlier). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** A Shanghai wall-clock time on `day` as an instant with its offset, e.g. `2026-04-10T09:30:00+08:00`. */
export function shanghaiInstant(day: string, hhmm: string): string {
  return `${day}T${hhmm}:00+08:00`;
}

/** The dates of one run: `ago(n)` is n days before today, `ahead(n)` n days after. */
export interface DemoDays {
  readonly today: string;
  ago(days: number): string;
  ahead(days: number): string;
}

export function demoDays(now: Date = new Date()): DemoDays {
  const today = shanghaiToday(now);
  return { today, ago: (days) => addDays(today, -days), ahead: (days) => addDays(today, days) };
}
