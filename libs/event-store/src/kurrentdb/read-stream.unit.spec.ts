import { BACKWARDS, END, FORWARDS } from '@kurrent/kurrentdb-client';
import { planStreamRead } from './read-stream.js';

describe('Planning a stream read for KurrentDB', () => {
  it('reads forwards from revision 0 with no limit by default', () => {
    expect(planStreamRead({})).toMatchObject({ request: { direction: FORWARDS, fromRevision: 0n, maxCount: Number.MAX_SAFE_INTEGER }, lowest: 0 });
  });

  it('turns a forwards range into a start and a count, capped by maxCount', () => {
    expect(planStreamRead({ fromRevision: 1, toRevision: 3 }).request).toEqual({ direction: FORWARDS, fromRevision: 1n, maxCount: 3 });
    expect(planStreamRead({ fromRevision: 1, toRevision: 3, maxCount: 2 }).request).toMatchObject({ maxCount: 2 });
  });

  it('reads backwards from the end, or from a revision down to another', () => {
    expect(planStreamRead({ direction: 'backwards' }).request).toEqual({ direction: BACKWARDS, fromRevision: END, maxCount: Number.MAX_SAFE_INTEGER });
    expect(planStreamRead({ direction: 'backwards', fromRevision: 4, toRevision: 2 })).toMatchObject({
      request: { direction: BACKWARDS, fromRevision: 4n, maxCount: 3 },
      lowest: 2,
      highest: 4,
    });
  });

  it('does not let maxCount limit the server when events may be left out by time', () => {
    const plan = planStreamRead({ direction: 'backwards', maxCount: 1, recordedUpTo: '2026-01-05T08:30:00.000Z' });

    expect(plan.request).toMatchObject({ maxCount: Number.MAX_SAFE_INTEGER });
    expect(plan).toMatchObject({ maxCount: 1, recordedUpTo: Date.parse('2026-01-05T08:30:00.000Z') });
  });

  it('asks nothing of the server for an empty range or maxCount 0', () => {
    expect(planStreamRead({ fromRevision: 3, toRevision: 2 }).request).toBeUndefined();
    expect(planStreamRead({ maxCount: 0 }).request).toBeUndefined();
  });
});
