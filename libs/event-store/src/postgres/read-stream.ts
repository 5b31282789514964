import type { RecordedEvent } from '../event-envelope.js';
import type { ReadStreamOptions, StreamRead } from '../event-store.port.js';
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

/**
 * Several streams in one statement, each from its own revision on (`MultiStreamReads`): one index
 * range per stream, as `readStream` reads it. Results in the order of the reads.
 */
export async function readStreams(db: SqlExecutor, reads: readonly StreamRead[], upcasters: UpcasterRegistry): Promise<RecordedEvent[][]> {
  if (reads.length === 0) return [];
  const { rows } = await db.query<EventRow & { read: string }>(
    `SELECT r.read, e.* FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS r(id, from_revision, read),
       LATERAL (SELECT ${EVENT_COLUMNS} FROM event_store.events
                 WHERE stream_id = r.id AND stream_revision >= r.from_revision ORDER BY stream_revision) e
     ORDER BY r.read, e.stream_revision`,
    [reads.map((read) => read.streamId), reads.map((read) => read.fromRevision ?? 0)],
  );
  const results = reads.map((): RecordedEvent[] => []);
  for (const row of rows) results[Number(row.read) - 1].push(toRecordedEvent(row, upcasters));
  return results;
}
