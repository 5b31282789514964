import { ANY, NO_STREAM, type AppendStreamState, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import { NO_STREAM_REVISION, type ExpectedRevision } from '../expected-revision.js';

/** Our expectation as the client's: `'any'` and `'no_stream'` keep their meaning, a revision becomes a bigint. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return BigInt(expected);
}

/** The revision a `WrongExpectedVersionError` reports, as ours: -1 when the stream does not exist. */
export function toActualRevision(actual: CurrentStreamState): number {
  return actual === NO_STREAM ? NO_STREAM_REVISION : Number(actual);
}
