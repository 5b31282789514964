import type { RecordedEvent } from '#event-store';
import { maskSensitiveFields } from '#personal-data';

/** A case's history (`GET /api/<cases>/:id/history`): every event with who, when and why; personal data masked. */
export function caseHistory(events: readonly RecordedEvent[]) {
  return events.map((event) => ({
    revision: event.streamRevision,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    data: maskSensitiveFields(event.data),
    ...(event.metadata.reason ? { reason: event.metadata.reason } : {}),
    commandId: event.metadata.commandId,
    correlationId: event.metadata.correlationId,
  }));
}
