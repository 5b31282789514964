import type pg from 'pg';
import { assertAppendableTogether } from '../append-validation.js';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult, StreamAppend } from '../event-store.port.js';
import { NO_STREAM_REVISION } from '../expected-revision.js';
import { expectedParam, resultOf, violated, type AppendOutcomeRow } from './append-to-stream.js';

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
      resultOf(last, appends[refusedAt].streamId, appends[refusedAt].expected);
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return rows.map((row, index) => resultOf(row, appends[index].streamId, appends[index].expected));
}

/**
 * The unique constraints are the last line of defence, as for one stream: a twin append that committed
 * while this one waited. The caller may retry the parts one by one, where such a twin is recognised.
 */
async function refusalOf(pool: pg.Pool, error: unknown, appends: readonly StreamAppend[]): Promise<unknown> {
  if (violated(error, 'events_event_id_key')) {
    const eventId = /\(event_id\)=\(([^)]+)\)/.exec(error.detail ?? '')?.[1] ?? 'unknown';
    const holder = appends.find((append) => append.events.some((event) => event.eventId.toLowerCase() === eventId.toLowerCase()));
    return new DuplicateEventIdError(holder?.streamId ?? appends[0].streamId, eventId);
  }
  if (violated(error, 'events_stream_revision_key')) {
    const streamId = /\(stream_id, stream_revision\)=\((.+), \d+\)/.exec(error.detail ?? '')?.[1];
    const append = appends.find((candidate) => candidate.streamId === streamId) ?? appends[0];
    const { rows } = await pool.query<{ revision: string }>('SELECT revision::text FROM event_store.streams WHERE stream_id = $1', [append.streamId]);
    return new WrongExpectedRevisionError(append.streamId, append.expected, rows.length ? Number(rows[0].revision) : NO_STREAM_REVISION);
  }
  return error;
}
