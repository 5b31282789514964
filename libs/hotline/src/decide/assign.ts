import type { AssignComplaint } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { deadlineAfter } from '../time-limits.js';
import { urgentReasons } from '../urgency.js';
import type { DecisionEnv } from './decision-env.js';
import { omitUndefined } from './omit-undefined.js';
import { brokenRule, CLOSED, MERGED, requireStatus } from './guards.js';
import { handDown, heldBySignedUnit } from './hand-down.js';

/**
 * 转办/交办. The round's deadlines run from this moment and are recorded in the event: sign-for,
 * first contact (only if the caller left a phone number) and resolution, urgent limits when urgent.
 * A reassignment after a return to the receiving unit starts a fresh round; the unit holding an order
 * it signed for hands it down instead (`handDown`).
 */
export function assign(data: AssignComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  if (heldBySignedUnit(state)) return handDown(data, state, env);
  if (state.status === 'assigned' && state.round?.unitId === env.actor.orgUnitId) {
    throw brokenRule(state, { code: 'complaint_not_signed_for', message: '工单须先签收，才能下派给下级单位' });
  }
  requireStatus(state, ['classified', 'returned'], { code: 'complaint_already_assigned', message: '工单已转办，不能重复转办' }, [
    [['received'], { code: 'complaint_not_classified', message: '工单须先分类，才能转办' }],
    [['resolved', 'followed_up'], { code: 'complaint_already_resolved', message: '工单已办结，不能再转办' }],
    [['closed'], CLOSED],
    [['merged'], MERGED],
  ]);
  const reasons = urgentReasons(state, env.timeLimits);
  const urgent = reasons.length > 0;
  const limits = urgent ? env.timeLimits.urgent : env.timeLimits.normal;
  const due = (limit: typeof limits.signFor) => deadlineAfter(env.calendar, env.now, limit).toISOString();
  return [
    {
      type: 'ComplaintAssigned',
      data: omitUndefined({
        unitId: data.unitId,
        instructions: data.instructions,
        assignedAt: env.nowIso,
        urgent,
        urgentReasons: reasons,
        signForDueAt: due(limits.signFor),
        firstContactDueAt: state.callerContactable ? due(limits.firstContact) : null,
        resolveDueAt: due(limits.resolve),
      }),
    },
  ];
}
