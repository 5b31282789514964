/**
 * A calendar day in China, written `YYYY-MM-DD`. Instants are UTC `Date`s; a `LocalDate` is what a
 * caseworker in Zhengzhou sees on the wall calendar.
 */
export type LocalDate = string;

/**
 * Asia/Shanghai is UTC+8 all year: China has not used daylight saving time since 1991, so a fixed
 * offset is exact for every date this system handles and needs no time-zone database.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Real dates already checked, and each one's UTC midnight. Deadlines count day by day over the same
 * few thousand dates (an import of 50,000 orders asks about them millions of times), so a date is
 * parsed once. Only valid dates are kept, and at most MAX_REMEMBERED (a century is 36,525), so dates
 * a client makes up cannot grow it.
 */
const MAX_REMEMBERED = 100_000;
const knownDates = new Map<string, number>();
/** The day after each date, as `workingDayDeadline` steps through them. */
const nextDays = new Map<string, LocalDate>();

/** True for a real calendar date written `YYYY-MM-DD` (rejects `2025-02-30`). */
export function isLocalDate(value: string): boolean {
  if (knownDates.has(value)) return true;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const utc = new Date(Date.UTC(year!, month! - 1, day!));
  const real = utc.getUTCFullYear() === year && utc.getUTCMonth() === month! - 1 && utc.getUTCDate() === day;
  if (real && knownDates.size < MAX_REMEMBERED) knownDates.set(value, utc.getTime());
  return real;
}

export function assertLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${value}`);
  return value;
}

/** The Shanghai calendar day on which `instant` falls (2026-03-02T17:30Z is `2026-03-03`). */
export function shanghaiDateOf(instant: Date): LocalDate {
  assertValidInstant(instant);
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00.000 Shanghai time on `date`, as a UTC instant. */
export function startOfShanghaiDay(date: LocalDate): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Shanghai time on `date`, as a UTC instant. */
export function endOfShanghaiDay(date: LocalDate): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS + DAY_MS - 1);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (days !== 1) return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
  let next = nextDays.get(date);
  if (next === undefined) {
    next = new Date(utcMidnight(date) + DAY_MS).toISOString().slice(0, 10);
    if (nextDays.size < MAX_REMEMBERED) nextDays.set(date, next);
  }
  return next;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(assertLocalDate(date).slice(0, 4));
}

function utcMidnight(date: LocalDate): number {
  return knownDates.get(date) ?? Date.parse(`${assertLocalDate(date)}T00:00:00Z`);
}

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Not a valid instant');
}
