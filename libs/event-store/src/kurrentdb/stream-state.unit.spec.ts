import { ANY, NO_STREAM } from '@kurrent/kurrentdb-client';
import { toActualRevision, toStreamState } from './stream-state.js';

describe('Expected revisions as KurrentDB stream states', () => {
  it("maps 'any' and 'no_stream' to the client's constants and a revision to a bigint", () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(Number.MAX_SAFE_INTEGER)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('reads the actual state of a wrong expected version as a revision, -1 for no stream', () => {
    expect(toActualRevision(NO_STREAM)).toBe(-1);
    expect(toActualRevision(0n)).toBe(0);
    expect(toActualRevision(41n)).toBe(41);
  });
});
