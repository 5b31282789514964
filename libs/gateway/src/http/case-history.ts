import type { RecordedEvent } from '#event-store';
import { maskSensitiveFields, type MaskingOptions } from '#personal-data';

/** A case's history (`GET /api/<cases>/:id/history`): every event with who, when and why; personal data masked. */
export function caseHistory(events: readonly RecordedEvent[], masking: MaskingOptions = {}) {
  return events.map((event) => ({
    revision: event.streamRevision,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    data: maskSensitiveFields(event.data, masking),
    ...(event.metadata.reason ? { reason: event.metadata.reason } : {}),
    commandId: event.metadata.commandId,
    correlationId: event.metadata.correlationId,
  }));
}
