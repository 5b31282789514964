import pg from 'pg';
import { assertAppendable } from '../append-validation.js';
import type { NewEvent } from '../event-envelope.js';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult } from '../event-store.port.js';
import { NO_STREAM_REVISION, type ExpectedRevision } from '../expected-revision.js';
import { toLogPosition } from './event-rows.js';
import type { SqlExecutor } from './sql-executor.js';

export interface AppendOutcomeRow {
  readonly outcome: 'appended' | 'same_append' | 'other_use' | 'wrong_expected_revision';
  readonly revision: string;
  readonly commit_position: string | null;
  readonly prepare_position: string | null;
  readonly taken_event_id: string | null;
}

/**
 * One call of `event_store.append_to_stream`: a single round trip. With a pool it commits on its own;
 * with a client inside the caller's transaction the events become visible when that transaction commits.
 * Subscribers find them at their next poll, or at once if the caller then runs `notifyAppended`.
 */
export async function appendToStream(db: SqlExecutor, streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
  assertAppendable(streamId, events, expected);
  const values = [streamId, expectedParam(expected), JSON.stringify(events)];
  let row: AppendOutcomeRow;
  try {
    row = await callAppendFunction(db, values).catch((error: unknown) => {
      // An identical append committed while this one waited; once more, and the function sees it as a repeat.
      if (db instanceof pg.Pool && violated(error, 'events_event_id_key')) return callAppendFunction(db, values);
      throw error;
    });
  } catch (error) {
    throw await translateUniqueViolation(db, error, streamId, expected);
  }
  return resultOf(row, streamId, expected);
}

/** What the append function answered: the result of an append (or of the earlier one it repeats), else the refusal thrown. */
export function resultOf(row: AppendOutcomeRow, streamId: string, expected: ExpectedRevision): AppendResult {
  if (row.outcome !== 'appended' && row.outcome !== 'same_append') throw refusalIn(row, streamId, expected);
  return { nextExpectedRevision: Number(row.revision), lastPosition: toLogPosition(row.commit_position!, row.prepare_position!) };
}

/** The error for a refused append: an event id used elsewhere, or a failed expectation. */
export function refusalIn(row: AppendOutcomeRow, streamId: string, expected: ExpectedRevision): Error {
  return row.outcome === 'other_use' ? new DuplicateEventIdError(streamId, row.taken_event_id!) : new WrongExpectedRevisionError(streamId, expected, Number(row.revision));
}

async function callAppendFunction(db: SqlExecutor, values: unknown[]): Promise<AppendOutcomeRow> {
  const text = 'SELECT * FROM event_store.append_to_stream($1, $2, $3)';
  const { rows } = await db.query<AppendOutcomeRow>({ name: 'event_store_append', text, values });
  return rows[0];
}

export function expectedParam(expected: ExpectedRevision): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return NO_STREAM_REVISION;
  return expected;
}

function violated(error: unknown, constraint: string): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError && error.code === '23505' && error.constraint === constraint;
}

/** The unique constraints are the last line of defence; their violations mean what the function would have answered. */
export async function translateUniqueViolation(db: SqlExecutor, error: unknown, streamId: string, expected: ExpectedRevision): Promise<unknown> {
  if (violated(error, 'events_event_id_key')) {
    return new DuplicateEventIdError(streamId, /\(event_id\)=\(([^)]+)\)/.exec(error.detail ?? '')?.[1] ?? 'unknown');
  }
  if (violated(error, 'events_stream_revision_key') && db instanceof pg.Pool) {
    const { rows } = await db.query<{ revision: string }>('SELECT revision::text FROM event_store.streams WHERE stream_id = $1', [streamId]);
    return new WrongExpectedRevisionError(streamId, expected, rows.length ? Number(rows[0].revision) : NO_STREAM_REVISION);
  }
  return error;
}
