import pg from 'pg';
import { assertAppendableTogether } from '../append-validation.js';
import type { AppendResult, StreamAppend } from '../event-store.port.js';
import { expectedParam, refusalIn, resultOf, translateUniqueViolation, type AppendOutcomeRow } from './append-to-stream.js';

type OutcomeRow = AppendOutcomeRow & { readonly ord: string };

/**
 * `event_store.append_to_streams` in a transaction of its own: three round trips (BEGIN, the call,
 * COMMIT) and one durable commit for any number of streams. A refusal rolls everything back and is
 * thrown as `appendToStream` would throw it for that stream.
 */
export async function appendToStreams(pool: pg.Pool, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
  assertAppendableTogether(appends);
  const payload = JSON.stringify(appends.map(({ streamId, events, expected }) => ({ streamId, expected: expectedParam(expected), events })));
  const client = await pool.connect();
  let rows: OutcomeRow[];
  try {
    await client.query('BEGIN');
    try {
      ({ rows } = await client.query<OutcomeRow>({ name: 'event_store_append_many', text: 'SELECT * FROM event_store.append_to_streams($1)', values: [payload] }));
    } catch (error) {
      await client.query('ROLLBACK');
      throw await refusalOf(pool, error, appends);
    }
    const last = rows[rows.length - 1];
    const refusedAt = last.outcome === 'appended' || last.outcome === 'same_append' ? -1 : Number(last.ord) - 1;
    if (refusedAt >= 0) {
      await client.query('ROLLBACK');
      throw refusalIn(last, appends[refusedAt].streamId, appends[refusedAt].expected);
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return rows.map((row, index) => resultOf(row, appends[index].streamId, appends[index].expected));
}

/**
 * The unique constraints are the last line of defence, as for one stream: a twin append that committed
 * while this one waited. The violation names the event id or the stream; it is answered as that part's
 * own append would answer it. The caller may retry the parts one by one, where such a twin is recognised.
 */
async function refusalOf(pool: pg.Pool, error: unknown, appends: readonly StreamAppend[]): Promise<unknown> {
  if (!(error instanceof pg.DatabaseError) || error.code !== '23505') return error;
  const detail = error.detail ?? '';
  const eventId = /\(event_id\)=\(([^)]+)\)/.exec(detail)?.[1]?.toLowerCase();
  const streamId = /\(stream_id, stream_revision\)=\((.+), \d+\)/.exec(detail)?.[1];
  const part = appends.find((append) => append.streamId === streamId || append.events.some((event) => event.eventId.toLowerCase() === eventId)) ?? appends[0];
  return translateUniqueViolation(pool, error, part.streamId, part.expected);
}

