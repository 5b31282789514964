import type { ReopenComplaint } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { deadlineAfter } from '../time-limits.js';
import type { DecisionEnv } from './decision-env.js';
import { brokenRule, currentRound, MERGED, requireStatus } from './guards.js';

const ONLY_AFTER_DISSATISFACTION = { code: 'reopen_requires_dissatisfied_follow_up', message: '只有回访不满意的工单可以重办' };

/**
 * 重办: after a dissatisfied follow-up (before or after closing), the same unit handles it again
 * with a fresh resolve deadline of the full limit, and may be granted a fresh extension.
 */
export function reopen(data: ReopenComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['followed_up', 'closed'], ONLY_AFTER_DISSATISFACTION, [[['merged'], MERGED]]);
  if (state.lastSatisfaction !== 'dissatisfied') throw brokenRule(state, ONLY_AFTER_DISSATISFACTION);
  const round = currentRound(state);
  const limits = round.urgent ? env.timeLimits.urgent : env.timeLimits.normal;
  const resolveDueAt = deadlineAfter(env.calendar, env.now, limits.resolve).toISOString();
  return [{ type: 'ComplaintReopened', data: { reason: data.reason, reopenedAt: env.nowIso, unitId: round.unitId, resolveDueAt } }];
}
