import type { RecordedEvent } from '#event-store';
import type { ComplaintEvent } from '#hotline';

/** A complaint stream's recorded event as the hotline's fold takes it. */
export function complaintEventOf(event: RecordedEvent): ComplaintEvent {
  return { type: event.type, data: event.data } as ComplaintEvent;
}
