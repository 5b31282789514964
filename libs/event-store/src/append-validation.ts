import type { NewEvent } from './event-envelope.js';
import { DuplicateEventIdError } from './errors.js';
import type { StreamAppend } from './event-store.port.js';
import { assertValidExpectedRevision, type ExpectedRevision } from './expected-revision.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What every adapter refuses before touching storage, so all of them refuse it the same way. */
export function assertAppendable(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): void {
  if (streamId.length === 0) throw new RangeError('A stream id cannot be empty');
  if (events.length === 0) throw new RangeError(`Nothing to append to ${streamId}: give at least one event`);
  const badId = events.find((event) => !UUID.test(event.eventId));
  if (badId) throw new RangeError(`Event ids are UUIDs; ${JSON.stringify(badId.eventId)} is not one (stream ${streamId})`);
  assertValidExpectedRevision(expected);
}

/** `assertAppendable` for each part of a write to several streams, plus: each stream once, each event id once. */
export function assertAppendableTogether(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new RangeError('Nothing to append: give at least one stream');
  const streams = new Set<string>();
  const eventIds = new Set<string>();
  for (const { streamId, events, expected } of appends) {
    assertAppendable(streamId, events, expected);
    if (streams.has(streamId)) throw new RangeError(`Stream ${streamId} appears twice in one write; give its events as one append`);
    streams.add(streamId);
    for (const { eventId } of events) {
      const id = eventId.toLowerCase();
      if (eventIds.has(id)) throw new DuplicateEventIdError(streamId, eventId);
      eventIds.add(id);
    }
  }
}
