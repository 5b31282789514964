import { workingDayDeadline } from '#calendar';
import { RuleBrokenError } from '#errors';
import type { ExtendResolutionDeadline } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { currentRound, requireSupervisor } from './guards.js';
import { requireInProgress } from './in-progress.js';

/**
 * 延期: a supervisor adds working days to the resolve deadline, counted from the current deadline,
 * before it has passed, at most `extension.maxTimes` per handling round (a reopen starts a new round).
 * The approval workflow will come later; for now the supervisor's own command is the approval.
 */
export function extendDeadline(data: ExtendResolutionDeadline['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireSupervisor(env, { code: 'extension_requires_supervisor', message: '只有督导（部门负责人）可以延长办结期限' });
  requireInProgress(state, '延长办结期限');
  const round = currentRound(state);
  const { maxTimes, maxWorkingDays } = env.timeLimits.extension;
  if (round.extensionsUsed >= maxTimes) {
    throw new RuleBrokenError('extension_already_used', `办结期限每轮办理最多延长 ${maxTimes} 次，本工单已延长过`);
  }
  if (data.workingDays > maxWorkingDays) {
    throw new RuleBrokenError('extension_too_long', `延期最多 ${maxWorkingDays} 个工作日`);
  }
  if (env.now.getTime() > Date.parse(round.resolveDueAt)) {
    throw new RuleBrokenError('resolve_deadline_passed', '办结期限已过，不能再延期；延期须在期限届满前办理');
  }
  const resolveDueAt = workingDayDeadline(env.calendar, new Date(round.resolveDueAt), data.workingDays).toISOString();
  return [
    {
      type: 'ResolutionDeadlineExtended',
      data: { workingDays: data.workingDays, reason: data.reason, previousDueAt: round.resolveDueAt, resolveDueAt, extendedAt: env.nowIso },
    },
  ];
}
