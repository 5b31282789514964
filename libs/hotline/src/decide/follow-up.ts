import { ForbiddenError } from '#errors';
import type { RecordFollowUp } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { STATUSES_BEFORE_RESOLUTION } from '../complaint.status.js';
import type { DecisionEnv } from './decision-env.js';
import { CLOSED, MERGED, requireStatus } from './guards.js';
import { omitUndefined } from './omit-undefined.js';

/**
 * 回访. Attempts that do not reach the caller are recorded and may be repeated; the first one that
 * reaches the caller records the satisfaction and ends the follow-up. As with first contact, the
 * first attempt is what the follow-up limit measures.
 *
 * The follow-up is the check on the handler's work, so the unit that handled the order does not
 * make it: the receiving unit (or one above the handler) does. An order the receiving unit handled
 * itself is followed up there.
 */
export function followUp(data: RecordFollowUp['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['resolved'], { code: 'complaint_not_resolved', message: '只有已办结的工单可以回访' }, [
    [['followed_up'], { code: 'follow_up_already_recorded', message: '该工单已回访到来电人，不能重复回访' }],
    [STATUSES_BEFORE_RESOLUTION, { code: 'complaint_not_resolved', message: '工单尚未办结，不能回访' }],
    [['closed'], CLOSED],
    [['merged'], MERGED],
  ]);
  if (state.round && state.round.unitId !== state.receivingUnitId && env.actor.orgUnitId === state.round.unitId) {
    throw new ForbiddenError('follow_up_by_handling_unit', '承办单位不能回访自己办理的工单：回访是对办理情况的检查，须由受理单位（或承办单位的上级）进行');
  }
  const firstAttempt = state.followUpAttempts === 0;
  const onTime = firstAttempt && state.followUpDueAt !== null ? env.now.getTime() <= Date.parse(state.followUpDueAt) : null;
  return [
    {
      type: 'FollowUpRecorded',
      data: omitUndefined({
        reached: data.reached,
        satisfaction: data.reached ? data.satisfaction : undefined,
        comment: data.comment,
        followedUpAt: env.nowIso,
        firstAttempt,
        onTime,
      }),
    },
  ];
}
