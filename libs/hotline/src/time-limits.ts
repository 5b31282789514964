import { hoursDeadline, workingDayDeadline, type WorkingCalendar } from '#calendar';
import { ValidationError, type FieldViolation } from '#errors';

/** A limit in working days on the Chinese calendar, or in elapsed hours (urgent orders). */
export type TimeLimit = { readonly workingDays: number } | { readonly hours: number };

/** The limits of one handling round, counted from the assignment (转办/交办). */
export interface StepTimeLimits {
  /** 签收 */
  readonly signFor: TimeLimit;
  /** First contact with the caller (首次联系). */
  readonly firstContact: TimeLimit;
  /** 办结 */
  readonly resolve: TimeLimit;
}

/**
 * The hotline's time limits. Provinces publish their own and none is national, so these are
 * configuration: the application loads overrides from its config file (`hotlineTimeLimits`).
 * The deadlines they give are recorded in the events, so a later change never rewrites history.
 */
export interface HotlineTimeLimits {
  readonly normal: StepTimeLimits;
  /** Orders marked urgent, collective ones and those with a safety risk. */
  readonly urgent: StepTimeLimits;
  /** 回访, counted from the resolution. */
  readonly followUp: TimeLimit;
  /** Extension of the resolution deadline by a supervisor: how often per handling round, how long at most. */
  readonly extension: { readonly maxTimes: number; readonly maxWorkingDays: number };
  /** A complaint affecting at least this many workers is collective (群体性) and so urgent. */
  readonly collectiveWorkersThreshold: number;
  /** A call within this many days about the same employer or from the same phone is a repeat (重复来电). */
  readonly repeatCallWindowDays: number;
}

export const DEFAULT_HOTLINE_TIME_LIMITS: HotlineTimeLimits = {
  normal: { signFor: { workingDays: 1 }, firstContact: { workingDays: 3 }, resolve: { workingDays: 15 } },
  urgent: { signFor: { hours: 2 }, firstContact: { workingDays: 3 }, resolve: { workingDays: 5 } },
  followUp: { workingDays: 3 },
  extension: { maxTimes: 1, maxWorkingDays: 15 },
  collectiveWorkersThreshold: 10,
  repeatCallWindowDays: 30,
};

export interface HotlineTimeLimitOverrides {
  readonly normal?: Partial<StepTimeLimits>;
  readonly urgent?: Partial<StepTimeLimits>;
  readonly followUp?: TimeLimit;
  readonly extension?: Partial<HotlineTimeLimits['extension']>;
  readonly collectiveWorkersThreshold?: number;
  readonly repeatCallWindowDays?: number;
}

/** The defaults with `overrides` applied; throws a `ValidationError` naming every bad setting. */
export function hotlineTimeLimits(overrides: HotlineTimeLimitOverrides = {}): HotlineTimeLimits {
  const d = DEFAULT_HOTLINE_TIME_LIMITS;
  const limits: HotlineTimeLimits = {
    normal: { ...d.normal, ...overrides.normal },
    urgent: { ...d.urgent, ...overrides.urgent },
    followUp: overrides.followUp ?? d.followUp,
    extension: { ...d.extension, ...overrides.extension },
    collectiveWorkersThreshold: overrides.collectiveWorkersThreshold ?? d.collectiveWorkersThreshold,
    repeatCallWindowDays: overrides.repeatCallWindowDays ?? d.repeatCallWindowDays,
  };
  const violations = validateTimeLimits(limits);
  if (violations.length > 0) throw new ValidationError(violations);
  return limits;
}

export function validateTimeLimits(limits: HotlineTimeLimits): FieldViolation[] {
  const steps = (['normal', 'urgent'] as const).flatMap((level) =>
    (['signFor', 'firstContact', 'resolve'] as const).flatMap((step) => timeLimitViolations(`${level}.${step}`, limits[level][step])),
  );
  return [
    ...steps,
    ...timeLimitViolations('followUp', limits.followUp),
    ...wholeNumberViolations('extension.maxTimes', limits.extension.maxTimes, 0),
    ...wholeNumberViolations('extension.maxWorkingDays', limits.extension.maxWorkingDays, 1),
    ...wholeNumberViolations('collectiveWorkersThreshold', limits.collectiveWorkersThreshold, 2),
    ...wholeNumberViolations('repeatCallWindowDays', limits.repeatCallWindowDays, 1),
  ];
}

/** The instant a limit running from `from` expires. */
export function deadlineAfter(calendar: WorkingCalendar, from: Date, limit: TimeLimit): Date {
  return 'workingDays' in limit ? workingDayDeadline(calendar, from, limit.workingDays) : hoursDeadline(from, limit.hours);
}

function timeLimitViolations(field: string, limit: TimeLimit | undefined): FieldViolation[] {
  const value = limit as { workingDays?: unknown; hours?: unknown } | undefined;
  const hasDays = value?.workingDays !== undefined;
  const hasHours = value?.hours !== undefined;
  if (hasDays === hasHours) {
    return [{ field, rule: 'time_limit', message: `时限 ${field} 须且只须设置工作日数（workingDays）或小时数（hours）之一` }];
  }
  if (hasDays) return wholeNumberViolations(`${field}.workingDays`, value!.workingDays, 1);
  const hours = value!.hours;
  return typeof hours === 'number' && Number.isFinite(hours) && hours > 0
    ? []
    : [{ field: `${field}.hours`, rule: 'positive_number', message: `时限 ${field}.hours 须为大于 0 的小时数` }];
}

function wholeNumberViolations(field: string, value: unknown, min: number): FieldViolation[] {
  return Number.isInteger(value) && (value as number) >= min
    ? []
    : [{ field, rule: 'integer_min', message: `设置项 ${field} 须为不小于 ${min} 的整数` }];
}
