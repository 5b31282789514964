import { addDays, isProvisionalDate, shanghaiDateOf, workingDayDeadline, type LocalDate, type WorkingCalendar } from '#calendar';
import type { ReferralTarget } from './wage-case.values.js';
import type { ReferralRecord } from './wage-case.state.js';

/** A period counted in calendar days or in working days (the Chinese calendar, 调休 included). */
export type Period = { readonly days: number } | { readonly workingDays: number };

export interface ReferralLimits {
  /** The body must accept (受理/立案) within this of the referral, when the law sets a limit. */
  readonly accept: Period | null;
  /** It must conclude (结案/裁决) within this of accepting. */
  readonly conclude: Period | null;
  /** How much longer a conclusion may take once extended. */
  readonly extension: Period | null;
}

/**
 * The wage case's time limits. Each names its law; all are configuration, so an administrator can
 * correct them (`wageTimeLimits` merges overrides). Deadlines are recorded in the events as decided.
 */
export interface WageTimeLimits {
  readonly referrals: Readonly<Record<ReferralTarget, ReferralLimits>>;
  /** 仲裁时效: a claim must go to arbitration within this many years of the end of employment (劳动争议调解仲裁法 Art 27). */
  readonly limitationYears: number;
  /** The case warns this many days before a claimant's limitation date. */
  readonly limitationWarningDays: number;
}

export const DEFAULT_WAGE_TIME_LIMITS: WageTimeLimits = {
  referrals: {
    // 劳动保障监察条例 Art 15, 17: accepted within 5 working days, concluded within 60 working days, +30 if extended.
    labour_inspection: { accept: { workingDays: 5 }, conclude: { workingDays: 60 }, extension: { workingDays: 30 } },
    // 劳动争议调解仲裁法 Art 29, 43: accepted within 5 days, award within 45 days, +15 if extended.
    arbitration: { accept: { days: 5 }, conclude: { days: 45 }, extension: { days: 15 } },
    // 民事诉讼法 Art 126: a case is filed within 7 days; trial periods vary and are not tracked here.
    court: { accept: { days: 7 }, conclude: null, extension: null },
    // 民事诉讼法 Art 223 (劳动争议调解仲裁法 Art 16): the court says within 5 days, the order issues within 15 days of accepting.
    payment_order: { accept: { days: 5 }, conclude: { days: 15 }, extension: null },
    // 法律援助法 Art 43: legal aid decides within 7 working days.
    legal_aid: { accept: { workingDays: 7 }, conclude: null, extension: null },
    // 劳动争议调解仲裁法 Art 14: without an agreement within 15 days of the application, the parties may go to arbitration.
    mediation: { accept: null, conclude: { days: 15 }, extension: null },
  },
  limitationYears: 1,
  limitationWarningDays: 30,
};

export function wageTimeLimits(overrides: Partial<WageTimeLimits> = {}): WageTimeLimits {
  return {
    ...DEFAULT_WAGE_TIME_LIMITS,
    ...overrides,
    referrals: { ...DEFAULT_WAGE_TIME_LIMITS.referrals, ...(overrides.referrals ?? {}) },
  };
}

/** The last day of a period starting the day after `from` (the first day is not counted, 民法典 Art 201). */
export function dueOn(calendar: WorkingCalendar, from: LocalDate, period: Period): LocalDate {
  if ('days' in period) return addDays(from, period.days);
  return shanghaiDateOf(workingDayDeadline(calendar, new Date(`${from}T04:00:00Z`), period.workingDays));
}

/** 仲裁时效届满日: the day a claim's limitation ends, one year (by default) after employment ended. */
export function limitationDate(workedUntil: LocalDate, limits: WageTimeLimits): LocalDate {
  const [year, month, day] = workedUntil.split('-').map(Number);
  const target = new Date(Date.UTC(year + limits.limitationYears, month - 1, day));
  // 29 February plus a year is the 28th, not 1 March.
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Whether the limitation warning is on for `today`: within the warning window, or already past. */
export function limitationStanding(workedUntil: LocalDate, today: LocalDate, limits: WageTimeLimits): 'ok' | 'warning' | 'expired' {
  const ends = limitationDate(workedUntil, limits);
  if (today > ends) return 'expired';
  return addDays(ends, -limits.limitationWarningDays) <= today ? 'warning' : 'ok';
}

/**
 * Whether a referral's running deadline is provisional (暂定): counted in working days and falling in
 * a year whose holiday notice is not known yet, so that it moves when the notice is entered.
 */
export function referralDeadlineProvisional(calendar: WorkingCalendar, referral: Pick<ReferralRecord, 'target' | 'acceptedOn' | 'acceptDueOn' | 'concludeDueOn' | 'concludedOn'>, limits: WageTimeLimits): boolean {
  if (referral.concludedOn) return false;
  const target = limits.referrals[referral.target];
  const [period, dueOn] = referral.acceptedOn ? [target?.conclude, referral.concludeDueOn] : [target?.accept, referral.acceptDueOn];
  return !!period && 'workingDays' in period && !!dueOn && isProvisionalDate(calendar, dueOn);
}
