import { calendarBefore, recomputedDueOn } from '#calendar';
import { ForbiddenError } from '#errors';
import type { Period } from '../time-limits.js';
import type { RecomputeWageCaseDeadlines } from '../wage-case.commands.js';
import type { WageCaseDeadlinesRecomputed, WageCaseEvent } from '../wage-case.events.js';
import type { WageCaseState } from '../wage-case.state.js';
import type { DecisionEnv } from './decision-env.js';

type Recount = WageCaseDeadlinesRecomputed['data']['deadlines'][number];

/**
 * After the working calendar changed, each referral's deadline still running and counted in working
 * days (labour inspection, legal aid) is recounted, keeping its number of working days; periods in
 * calendar days (arbitration, court) do not depend on holidays. Nothing changed: no event.
 */
export function recomputeDeadlines(data: RecomputeWageCaseDeadlines['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  if (env.actor.role !== 'system') throw new ForbiddenError('system_only', '期限只由系统在工作日历变更后重新计算');
  if (data.changes.length === 0) return [];
  const before = calendarBefore(env.calendar, data.changes);
  const inWorkingDays = (period: Period | null | undefined) => !!period && 'workingDays' in period;
  const deadlines = Object.entries(state.referrals).flatMap(([referralId, r]): Recount[] => {
    if (r.concludedOn) return [];
    const limits = env.limits.referrals[r.target];
    const recount = (deadline: Recount['deadline'], from: string, due: string): Recount[] => {
      const dueOn = recomputedDueOn(before, env.calendar, from, due);
      return dueOn === due ? [] : [{ referralId, deadline, previousDueOn: due, dueOn }];
    };
    if (!r.acceptedOn) return r.acceptDueOn && inWorkingDays(limits?.accept) ? recount('accept', r.referredOn, r.acceptDueOn) : [];
    return r.concludeDueOn && inWorkingDays(limits?.conclude) ? recount('conclude', r.acceptedOn, r.concludeDueOn) : [];
  });
  if (deadlines.length === 0) return [];
  return [{ type: 'DeadlinesRecomputed', data: { reason: data.reason, recomputedAt: env.nowIso, deadlines } }];
}
