import { calendarBefore, recomputedDueOn, type WorkingCalendar } from '#calendar';
import type { DecisionContext } from '#decider';
import { ForbiddenError } from '#errors';
import type { RecomputeHardshipDeadlines } from './hardship.commands.js';
import type { HardshipEvent } from './hardship.events.js';
import type { HardshipFileState } from './hardship.state.js';

/**
 * After the working calendar changed, a public notice still running (公示, counted in working days)
 * gets its end recounted, keeping its number of working days. The other dates of a file (reviews,
 * check-ins) are in months and do not depend on holidays. Nothing changed: no event.
 */
export function recomputeNoticeEnd(data: RecomputeHardshipDeadlines['data'], state: HardshipFileState, context: DecisionContext, calendar: WorkingCalendar): HardshipEvent[] {
  if (context.actor.role !== 'system') throw new ForbiddenError('system_only', '期限只由系统在工作日历变更后重新计算');
  if (state.status !== 'in_notice' || !state.notice || data.changes.length === 0) return [];
  const { startedOn, endsOn } = state.notice;
  const dueOn = recomputedDueOn(calendarBefore(calendar, data.changes), calendar, startedOn, endsOn);
  if (dueOn === endsOn) return [];
  return [{ type: 'DeadlinesRecomputed', data: { reason: data.reason, recomputedAt: context.now.toISOString(), deadlines: [{ deadline: 'notice_end', previousDueOn: endsOn, dueOn }] } }];
}
