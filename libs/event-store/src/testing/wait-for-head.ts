import type { EventStore, ReadAllOptions } from '../event-store.port.js';
import type { RecordedEvent } from '../event-envelope.js';
import { compareLogPositions, type LogPosition } from '../log-position.js';
import { pause } from './async-helpers.js';
import { aNewEvent, aStreamId } from './event-fixtures.js';

/**
 * How long a test waits for the log head. On the test run's shared PostgreSQL server another suite may
 * keep a transaction open for seconds (a VACUUM FULL of the key store, a bulk import, a purge waiting on
 * an old snapshot), and readers everywhere wait for it; 5 s was not enough under CI load. The wait ends
 * as soon as the head is there, so only a real failure costs the whole minute.
 */
export const HEAD_WAIT_TIMEOUT_MS = 60_000;

/**
 * Waits until log readers can see `position`. A store may hold a fresh event back while an older
 * transaction is still in flight (PostgreSQL: anywhere on the server), so a log read straight after an
 * append is not guaranteed to include it.
 */
export async function waitForHead(store: EventStore, position: LogPosition, timeoutMs = HEAD_WAIT_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (compareLogPositions(await store.headPosition(), position) < 0) {
    if (Date.now() > deadline) throw new Error(`The log head did not reach ${position.commit}/${position.prepare} within ${timeoutMs} ms`);
    await pause(5);
  }
}

/** A head that every earlier append is at or before: appends a marker event and waits until readers see it. */
export async function settledHead(store: EventStore): Promise<LogPosition> {
  const { lastPosition } = await store.appendToStream(aStreamId('marker', 'head'), [aNewEvent({ type: 'HeadMarked' })], 'no_stream');
  await waitForHead(store, lastPosition);
  return lastPosition;
}

/**
 * The log as readers see it once everything committed so far is visible. Use it instead of a bare
 * `readAll` straight after appends: on a shared PostgreSQL server any transaction in flight, in any
 * database, holds fresh events back for a moment (ADR 0002).
 */
export async function readVisibleLog(store: EventStore, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  await waitForHead(store, await store.lastCommittedPosition());
  return store.readAll(options);
}
