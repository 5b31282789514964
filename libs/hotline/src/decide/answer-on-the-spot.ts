import type { AnswerOnTheSpot } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { CLOSED, MERGED, requireStatus } from './guards.js';

/** 当场答复办结: a classified complaint the receiver answers at once is closed without assignment. */
export function answerOnTheSpot(data: AnswerOnTheSpot['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['classified'], { code: 'complaint_already_assigned', message: '只有已分类、尚未转办的工单可以当场答复办结' }, [
    [['received'], { code: 'complaint_not_classified', message: '工单须先分类，才能当场答复办结' }],
    [['closed'], CLOSED],
    [['merged'], MERGED],
  ]);
  return [
    { type: 'ComplaintAnsweredOnTheSpot', data: { answer: data.answer, answeredAt: env.nowIso } },
    { type: 'ComplaintClosed', data: { closedAt: env.nowIso, via: 'answered_on_the_spot' } },
  ];
}
