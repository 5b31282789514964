import type { ResolveComplaint } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { deadlineAfter } from '../time-limits.js';
import type { DecisionEnv } from './decision-env.js';
import { brokenRule, currentRound } from './guards.js';
import { requireInProgress } from './in-progress.js';

/**
 * 办结. A caller who left a phone number must have been contacted (or tried) first. Whether it met
 * the (possibly extended) deadline is recorded for the on-time resolution rate, and the follow-up
 * deadline starts now.
 */
export function resolve(data: ResolveComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireInProgress(state, '办结');
  const round = currentRound(state);
  if (state.callerContactable && round.contactAttempts === 0) {
    throw brokenRule(state, { code: 'caller_not_contacted', message: '办结前须至少联系（或尝试联系）来电人一次' });
  }
  const followUpDueAt = state.callerContactable ? deadlineAfter(env.calendar, env.now, env.timeLimits.followUp).toISOString() : null;
  return [
    {
      type: 'ComplaintResolved',
      data: {
        unitId: round.unitId,
        outcome: data.outcome,
        summary: data.summary,
        resolvedAt: env.nowIso,
        resolveDueAt: round.resolveDueAt,
        onTime: env.now.getTime() <= Date.parse(round.resolveDueAt),
        followUpDueAt,
      },
    },
  ];
}
