import type { NewEvent } from './event-envelope.js';
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
