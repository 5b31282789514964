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
 */
export function followUp(data: RecordFollowUp['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['resolved'], { code: 'complaint_not_resolved', message: '只有已办结的工单可以回访' }, [
    [['followed_up'], { code: 'follow_up_already_recorded', message: '该工单已回访到来电人，不能重复回访' }],
    [STATUSES_BEFORE_RESOLUTION, { code: 'complaint_not_resolved', message: '工单尚未办结，不能回访' }],
    [['closed'], CLOSED],
    [['merged'], MERGED],
  ]);
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
