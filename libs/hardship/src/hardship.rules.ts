import { addDays, shanghaiDateOf, workingDayDeadline, type LocalDate, type WorkingCalendar } from '#calendar';
import type { FieldViolation } from '#errors';
import { requiredText } from '#field-checks';
import type { Fen } from '#money';
import type { MonthlyIncome } from './hardship.values.js';

/** The file's time limits and the lift-out rule (DOMAIN.md §3), as configuration. */
export interface HardshipLimits {
  /** 公示: working days without objection before registration may be asked for. */
  readonly noticeWorkingDays: number;
  /** 年度复核: months between reviews. */
  readonly reviewEveryMonths: number;
  /** 返贫监测: months of follow-up after lifting out, and a check-in every so many months. */
  readonly followUpMonths: number;
  readonly checkInEveryMonths: number;
  /** 脱困: income per head above the line for this many months in a row. */
  readonly monthsAboveLine: number;
  /** Days ahead of a step falling due that its cadres are reminded. */
  readonly remindDaysBefore: number;
}

export const DEFAULT_HARDSHIP_LIMITS: HardshipLimits = { noticeWorkingDays: 5, reviewEveryMonths: 12, followUpMonths: 12, checkInEveryMonths: 3, monthsAboveLine: 6, remindDaysBefore: 14 };

/** Port: the local minimum-living line (低保线) per head and month, by district and year, kept by administrators. */
export interface PovertyLines {
  lineFor(district: string, year: number): Fen | undefined;
}

/** `*`: the line of every district without one of its own. */
export const EVERY_DISTRICT = '*';
/** The highest line accepted, fen per head and month (100,000 yuan): anything above is a typing error. */
const HIGHEST_LINE = 10_000_000;

/** What an administrator may record as a line: a district (or `*`), a year, whole fen above zero, and why. */
export function checkPovertyLine(entry: { district: string; year: number; line: unknown; reason: unknown }): FieldViolation[] {
  return [
    ...(entry.district === EVERY_DISTRICT || /^\d{6}$/.test(entry.district) ? [] : [{ field: 'district', rule: 'district', message: '区县须为 6 位行政区划代码，或 * 表示所有区县' }]),
    ...(Number.isInteger(entry.year) && entry.year >= 2000 && entry.year <= 2100 ? [] : [{ field: 'year', rule: 'year', message: '年份须为 2000 至 2100 的整数' }]),
    ...(Number.isInteger(entry.line) && (entry.line as number) >= 1 && (entry.line as number) <= HIGHEST_LINE ? [] : [{ field: 'line', rule: 'fen_range', message: '低保标准须为 1 至 10000000 之间的整数（分/人·月）' }]),
    ...requiredText('reason', '调整依据', entry.reason, 500),
  ];
}

/** The last day of the notice: `workingDays` working days after the day it starts (the first day not counted). */
export function noticeEndsOn(calendar: WorkingCalendar, startedOn: LocalDate, workingDays: number): LocalDate {
  return shanghaiDateOf(workingDayDeadline(calendar, new Date(`${startedOn}T04:00:00Z`), workingDays));
}

/** `date` plus whole months, on the same day of the month or the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function followUpCheckIns(liftedOn: LocalDate, limits: HardshipLimits): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let months = limits.checkInEveryMonths; months <= limits.followUpMonths; months += limits.checkInEveryMonths) dates.push(addMonths(liftedOn, months));
  return dates;
}

/**
 * 脱困 by income: the last `monthsAboveLine` recorded months are consecutive calendar months, the most
 * recent no later than the month of `asOf`, and in each the income per head was above that month's line.
 */
export function incomeAboveLineLongEnough(incomes: readonly MonthlyIncome[], asOf: LocalDate, limits: HardshipLimits): boolean {
  const recent = [...incomes].sort((a, b) => a.month.localeCompare(b.month)).slice(-limits.monthsAboveLine);
  if (recent.length < limits.monthsAboveLine) return false;
  if (recent[recent.length - 1].month > asOf.slice(0, 7)) return false;
  return recent.every((m, i) => m.incomePerHead > m.line && (i === 0 || nextMonth(recent[i - 1].month) === m.month));
}

function nextMonth(month: string): string {
  return addMonths(`${month}-01`, 1).slice(0, 7);
}

export function dayAfter(date: LocalDate): LocalDate {
  return addDays(date, 1);
}

/**
 * Whom a delivery reached: distinct places in the household (0 the head, k the k-th listed member),
 * at least one, each below the household's size. Absent is allowed (the head only).
 */
export function checkReached(reached: unknown, householdSize: number): FieldViolation[] {
  if (reached === undefined) return [];
  const places = Array.isArray(reached) ? reached : null;
  if (!places || places.length === 0) return [{ field: 'reached', rule: 'required', message: '惠及的家庭成员至少选择一人（0 为户主）' }];
  return places.flatMap((place, i) => {
    if (!Number.isInteger(place) || (place as number) < 0 || (place as number) >= householdSize) {
      return [{ field: `reached.${i}`, rule: 'household_member', message: `惠及的家庭成员须为 0（户主）至 ${householdSize - 1} 之间的序号` }];
    }
    return places.indexOf(place) === i ? [] : [{ field: `reached.${i}`, rule: 'duplicate', message: '惠及的家庭成员不能重复' }];
  });
}
