import { ForbiddenError, NotFoundError, RuleBrokenError } from '#errors';
import type { ComplaintState, HandlingRound } from '../complaint.state.js';
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '../complaint.status.js';
import { SUPERVISOR_ROLE, type DecisionEnv } from './decision-env.js';

/** A rule that names itself: a stable code and a Chinese message saying what would be right. */
export interface Rule {
  readonly code: string;
  readonly message: string;
}

export function requireReceived(state: ComplaintState): void {
  if (state.status === 'none') throw new NotFoundError('complaint_not_found', '工单不存在或尚未受理');
}

/** Fails with the first rule whose statuses include the current one, else with `otherwise`. */
export function requireStatus(
  state: ComplaintState,
  allowed: readonly ComplaintStatus[],
  otherwise: Rule,
  specific: ReadonlyArray<readonly [readonly ComplaintStatus[], Rule]> = [],
): void {
  requireReceived(state);
  if (allowed.includes(state.status)) return;
  const rule = specific.find(([statuses]) => statuses.includes(state.status))?.[1] ?? otherwise;
  throw brokenRule(state, rule);
}

export function brokenRule(state: ComplaintState, rule: Rule): RuleBrokenError {
  return new RuleBrokenError(rule.code, `${rule.message}（当前状态：${COMPLAINT_STATUS_LABELS[state.status]}）`);
}

export function requireAssignedUnit(env: DecisionEnv, round: HandlingRound, rule: Rule): void {
  if (env.actor.orgUnitId !== round.unitId) throw new ForbiddenError(rule.code, rule.message);
}

export function requireSupervisor(env: DecisionEnv, rule: Rule): void {
  if (env.actor.role !== SUPERVISOR_ROLE) throw new ForbiddenError(rule.code, rule.message);
}

/** The current handling round; the statuses that reach here always have one. */
export function currentRound(state: ComplaintState): HandlingRound {
  if (!state.round) throw new Error(`Complaint ${state.complaintId} in status ${state.status} has no handling round`);
  return state.round;
}

export const MERGED: Rule = { code: 'complaint_merged', message: '工单已合并到原工单，请在原工单上办理' };
export const CLOSED: Rule = { code: 'complaint_closed', message: '工单已结案，不能再办理' };
