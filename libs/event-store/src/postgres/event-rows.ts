import type { RecordedEvent } from '../event-envelope.js';
import type { LogPosition } from '../log-position.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';

/** The columns every read selects from `event_store.events` (pg hands bigint and xid8 over as text); `recorded_at` keeps its microseconds. */
export const EVENT_COLUMNS = `
  transaction_id::text AS commit_position, global_position::text AS prepare_position,
  stream_id, stream_revision, event_id, event_type, schema_version, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at`;

export interface EventRow {
  readonly commit_position: string;
  readonly prepare_position: string;
  readonly stream_id: string;
  readonly stream_revision: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: RecordedEvent['metadata'];
  readonly recorded_at: string;
}

export function toRecordedEvent(row: EventRow, upcasters: UpcasterRegistry): RecordedEvent {
  return upcasters.upcast({
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    position: toLogPosition(row.commit_position, row.prepare_position),
    recordedAt: row.recorded_at,
  });
}

export function toLogPosition(commit: string, prepare: string): LogPosition {
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

/** Query parameters for "strictly after `position`"; `START` (negative) becomes (0, 0), below every real xid8. */
export function afterPositionParams(position: LogPosition): [string, string] {
  if (position.commit < 0n) return ['0', '0'];
  return [position.commit.toString(), position.prepare.toString()];
}
