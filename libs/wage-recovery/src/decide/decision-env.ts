import { shanghaiDateOf, type LocalDate, type WorkingCalendar } from '#calendar';
import type { DecisionContext } from '#decider';
import { ForbiddenError, NotFoundError, RuleBrokenError, ValidationError, type FieldViolation } from '#errors';
import { localDate, notBefore, notInFuture } from '#field-checks';
import { WAGE_CASE_STATUS_LABELS, type WageCaseState, type WageCaseStatus } from '../wage-case.state.js';
import type { WageTimeLimits } from '../time-limits.js';

export interface WageDeciderDependencies {
  readonly calendar: WorkingCalendar;
  readonly limits: WageTimeLimits;
}

export interface DecisionEnv extends DecisionContext, WageDeciderDependencies {
  readonly nowIso: string;
}

export const SUPERVISOR_ROLE = 'supervisor';

/** A rule that names itself: a stable code and a Chinese message saying what would be right. */
export interface Rule {
  readonly code: string;
  readonly message: string;
}

export function requireOpened(state: WageCaseState): void {
  if (state.status === 'none') throw new NotFoundError('wage_case_not_found', '欠薪案件不存在');
}

const OPEN_STATUSES: readonly WageCaseStatus[] = ['opened', 'verifying', 'verified', 'negotiating'];

/** The case exists and is not closed. */
export function requireOpen(state: WageCaseState, doing: string): void {
  requireOpened(state);
  if (!OPEN_STATUSES.includes(state.status)) throw broken(state, { code: 'wage_case_closed', message: `案件已结案，不能${doing}；如需继续办理请先重新启用` });
}

export function requireStatus(state: WageCaseState, allowed: readonly WageCaseStatus[], rule: Rule): void {
  requireOpened(state);
  if (!allowed.includes(state.status)) throw broken(state, rule);
}

export function broken(state: WageCaseState, rule: Rule): RuleBrokenError {
  return new RuleBrokenError(rule.code, `${rule.message}（当前状态：${WAGE_CASE_STATUS_LABELS[state.status]}）`);
}

export function requireSupervisor(env: DecisionEnv, rule: Rule): void {
  if (env.actor.role !== SUPERVISOR_ROLE) throw new ForbiddenError(rule.code, rule.message);
}

export function rejectIfAny(violations: readonly FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

/** The Shanghai day of the decision: no fact may be dated after it (DOMAIN.md, "The figures…"). */
export function todayOf(env: DecisionEnv): LocalDate {
  return shanghaiDateOf(env.now);
}

/** The Shanghai day the case was opened: the first day a fact of the case may carry. */
export function openedOn(state: WageCaseState): LocalDate | null {
  return state.openedAt ? shanghaiDateOf(new Date(state.openedAt)) : null;
}

/**
 * A date a person gives for something that happened (a payment, a referral, its acceptance…): a real
 * date, not after today, and not before `earliest` (the case's opening, or the step it follows).
 * Planned dates (a promised payment, an installment due) are checked with `localDate` alone.
 */
export function factDate(field: string, label: string, date: unknown, env: DecisionEnv, earliest: LocalDate | null, earliestLabel: string): FieldViolation[] {
  const real = localDate(field, label, date);
  if (real.length > 0) return real;
  return [...notInFuture(field, label, date, todayOf(env)), ...notBefore(field, label, date, earliest, earliestLabel)];
}
