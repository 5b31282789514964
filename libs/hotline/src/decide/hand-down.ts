import { RuleBrokenError } from '#errors';
import type { AssignComplaint } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState, HandlingRound } from '../complaint.state.js';
import { deadlineAfter } from '../time-limits.js';
import type { DecisionEnv } from './decision-env.js';
import { omitUndefined } from './omit-undefined.js';
import { requireAssignedUnit } from './guards.js';

/** Whether a unit holds the order having signed for it: then an assignment is a hand-down. */
export function heldBySignedUnit(state: ComplaintState): state is ComplaintState & { round: HandlingRound } {
  return (state.status === 'in_progress' || state.status === 'returned') && !!state.round?.signedForAt;
}

/**
 * 逐级下派, by the unit that signed for the order, to a unit below it (the org tree is the
 * application's: it checks that the unit lies under the sender's; here only that it is another unit).
 * The round's first-contact and resolve deadlines stand; the receiving unit signs for it within its
 * own limit, counted from now.
 */
export function handDown(data: AssignComplaint['data'], state: ComplaintState & { round: HandlingRound }, env: DecisionEnv): ComplaintEvent[] {
  const round = state.round;
  requireAssignedUnit(env, round, { code: 'hand_down_by_handling_unit_only', message: '只有承办单位可以下派该工单' });
  const above = new Set([round.unitId, ...(round.handedDownFrom ?? []).map((unit) => unit.unitId)]);
  if (above.has(data.unitId)) throw new RuleBrokenError('hand_down_to_unit_below', '只能下派给本单位的下级单位');
  const limits = round.urgent ? env.timeLimits.urgent : env.timeLimits.normal;
  return [
    {
      type: 'ComplaintHandedDown',
      data: omitUndefined({
        fromUnitId: round.unitId,
        unitId: data.unitId,
        instructions: data.instructions,
        handedDownAt: env.nowIso,
        signForDueAt: deadlineAfter(env.calendar, env.now, limits.signFor).toISOString(),
      }),
    },
  ];
}
