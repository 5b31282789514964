import { requireNotOwnRequest } from '#decider';
import { RuleBrokenError } from '#errors';
import type { DecideExtensionRequest, RequestExtension } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { brokenRule, currentRound, requireAssignedUnit, requireSupervisor } from './guards.js';
import { checkExtension, extension, SUPERVISOR_ONLY } from './extend-deadline.js';

/** 申请延期: the handling unit asks its supervisor for more time, one request at a time. */
export function requestExtension(data: RequestExtension['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  checkExtension(data.workingDays, state, env);
  requireAssignedUnit(env, currentRound(state), { code: 'extension_request_by_handling_unit', message: '只有承办单位可以申请延期' });
  if (state.pendingExtension) {
    throw brokenRule(state, { code: 'extension_request_pending', message: '已有待审批的延期申请，请等待督导审批' });
  }
  return [{ type: 'ExtensionRequested', data: { requestId: data.requestId, workingDays: data.workingDays, reason: data.reason, requestedAt: env.nowIso, requestedBy: env.actor.userId } }];
}

/** 审批: a supervisor approves (the deadline moves) or rejects (with a reason) the pending request. */
export function decideExtensionRequest(data: DecideExtensionRequest['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireSupervisor(env, SUPERVISOR_ONLY);
  const pending = state.pendingExtension;
  if (!pending || pending.requestId !== data.requestId) {
    throw new RuleBrokenError('extension_request_not_pending', '该延期申请不存在或已审批');
  }
  requireNotOwnRequest(env.actor, pending.requestedBy, '延期申请');
  if (!data.approve) {
    return [{ type: 'ExtensionRequestRejected', data: { requestId: data.requestId, reason: data.reason!, decidedAt: env.nowIso } }];
  }
  const extended = extension({ workingDays: pending.workingDays, reason: pending.reason }, state, env);
  return [{ type: 'ExtensionRequestApproved', data: { requestId: data.requestId, ...(data.reason ? { reason: data.reason } : {}), decidedAt: env.nowIso } }, extended];
}
