import { START, type LogPosition } from '../log-position.js';
import { afterPositionParams, toLogPosition } from './event-rows.js';
import { BELOW_OLDEST_IN_FLIGHT } from './read-all.js';
import type { SqlExecutor } from './sql-executor.js';

export async function headPosition(db: SqlExecutor): Promise<LogPosition> {
  const { rows } = await db.query<{ commit: string; prepare: string }>(
    `SELECT transaction_id::text AS commit, global_position::text AS prepare FROM event_store.events
     WHERE ${BELOW_OLDEST_IN_FLIGHT}
     ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return rows.length ? toLogPosition(rows[0].commit, rows[0].prepare) : START;
}

/** The last committed event, whether or not an older transaction in flight still holds it back from readers. */
export async function lastCommittedPosition(db: SqlExecutor): Promise<LogPosition> {
  const { rows } = await db.query<{ commit: string; prepare: string }>(
    `SELECT transaction_id::text AS commit, global_position::text AS prepare FROM event_store.events
     ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return rows.length ? toLogPosition(rows[0].commit, rows[0].prepare) : START;
}

export async function countEventsAfter(db: SqlExecutor, position: LogPosition): Promise<number> {
  const [afterCommit, afterPrepare] = afterPositionParams(position);
  const { rows } = await db.query<{ count: string }>(
    `SELECT count(*) AS count FROM event_store.events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)`,
    [afterCommit, afterPrepare],
  );
  return Number(rows[0].count);
}
