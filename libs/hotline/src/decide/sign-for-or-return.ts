import type { ReturnComplaint } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { omitUndefined } from './omit-undefined.js';
import { CLOSED, currentRound, MERGED, requireAssignedUnit, requireStatus, type Rule } from './guards.js';

const ALREADY_SIGNED_FOR: Rule = { code: 'complaint_already_signed_for', message: '工单已签收' };
const NOT_ASSIGNED: Rule = { code: 'complaint_not_assigned', message: '只有已转办、待签收的工单可以签收或退回' };
const AFTER_ASSIGNMENT: ReadonlyArray<readonly [ComplaintState['status'][], Rule]> = [
  [['in_progress', 'resolved', 'followed_up'], ALREADY_SIGNED_FOR],
  [['closed'], CLOSED],
  [['merged'], MERGED],
];

/** 签收, by a user of the assigned unit; whether it met the sign-for limit is recorded for the on-time rate. */
export function signFor(state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['assigned'], NOT_ASSIGNED, AFTER_ASSIGNMENT);
  const round = currentRound(state);
  requireAssignedUnit(env, round, { code: 'sign_for_by_assigned_unit_only', message: '只有承办单位的工作人员可以签收该工单' });
  const onTime = env.now.getTime() <= Date.parse(round.signForDueAt);
  return [{ type: 'ComplaintSignedFor', data: { unitId: round.unitId, signedForAt: env.nowIso, onTime } }];
}

/**
 * 退回, instead of signing for it, by a user of the assigned unit: the order goes back to the unit that
 * sent it — the unit that handed it down, else the receiving unit — which reassigns it or handles it.
 */
export function returnComplaint(data: ReturnComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['assigned'], NOT_ASSIGNED, [
    [['in_progress', 'resolved', 'followed_up'], { code: 'complaint_already_signed_for', message: '工单已签收，不能再退回' }],
    ...AFTER_ASSIGNMENT,
  ]);
  const round = currentRound(state);
  requireAssignedUnit(env, round, { code: 'return_by_assigned_unit_only', message: '只有承办单位的工作人员可以退回该工单' });
  return [
    {
      type: 'ComplaintReturned',
      data: omitUndefined({
        unitId: round.unitId,
        reason: data.reason,
        explanation: data.explanation,
        returnedAt: env.nowIso,
        toUnitId: round.handedDownFrom?.at(-1)?.unitId ?? state.receivingUnitId,
      }),
    },
  ];
}
