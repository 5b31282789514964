import type { NewEvent } from '#event-store';

/** An event of `type` with empty data and a caseworker's metadata: for tests of what carries events, not what they say. */
export function plainEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  const id = crypto.randomUUID();
  return { eventId: id, type, schemaVersion: 1, data, metadata: { actor: { userId: 'u', role: 'caseworker', orgUnitId: '410105' }, occurredAt: new Date().toISOString(), commandId: id, correlationId: id, causationId: id } };
}
