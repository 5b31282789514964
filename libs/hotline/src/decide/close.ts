import type { CloseComplaint } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { STATUSES_BEFORE_RESOLUTION } from '../complaint.status.js';
import type { ClosureKind } from '../complaint.values.js';
import type { DecisionEnv } from './decision-env.js';
import { brokenRule, MERGED, requireStatus, requireSupervisor } from './guards.js';
import { omitUndefined } from './omit-undefined.js';

/**
 * 结案, after the follow-up: once the caller was reached, after at least one unanswered attempt, or
 * at once when the caller left no phone number. Closing over a dissatisfied follow-up instead of
 * reopening it is a supervisor's decision and needs a reason.
 */
export function close(data: CloseComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['resolved', 'followed_up'], { code: 'complaint_not_resolved', message: '工单须办结并回访后才能结案' }, [
    [STATUSES_BEFORE_RESOLUTION, { code: 'complaint_not_resolved', message: '工单尚未办结，不能结案' }],
    [['closed'], { code: 'complaint_already_closed', message: '工单已结案' }],
    [['merged'], MERGED],
  ]);
  if (state.status === 'resolved' && state.callerContactable && state.followUpAttempts === 0) {
    throw brokenRule(state, { code: 'follow_up_required', message: '结案前须先回访来电人' });
  }
  if (state.lastSatisfaction === 'dissatisfied') {
    requireSupervisor(env, { code: 'close_dissatisfied_requires_supervisor', message: '回访不满意的工单只能由督导决定不重办而结案' });
    if (!data.reason?.trim()) throw brokenRule(state, { code: 'close_reason_required', message: '回访不满意的工单结案须说明不重办的理由' });
  }
  return [{ type: 'ComplaintClosed', data: omitUndefined({ closedAt: env.nowIso, via: closureKind(state), reason: data.reason }) }];
}

function closureKind(state: ComplaintState): ClosureKind {
  if (state.status === 'followed_up') return 'after_follow_up';
  return state.followUpAttempts > 0 ? 'caller_unreachable' : 'no_contact_details';
}
