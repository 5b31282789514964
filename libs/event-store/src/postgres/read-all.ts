import type { LogPosition } from '../log-position.js';
import { START, compareLogPositions } from '../log-position.js';
import type { LogBatch } from '../subscription/catch-up-subscription.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { EVENT_COLUMNS, afterPositionParams, toLogPosition, toRecordedEvent, type EventRow } from './event-rows.js';
import type { SqlExecutor } from './sql-executor.js';

/**
 * Why not simply `ORDER BY global_position`: the sequence hands out numbers when rows are inserted, not
 * when transactions commit. Transaction A can take 41, B take 42 and commit first; a reader that saw 42
 * and checkpointed there would never come back for 41. So the log is ordered by (transaction_id,
 * global_position) and read only below `pg_snapshot_xmin`, the oldest transaction still running: every
 * transaction below it has finished, and every transaction that writes later gets a larger id. An event
 * in flight holds back the ones after it; none is ever skipped.
 */
export const BELOW_OLDEST_IN_FLIGHT = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

export interface ReadAllBatchOptions {
  readonly after: LogPosition;
  readonly maxCount: number | null;
  readonly streamPrefixes?: readonly string[];
}

/** Events after a position in log order, the head this read could see, and whether later commits wait behind the horizon (one snapshot). */
export async function readAllBatch(db: SqlExecutor, options: ReadAllBatchOptions, upcasters: UpcasterRegistry): Promise<LogBatch> {
  const [afterCommit, afterPrepare] = afterPositionParams(options.after);
  const { rows } = await db.query<BatchRow>(
    `WITH head AS (
       SELECT transaction_id::text AS head_commit, global_position::text AS head_prepare
       FROM event_store.events WHERE ${BELOW_OLDEST_IN_FLIGHT}
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1
     ), batch AS (
       SELECT ${EVENT_COLUMNS}, transaction_id, global_position FROM event_store.events
       WHERE ${BELOW_OLDEST_IN_FLIGHT}
         AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         AND ($3::text[] IS NULL OR stream_id ^@ ANY ($3::text[]))
       ORDER BY transaction_id, global_position
       LIMIT $4
     ), held AS (
       -- Is the newest committed event at or above the horizon? An ordered LIMIT 1 walks the index; EXISTS would scan the table.
       SELECT coalesce((SELECT transaction_id >= pg_snapshot_xmin(pg_current_snapshot()) FROM event_store.events
                        ORDER BY transaction_id DESC, global_position DESC LIMIT 1), false) AS held_back
     )
     SELECT held.held_back, head.*, batch.* FROM held LEFT JOIN head ON true LEFT JOIN batch ON true`,
    [afterCommit, afterPrepare, options.streamPrefixes ?? null, options.maxCount],
  );
  const [first] = rows;
  const head = first.head_commit === null ? START : toLogPosition(first.head_commit, first.head_prepare!);
  // The join keeps the batch's order in practice, but SQL promises none without an ORDER BY, and one
  // on the joined rows sorts the whole batch again (spilling to disk at 8,000 events): sort here,
  // where rows already in order cost one comparison each.
  const events = rows
    .filter((row) => row.event_id !== null)
    .map((row) => toRecordedEvent(row, upcasters))
    .sort((a, b) => compareLogPositions(a.position, b.position));
  return { events, head, heldBack: first.held_back };
}

type BatchRow = EventRow & { held_back: boolean; head_commit: string | null; head_prepare: string | null };
