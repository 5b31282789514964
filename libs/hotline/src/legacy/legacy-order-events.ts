import { CaseworkError, ValidationError } from '#errors';
import type { ComplaintCommand } from '../complaint.commands.js';
import type { ComplaintDecider } from '../complaint.decide.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { SUPERVISOR_ROLE } from '../decide/decision-env.js';
import type { LegacyOrder, OrderProblem } from './legacy-order.js';
import { columnHeader, type OrderColumn } from './order-columns.js';

/** Who records an imported order's steps: the import, acting for the unit that took each step. */
export const LEGACY_IMPORTER = 'system:legacy-import';

export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly orgUnitId: string;
}

/** One event of an imported order, with the moment of its step and who took it. */
export interface ImportedStep {
  readonly event: ComplaintEvent;
  readonly at: Date;
  readonly actor: Actor;
}

/** The column a refusal of the decider is about, by the field it names. */
const COLUMN_OF_FIELD: Record<string, OrderColumn> = {
  complaintId: 'orderNumber', externalReference: 'orderNumber', channel: 'channel', 'caller.name': 'callerName', 'caller.phone': 'phone', 'caller.idNumber': 'idNumber',
  workersAffected: 'workersAffected', 'employer.name': 'employer', 'employer.district': 'district', 'classification.category': 'category',
  'classification.subcategory': 'subcategory', 'classification.type': 'type', urgency: 'urgency', summary: 'summary', receivedAt: 'receivedAt', receivingUnitId: 'receivingUnit',
  unitId: 'assignedUnit', outcome: 'outcome', satisfaction: 'satisfaction',
};

/**
 * 旧工单导入: a legacy order's steps decided by the live complaint decider, each at its own moment
 * and by its own unit — so deadlines are counted on the working calendar from the historical
 * assignment, on-time is judged against them, and every rule of a live order holds, in one place.
 * The receipt is marked `imported` with the batch and the row. A step the decider refuses comes
 * back as the row's problem, named by its column.
 */
export function legacyOrderEvents(order: LegacyOrder, complaintId: string, decider: ComplaintDecider, batch: string): { steps: ImportedStep[] } | { problem: OrderProblem } {
  const system = (orgUnitId: string, role = 'system'): Actor => ({ userId: LEGACY_IMPORTER, role, orgUnitId });
  const handling = order.assigned?.unitId ?? order.receivingUnitId;
  const plan: [OrderColumn, Date, ComplaintCommand, Actor][] = [
    ['receivedAt', order.receivedAt, {
      type: 'ReceiveComplaint',
      data: {
        complaintId, channel: order.channel, externalReference: order.orderNumber, caller: order.caller, workersAffected: order.workersAffected, employer: order.employer,
        classification: order.classification, urgency: order.urgency, safetyRisk: false, summary: order.summary, receivedAt: order.receivedAt, receivingUnitId: order.receivingUnitId,
      },
    }, system(order.receivingUnitId)],
  ];
  if (order.assigned) plan.push(['assignedAt', order.assigned.at, { type: 'AssignComplaint', data: { unitId: order.assigned.unitId } }, system(order.receivingUnitId)]);
  if (order.signedForAt) plan.push(['signedForAt', order.signedForAt, { type: 'SignForComplaint', data: {} }, system(handling)]);
  if (order.firstContactAt) plan.push(['firstContactAt', order.firstContactAt, { type: 'RecordCallerContact', data: { reached: true, summary: '首次联系来电人（旧系统记录）' } }, system(handling)]);
  if (order.resolved) plan.push(['resolvedAt', order.resolved.at, { type: 'ResolveComplaint', data: { outcome: order.resolved.outcome, summary: '办结（旧系统记录）' } }, system(handling)]);
  if (order.followUp) plan.push(['followedUpAt', order.followUp.at, { type: 'RecordFollowUp', data: { reached: order.followUp.reached, ...(order.followUp.satisfaction ? { satisfaction: order.followUp.satisfaction } : {}) } }, system(order.receivingUnitId)]);
  if (order.closedAt) {
    // Closing over a dissatisfied follow-up is a supervisor's decision with a reason: the legacy system made it.
    const reason = order.followUp?.satisfaction === 'dissatisfied' ? '旧系统中已结案（导入）' : undefined;
    plan.push(['closedAt', order.closedAt, { type: 'CloseComplaint', data: reason ? { reason } : {} }, system(order.receivingUnitId, SUPERVISOR_ROLE)]);
  }

  let state: ComplaintState = decider.initialState;
  const steps: ImportedStep[] = [];
  for (const [column, at, command, actor] of plan) {
    let events: ComplaintEvent[];
    try {
      events = decider.decide(command, state, { now: at, actor });
    } catch (error) {
      if (!(error instanceof CaseworkError)) throw error;
      return { problem: refusal(order.row, column, error) };
    }
    for (const event of events) {
      state = decider.evolve(state, event);
      steps.push({ event: event.type === 'ComplaintReceived' ? { ...event, data: { ...event.data, imported: { batch, row: order.row } } } : event, at, actor });
    }
  }
  return { steps };
}

function refusal(row: number, stepColumn: OrderColumn, error: CaseworkError): OrderProblem {
  const violation = error instanceof ValidationError ? error.violations[0] : undefined;
  const column = (violation && COLUMN_OF_FIELD[violation.field]) ?? stepColumn;
  const rule = violation?.rule ?? error.code;
  return { row, column, field: `rows.${row}.${column}`, rule, message: `第 ${row} 行「${columnHeader(column)}」：${violation?.message ?? error.message}` };
}
