import type { ExpectedRevision } from './expected-revision.js';

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
  }
}

/** An event id already used by another stream, or by an event with a different position in this one. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`Event ${eventId} was already written and does not match this append to ${streamId}`);
  }
}
