import type { RecordedEvent } from '#event-store';
import { instantMicros, type AuditInstant } from './audit-instant.js';

/** The events recorded at or before `at`: the stream as anyone reading it then would have seen it. */
export function recordedBy<E extends RecordedEvent>(events: readonly E[], at: AuditInstant): E[] {
  return events.filter((event) => recordedMicros(event) <= at.micros);
}

/** The events recorded after `from` and at or before `to`: what changed in between. */
export function recordedBetween<E extends RecordedEvent>(events: readonly E[], from: AuditInstant, to: AuditInstant): E[] {
  return events.filter((event) => recordedMicros(event) > from.micros && recordedMicros(event) <= to.micros);
}

function recordedMicros(event: RecordedEvent): bigint {
  const micros = instantMicros(event.recordedAt);
  if (micros === undefined) throw new Error(`Event ${event.eventId} has no readable recordedAt`);
  return micros;
}
