import { workingDayDeadline } from '#calendar';
import { RuleBrokenError } from '#errors';
import type { ExtendResolutionDeadline } from '../complaint.commands.js';
import type { ComplaintEvent, ResolutionDeadlineExtended } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { currentRound, requireSupervisor } from './guards.js';
import { requireInProgress } from './in-progress.js';

const SUPERVISOR_ONLY = { code: 'extension_requires_supervisor', message: '只有督导（部门负责人）可以批准延长办结期限' };

/**
 * 延期 decided by a supervisor on their own (an override, recorded with its reason): working days
 * added to the resolve deadline, counted from the current deadline. Units ask through
 * `requestExtension`, and the supervisor's approval extends the same way.
 */
export function extendDeadline(data: ExtendResolutionDeadline['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireSupervisor(env, SUPERVISOR_ONLY);
  return [extension(data, state, env)];
}

/**
 * The rules of every extension: while in progress, before the deadline has passed, at most
 * `extension.maxTimes` per handling round (a reopen starts a new round), at most `maxWorkingDays`.
 */
export function checkExtension(workingDays: number, state: ComplaintState, env: DecisionEnv): void {
  requireInProgress(state, '延长办结期限');
  const round = currentRound(state);
  const { maxTimes, maxWorkingDays } = env.timeLimits.extension;
  if (round.extensionsUsed >= maxTimes) {
    throw new RuleBrokenError('extension_already_used', `办结期限每轮办理最多延长 ${maxTimes} 次，本工单已延长过`);
  }
  if (workingDays > maxWorkingDays) {
    throw new RuleBrokenError('extension_too_long', `延期最多 ${maxWorkingDays} 个工作日`);
  }
  if (env.now.getTime() > Date.parse(round.resolveDueAt)) {
    throw new RuleBrokenError('resolve_deadline_passed', '办结期限已过，不能再延期；延期须在期限届满前办理');
  }
}

export function extension(data: { workingDays: number; reason: string }, state: ComplaintState, env: DecisionEnv): ResolutionDeadlineExtended {
  checkExtension(data.workingDays, state, env);
  const round = currentRound(state);
  const resolveDueAt = workingDayDeadline(env.calendar, new Date(round.resolveDueAt), data.workingDays).toISOString();
  return {
    type: 'ResolutionDeadlineExtended',
    data: { workingDays: data.workingDays, reason: data.reason, previousDueAt: round.resolveDueAt, resolveDueAt, extendedAt: env.nowIso },
  };
}

export { SUPERVISOR_ONLY };
