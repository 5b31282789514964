import type { RecordedEvent } from '../event-envelope.js';
import type { ReadStreamOptions } from '../event-store.port.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-rows.js';
import type { SqlExecutor } from './sql-executor.js';

/** One stream by the unique (stream_id, stream_revision) index; plain MVCC visibility, so a writer reads its own appends. */
export async function readStream(db: SqlExecutor, streamId: string, options: ReadStreamOptions, upcasters: UpcasterRegistry): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const lowest = (backwards ? options.toRevision : options.fromRevision) ?? 0;
  const highest = (backwards ? options.fromRevision : options.toRevision) ?? null;
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM event_store.events
     WHERE stream_id = $1 AND stream_revision >= $2 AND ($3::bigint IS NULL OR stream_revision <= $3)
       AND ($4::timestamptz IS NULL OR recorded_at <= $4)
     ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'}
     LIMIT $5`,
    [streamId, lowest, highest, options.recordedUpTo ?? null, options.maxCount ?? null],
  );
  return rows.map((row) => toRecordedEvent(row, upcasters));
}
