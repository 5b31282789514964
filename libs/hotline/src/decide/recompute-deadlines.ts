import { calendarBefore, recomputedWorkingDayDeadline } from '#calendar';
import { ForbiddenError } from '#errors';
import type { RecomputeComplaintDeadlines } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DeadlineStep } from '../complaint.values.js';
import { pendingDeadlines } from '../pending-deadlines.js';
import type { TimeLimit } from '../time-limits.js';
import type { DecisionEnv } from './decision-env.js';

/**
 * After the working calendar changed (a year's notice entered, or corrected), the deadlines still
 * running are recounted on it: each keeps its number of working days from where it is counted.
 * Elapsed-hour limits (urgent sign-for) do not depend on the calendar. Nothing changed: no event.
 */
export function recomputeDeadlines(data: RecomputeComplaintDeadlines['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  if (env.actor.role !== 'system') throw new ForbiddenError('system_only', '期限只由系统在工作日历变更后重新计算');
  const round = state.round;
  if (!round || data.changes.length === 0) return [];
  const before = calendarBefore(env.calendar, data.changes);
  const limits = round.urgent ? env.timeLimits.urgent : env.timeLimits.normal;
  const countedFrom: Record<DeadlineStep, { from: string | undefined; limit: TimeLimit }> = {
    sign_for: { from: round.assignedAt, limit: limits.signFor },
    first_contact: { from: round.assignedAt, limit: limits.firstContact },
    resolve: { from: round.resolveCountedFrom ?? round.assignedAt, limit: limits.resolve },
    follow_up: { from: state.resolvedAt, limit: env.timeLimits.followUp },
  };
  const deadlines = pendingDeadlines(state).flatMap(({ step, dueAt }) => {
    const { from, limit } = countedFrom[step];
    if (!from || !('workingDays' in limit)) return [];
    const recounted = recomputedWorkingDayDeadline(before, env.calendar, new Date(from), new Date(dueAt)).toISOString();
    return recounted === dueAt ? [] : [{ step, previousDueAt: dueAt, dueAt: recounted }];
  });
  if (deadlines.length === 0) return [];
  return [{ type: 'DeadlinesRecomputed', data: { reason: data.reason, recomputedAt: env.nowIso, deadlines } }];
}
