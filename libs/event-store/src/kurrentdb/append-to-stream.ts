import { WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { assertAppendable } from '../append-validation.js';
import type { NewEvent } from '../event-envelope.js';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult } from '../event-store.port.js';
import { NO_STREAM_REVISION, isExpectationMet, type ExpectedRevision } from '../expected-revision.js';
import { matchEarlierAppend, type EarlierAppend } from '../in-memory/match-earlier-append.js';
import { toEventData } from './envelope-mapping.js';
import { claimEventIds } from './event-id-claims.js';
import type { KurrentClient } from './kurrent-client.js';
import { readStreamEvents, streamRevision } from './read-stream.js';
import { toActualRevision, toStreamState } from './stream-state.js';

/** An earlier use of the append's event ids, and the stream's revision when it was looked for. */
type EarlierUse = EarlierAppend & { readonly actual: number };

/**
 * Claims the event ids (event-id-claims.ts), judges any earlier use of them as the in-memory store does
 * (a repeat of an append whose expectation held returns its result; else the expectation; else the
 * duplicate id), then appends with KurrentDB's own expected-version check.
 */
export async function appendToStream(client: KurrentClient, streamId: string, newEvents: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
  assertAppendable(streamId, newEvents, expected);
  // KurrentDB hands ids back in lower case, as PostgreSQL's uuid does: compare them as it will store them.
  const events = newEvents.map((event) => ({ ...event, eventId: event.eventId.toLowerCase() }));
  const repeated = events.find((event, index) => events.findIndex((other) => other.eventId === event.eventId) !== index);
  if (repeated) throw new DuplicateEventIdError(streamId, repeated.eventId);

  const holders = await claimEventIds(client, streamId, events.map((event) => event.eventId));
  if (holders.size > 0) {
    const earlier = await findEarlierUse(client, streamId, events, expected, holders);
    if (earlier.kind === 'same_append') return earlier.result;
    if (!isExpectationMet(expected, earlier.actual)) throw new WrongExpectedRevisionError(streamId, expected, earlier.actual);
    if (earlier.kind === 'other_use') throw new DuplicateEventIdError(streamId, earlier.eventId);
  }
  return write(client, streamId, events, expected);
}

async function write(client: KurrentClient, streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
  let revision: number;
  try {
    const written = await client.appendToStream(streamId, events.map(toEventData), { streamState: toStreamState(expected) });
    revision = Number(written.nextExpectedRevision);
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    // The same append sent twice at once: its twin may be what moved the stream on.
    const earlier = await findEarlierUseInStream(client, streamId, events, expected);
    if (earlier.kind === 'same_append') return earlier.result;
    throw new WrongExpectedRevisionError(streamId, expected, toActualRevision(error.actualState));
  }
  return resultOfWrite(client, streamId, events, expected, revision);
}

/**
 * The position of the last event written, read back from the stream: KurrentDB's append answer carries a
 * position that is not always the event's own (nor any, for a write it took for an idempotent retry).
 */
async function resultOfWrite(client: KurrentClient, streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, revision: number): Promise<AppendResult> {
  const [last] = await readStreamEvents(client, streamId, { fromRevision: revision, toRevision: revision });
  if (last?.eventId === events[events.length - 1].eventId) return { nextExpectedRevision: revision, lastPosition: last.position };
  const earlier = await findEarlierUseInStream(client, streamId, events, expected);
  if (earlier.kind === 'same_append') return earlier.result;
  throw new Error(`KurrentDB acknowledged an append to ${streamId} at revision ${revision}, but its events are not there`);
}

async function findEarlierUse(
  client: KurrentClient,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  holders: ReadonlyMap<string, string>,
): Promise<EarlierUse> {
  const elsewhere = events.find((event) => (holders.get(event.eventId) ?? streamId) !== streamId);
  if (elsewhere) return { kind: 'other_use', eventId: elsewhere.eventId, actual: await streamRevision(client, streamId) };
  return findEarlierUseInStream(client, streamId, events, expected);
}

/** Reads the whole stream: KurrentDB cannot find an event by id. Only claimed ids and lost expectations come here. */
async function findEarlierUseInStream(client: KurrentClient, streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<EarlierUse> {
  const stream = await readStreamEvents(client, streamId);
  const ids = new Set(events.map((event) => event.eventId));
  const byEventId = new Map(stream.filter((event) => ids.has(event.eventId)).map((event) => [event.eventId, event]));
  return { ...matchEarlierAppend(byEventId, streamId, events, expected), actual: stream.at(-1)?.streamRevision ?? NO_STREAM_REVISION };
}
