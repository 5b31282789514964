import type { RecordedEvent } from '#event-store';
import type { ComplaintEvent } from '#hotline';

/**
 * A step of a complaint that the figures count or that decides where and under what a complaint is
 * counted (docs/figures.md "Hotline"): when it happened (the step's own date, which a legacy import
 * carries from the paper record), when it was recorded, and its place in the complaint's stream.
 */
export interface HotlineFact {
  readonly eventId: string;
  readonly complaintId: string;
  readonly fact: 'received' | 'classified' | 'assigned' | 'returned' | 'reopened' | 'signed_for' | 'first_contact' | 'resolved' | 'follow_up';
  readonly unitId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly revision: number;
  readonly onTime: boolean | null;
  readonly reached: boolean | null;
  readonly satisfaction: string | null;
  readonly category: string | null;
  readonly subcategory: string | null;
  readonly complaintType: string | null;
}

/**
 * The fact an event records, if it is one the figures use. `handlingUnit` is the unit of the current
 * round after the event. A hand-down (下派) is an assignment to the unit below; a return is a fact of
 * the unit it goes back to — the one that sent it, or the receiving unit — so that the unit
 * responsible is always the unit of the latest move.
 */
export function factOf(event: RecordedEvent, complaintId: string, handlingUnit: string): HotlineFact | null {
  const e = { type: event.type, data: event.data } as ComplaintEvent;
  const base = {
    eventId: event.eventId, complaintId, recordedAt: event.recordedAt, revision: event.streamRevision,
    onTime: null, reached: null, satisfaction: null, category: null, subcategory: null, complaintType: null,
  };
  switch (e.type) {
    case 'ComplaintReceived':
      return { ...base, fact: 'received', unitId: e.data.receivingUnitId, occurredAt: e.data.receivedAt };
    case 'ComplaintClassified':
      return { ...base, fact: 'classified', unitId: handlingUnit, occurredAt: e.data.classifiedAt, category: e.data.category, subcategory: e.data.subcategory ?? null, complaintType: e.data.type };
    case 'ComplaintAssigned':
      return { ...base, fact: 'assigned', unitId: e.data.unitId, occurredAt: e.data.assignedAt };
    case 'ComplaintHandedDown':
      return { ...base, fact: 'assigned', unitId: e.data.unitId, occurredAt: e.data.handedDownAt };
    case 'ComplaintReturned':
      return { ...base, fact: 'returned', unitId: handlingUnit, occurredAt: e.data.returnedAt };
    case 'ComplaintReopened':
      return { ...base, fact: 'reopened', unitId: e.data.unitId, occurredAt: e.data.reopenedAt };
    case 'ComplaintSignedFor':
      return { ...base, fact: 'signed_for', unitId: e.data.unitId, occurredAt: e.data.signedForAt, onTime: e.data.onTime };
    case 'CallerContacted':
      // Only a round's first attempt is measured against the first-contact limit.
      return e.data.firstAttempt ? { ...base, fact: 'first_contact', unitId: handlingUnit, occurredAt: e.data.contactedAt, onTime: e.data.onTime, reached: e.data.reached } : null;
    case 'ComplaintResolved':
      return { ...base, fact: 'resolved', unitId: e.data.unitId, occurredAt: e.data.resolvedAt, onTime: e.data.onTime };
    case 'FollowUpRecorded':
      return {
        ...base,
        fact: 'follow_up',
        unitId: handlingUnit,
        occurredAt: e.data.followedUpAt,
        // The on-time flag belongs to the first attempt after a resolution; later attempts carry null.
        onTime: e.data.firstAttempt ? e.data.onTime : null,
        reached: e.data.reached,
        satisfaction: e.data.satisfaction ?? null,
      };
    default:
      return null;
  }
}
