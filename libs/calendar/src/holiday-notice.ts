import type { FieldViolation } from '#errors';
import { addDays, isLocalDate, type LocalDate } from './local-date.js';

/** One festival of a notice: its days off, both ends included (e.g. 春节 2027-02-05 to 2027-02-11). */
export interface NoticeHoliday {
  readonly name: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * 国务院办公厅关于某年部分节假日安排的通知: a year's days off and its make-up working days (调休上班),
 * as an administrator enters it. It replaces the provisional (statutory) arrangement of that year.
 */
export interface HolidayNotice {
  readonly year: number;
  readonly holidays: readonly NoticeHoliday[];
  readonly makeUpWorkingDays: readonly LocalDate[];
}

const MAX_HOLIDAYS = 20;
const MAX_HOLIDAY_DAYS = 15;

/**
 * What is wrong with a notice for `year`, field by field: each date real and inside the year, every
 * range in order and no longer than a festival gets, no day both off and a make-up working day, no
 * two ranges sharing a day.
 */
export function holidayNoticeViolations(year: number, input: { holidays?: unknown; makeUpWorkingDays?: unknown }): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const inYear = (field: string, label: string, value: unknown): value is LocalDate => {
    if (typeof value !== 'string' || !isLocalDate(value)) {
      violations.push({ field, rule: 'local_date', message: `${label}须为 YYYY-MM-DD 格式的真实日期` });
      return false;
    }
    if (!value.startsWith(`${year}-`)) {
      violations.push({ field, rule: 'notice_year', message: `${label}须在 ${year} 年内` });
      return false;
    }
    return true;
  };
  const { holidays, makeUpWorkingDays } = input;
  if (!Array.isArray(holidays) || holidays.length === 0 || holidays.length > MAX_HOLIDAYS) {
    violations.push({ field: 'holidays', rule: 'notice_holidays', message: `放假安排（holidays）须为 1 至 ${MAX_HOLIDAYS} 项的列表` });
  }
  if (!Array.isArray(makeUpWorkingDays) || makeUpWorkingDays.length > 30) {
    violations.push({ field: 'makeUpWorkingDays', rule: 'notice_make_up_days', message: '调休上班日期（makeUpWorkingDays）须为不超过 30 项的日期列表' });
  }
  if (violations.length > 0) return violations;
  const daysOff = new Map<LocalDate, string>();
  (holidays as unknown[]).forEach((item, index) => {
    const field = `holidays[${index}]`;
    const holiday = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const name = holiday['name'];
    if (typeof name !== 'string' || name.trim().length === 0 || name.length > 20 || /[\u0000-\u001f]/.test(name)) {
      violations.push({ field: `${field}.name`, rule: 'required_text', message: `第 ${index + 1} 项放假安排的节日名称须填写，不超过 20 字` });
    }
    const fromOk = inYear(`${field}.from`, `第 ${index + 1} 项放假安排的开始日期`, holiday['from']);
    const toOk = inYear(`${field}.to`, `第 ${index + 1} 项放假安排的结束日期`, holiday['to']);
    if (!fromOk || !toOk) return;
    const from = holiday['from'] as LocalDate;
    const to = holiday['to'] as LocalDate;
    if (from > to) {
      violations.push({ field: `${field}.to`, rule: 'date_order', message: `第 ${index + 1} 项放假安排的结束日期不能早于开始日期` });
      return;
    }
    const days = datesFrom(from, to);
    if (days.length > MAX_HOLIDAY_DAYS) {
      violations.push({ field: `${field}.to`, rule: 'notice_holiday_length', message: `第 ${index + 1} 项放假安排不能超过 ${MAX_HOLIDAY_DAYS} 天` });
      return;
    }
    const clash = days.find((day) => daysOff.has(day));
    if (clash) {
      violations.push({ field: `${field}.from`, rule: 'notice_overlap', message: `第 ${index + 1} 项放假安排与"${daysOff.get(clash)}"重叠（${clash}）` });
      return;
    }
    for (const day of days) daysOff.set(day, typeof name === 'string' ? name : '');
  });
  const workingDays = new Set<LocalDate>();
  (makeUpWorkingDays as unknown[]).forEach((value, index) => {
    const field = `makeUpWorkingDays[${index}]`;
    if (!inYear(field, `第 ${index + 1} 个调休上班日期`, value)) return;
    if (daysOff.has(value)) {
      violations.push({ field, rule: 'notice_overlap', message: `调休上班日期 ${value} 同时在"${daysOff.get(value)}"的放假安排内` });
    } else if (workingDays.has(value)) {
      violations.push({ field, rule: 'notice_duplicate', message: `调休上班日期 ${value} 重复` });
    }
    workingDays.add(value);
  });
  return violations;
}

/** The days a notice decides: its days off and its make-up working days; other days follow the weekday rule. */
export function noticeDayKinds(notice: HolidayNotice): ReadonlyMap<LocalDate, 'working' | 'non_working'> {
  const kinds = new Map<LocalDate, 'working' | 'non_working'>();
  for (const holiday of notice.holidays) for (const day of datesFrom(holiday.from, holiday.to)) kinds.set(day, 'non_working');
  for (const day of notice.makeUpWorkingDays) kinds.set(day, 'working');
  return kinds;
}

/** Which festival of the notice a day belongs to, for the calendar page. */
export function noticeHolidayOf(notice: HolidayNotice, date: LocalDate): string | undefined {
  return notice.holidays.find((h) => h.from <= date && date <= h.to)?.name;
}

function datesFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
