import { jsonEvent, type EventData, type JSONType, type Position } from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope.js';

/**
 * What the adapter reads from an event KurrentDB returns: the fields of the client's `RecordedEvent`
 * (JSON or binary) that the envelope is rebuilt from.
 */
export interface StoredEvent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly created: Date;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position;
}

/**
 * Keys the adapter adds to KurrentDB's metadata JSON beside ours. `$correlationId`/`$causationId` are
 * the names KurrentDB's own tools and `$by_correlation_id` projection read.
 */
interface StoredMetadata extends EventMetadata {
  readonly schemaVersion: number;
  readonly $correlationId: string;
  readonly $causationId: string;
}

/** KurrentDB reports "no position" on a stream read as the largest unsigned 64-bit number (servers before 22.6). */
const NO_POSITION = 2n ** 64n - 1n;

/** Our envelope as KurrentDB event data: event id → its id, data as JSON, schema version in the metadata JSON. */
export function toEventData(event: NewEvent): EventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    schemaVersion: event.schemaVersion,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
  };
  // `undefined` has no JSON form: it would reach the server as no bytes at all (PostgreSQL stores `null`).
  const data = (event.data === undefined ? null : event.data) as JSONType;
  return jsonEvent({ id: event.eventId, type: event.type, data, metadata: metadata as unknown as JSONType });
}

/** The envelope back from what KurrentDB stored; refuses events that no adapter of ours wrote. */
export function toRecordedEvent(event: StoredEvent): RecordedEvent {
  const where = `event ${event.id} (${event.streamId}@${event.revision})`;
  if (!event.isJson) throw new Error(`Not an event envelope: ${where} is binary, not JSON`);
  if (!isStoredMetadata(event.metadata)) throw new Error(`Not an event envelope: ${where} has no metadata with a schemaVersion`);
  const { schemaVersion, $correlationId: _correlation, $causationId: _causation, ...metadata } = event.metadata;
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
    streamId: event.streamId,
    streamRevision: Number(event.revision),
    position: positionOf(event, where),
    recordedAt: event.created.toISOString(),
  };
}

function positionOf(event: StoredEvent, where: string): RecordedEvent['position'] {
  const position = event.position;
  if (!position || position.commit === NO_POSITION) {
    throw new Error(`KurrentDB gave no log position for ${where}: stream reads carry one from server version 22.6 on`);
  }
  return { commit: position.commit, prepare: position.prepare };
}

function isStoredMetadata(metadata: unknown): metadata is StoredMetadata {
  return (
    typeof metadata === 'object' &&
    metadata !== null &&
    !(metadata instanceof Uint8Array) &&
    Number.isSafeInteger((metadata as { schemaVersion?: unknown }).schemaVersion)
  );
}
