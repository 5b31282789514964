/**
 * What the writer believes about the stream it appends to.
 * - `'no_stream'`: the stream must not exist yet;
 * - `'any'`: no check;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

/** The revision of an empty or absent stream, as reported in `AppendResult.nextExpectedRevision`. */
export const NO_STREAM_REVISION = -1;

/** Whether appending to a stream whose last revision is `actual` (-1: absent) meets the expectation. */
export function isExpectationMet(expected: ExpectedRevision, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === NO_STREAM_REVISION;
  return expected === actual;
}

/** Rejects what no stream revision can be, before it reaches an adapter. */
export function assertValidExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no_stream') return;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`Expected revision must be 'any', 'no_stream' or a revision >= 0, not ${String(expected)}`);
  }
}
