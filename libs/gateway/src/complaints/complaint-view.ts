import { caseNumberOf } from '#case-numbers';
import type { DecisionContext } from '#decider';
import type { RecordedEvent } from '#event-store';
import {
  complaintAllowedActions,
  complaintUnitsOf,
  type ComplaintDecider,
  evolveComplaint,
  initialComplaintState,
  overdueDeadlines,
  type ComplaintEvent,
  type ComplaintState,
} from '#hotline';
import { endOfShanghaiDay, isProvisionalInstant, shanghaiDateOf, type WorkingCalendar } from '#calendar';
import { maskSensitiveFields } from '#personal-data';
import { caseHistory } from '../http/case-history.js';

/** `GET /api/complaints/:id`: the current state folded from the stream, personal data masked. */
export function complaintView(id: string, events: readonly RecordedEvent[], decider: ComplaintDecider, context: DecisionContext) {
  const now = context.now;
  const state: ComplaintState = events.reduce((s, e) => evolveComplaint(s, { type: e.type, data: e.data } as ComplaintEvent), initialComplaintState);
  const latest = <T extends ComplaintEvent['type']>(type: T) =>
    [...events].reverse().find((e) => e.type === type)?.data as Extract<ComplaintEvent, { type: T }>['data'] | undefined;
  const received = maskSensitiveFields(latest('ComplaintReceived')!);
  const resolved = state.status === 'resolved' || state.status === 'followed_up' || state.status === 'closed' ? latest('ComplaintResolved') : undefined;
  const followUp = latest('FollowUpRecorded');
  const returned = state.status === 'returned' ? latest('ComplaintReturned') : undefined;
  return {
    id,
    caseNumber: caseNumberOf(events[0]),
    version: events.length,
    status: state.status,
    channel: received.channel,
    externalReference: received.externalReference,
    caller: received.caller,
    workersAffected: received.workersAffected,
    // A policy question or other call may have no employer (and so no district).
    employer: received.employer ?? null,
    category: state.classification?.category ?? null,
    subcategory: state.classification?.subcategory ?? null,
    type: state.classification?.type ?? null,
    urgency: state.round?.urgent ? 'urgent' : state.urgency,
    safetyRisk: state.safetyRisk,
    summary: received.summary,
    receivedAt: received.receivedAt,
    receivingUnitId: state.receivingUnitId,
    assignedUnitId: state.round?.unitId ?? null,
    /** 逐级下派: the units that handed the order down to the one holding it, from the top. */
    handedDownFrom: (state.round?.handedDownFrom ?? []).map((unit) => unit.unitId),
    /** 已退回: who returned it, why, and to which unit (while it waits there). */
    lastReturn: returned
      ? { unitId: returned.unitId, toUnitId: returned.toUnitId ?? state.receivingUnitId ?? null, reason: returned.reason, explanation: returned.explanation ?? null, returnedAt: returned.returnedAt }
      : null,
    deadlines: withProvisional(decider.calendar, {
      signForDueAt: state.round?.signForDueAt ?? null,
      firstContactDueAt: state.round?.firstContactDueAt ?? null,
      resolveDueAt: state.round?.resolveDueAt ?? null,
      followUpDueAt: state.followUpDueAt,
    }),
    overdue: overdueDeadlines(state, now),
    outcome: resolved?.outcome ?? null,
    resolution: resolved ? { summary: resolved.summary, resolvedAt: resolved.resolvedAt, onTime: resolved.onTime } : null,
    followUp: followUp ? { reached: followUp.reached, satisfaction: followUp.satisfaction ?? null, followedUpAt: followUp.followedUpAt } : null,
    repeatOf: state.repeatOf,
    mergedInto: state.mergedInto ?? null,
    attachedRepeats: state.attachedRepeats,
    links: state.links,
    allowedActions: complaintAllowedActions(decider, state, context),
  };
}

/** `GET /api/complaints/:id/history`: every event with who, when and why; personal data masked. */
export const complaintHistory = caseHistory;

/** The units a complaint belongs to, for access: the one that received it and the one handling it now. */
export function complaintUnits(events: readonly RecordedEvent[]): string[] {
  return complaintUnitsOf(events.reduce((s, e) => evolveComplaint(s, { type: e.type, data: e.data } as ComplaintEvent), initialComplaintState));
}

type Deadlines = Readonly<Record<'signForDueAt' | 'firstContactDueAt' | 'resolveDueAt' | 'followUpDueAt', string | null>>;

/**
 * The deadlines and, under `provisional`, those counted in working days that fall in a year whose
 * holiday notice is not known yet (暂定: they move when it is entered). Working-day deadlines end at
 * 23:59:59.999 Shanghai time; elapsed-hour ones (urgent sign-for) do not depend on the calendar.
 */
function withProvisional(calendar: WorkingCalendar, deadlines: Deadlines): Deadlines & { provisional: Partial<Record<keyof Deadlines, true>> } {
  const provisional: Partial<Record<keyof Deadlines, true>> = {};
  for (const [field, dueAt] of Object.entries(deadlines) as [keyof Deadlines, string | null][]) {
    if (!dueAt) continue;
    const endsAtDayEnd = endOfShanghaiDay(shanghaiDateOf(new Date(dueAt))).toISOString() === new Date(dueAt).toISOString();
    if (endsAtDayEnd && isProvisionalInstant(calendar, dueAt)) provisional[field] = true;
  }
  return { ...deadlines, provisional };
}
