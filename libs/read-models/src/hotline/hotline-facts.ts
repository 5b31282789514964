import type { RecordedEvent } from '#event-store';
import type { ComplaintEvent } from '#hotline';

/** A counted step of a complaint (DOMAIN.md "The figures the read models publish"). */
export interface HotlineFact {
  readonly eventId: string;
  readonly complaintId: string;
  readonly fact: 'received' | 'assigned' | 'signed_for' | 'resolved' | 'follow_up';
  readonly unitId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly onTime: boolean | null;
  readonly reached: boolean | null;
  readonly satisfaction: string | null;
}

/** The fact an event records, if it is one the figures count. `handlingUnit` is the unit of the current round. */
export function factOf(event: RecordedEvent, complaintId: string, handlingUnit: string): HotlineFact | null {
  const e = { type: event.type, data: event.data } as ComplaintEvent;
  const base = { eventId: event.eventId, complaintId, recordedAt: event.recordedAt, onTime: null, reached: null, satisfaction: null };
  switch (e.type) {
    case 'ComplaintReceived':
      return { ...base, fact: 'received', unitId: e.data.receivingUnitId, occurredAt: e.data.receivedAt };
    case 'ComplaintAssigned':
      return { ...base, fact: 'assigned', unitId: e.data.unitId, occurredAt: e.data.assignedAt };
    case 'ComplaintSignedFor':
      return { ...base, fact: 'signed_for', unitId: e.data.unitId, occurredAt: e.data.signedForAt, onTime: e.data.onTime };
    case 'ComplaintResolved':
      return { ...base, fact: 'resolved', unitId: e.data.unitId, occurredAt: e.data.resolvedAt, onTime: e.data.onTime };
    case 'FollowUpRecorded':
      return {
        ...base,
        fact: 'follow_up',
        unitId: handlingUnit,
        occurredAt: e.data.followedUpAt,
        reached: e.data.reached,
        satisfaction: e.data.satisfaction ?? null,
      };
    default:
      return null;
  }
}
