import type { PlannedAppend } from './hotline-history.js';
import { writesOf } from './scale-append.js';

const append = (streamId: string, expectedRevision: number): PlannedAppend => ({ streamId, at: 0, expectedRevision, events: [] });

describe('cutting a lane of appends into writes of several streams', () => {
  it("keeps each stream's appends in order, each write naming a stream once", () => {
    const lane = [append('a', -1), append('a', 0), append('b', -1), append('a', 1), append('b', 0), append('c', -1)];
    const writes = writesOf(lane, 10);
    expect(writes.map((write) => write.map((a) => `${a.streamId}${a.expectedRevision}`))).toEqual([['a-1', 'b-1', 'c-1'], ['a0', 'b0'], ['a1']]);
  });

  it('fills every write but the last ones to the size asked for, when streams repeat closely', () => {
    const lane = Array.from({ length: 1_000 }, (_, i) => append(`s${Math.floor(i / 5)}`, (i % 5) - 1));
    const writes = writesOf(lane, 100);
    expect(writes.flat()).toHaveLength(1_000);
    expect(writes.filter((write) => write.length < 100).length).toBeLessThanOrEqual(5);
    for (const write of writes) expect(new Set(write.map((a) => a.streamId)).size).toBe(write.length);
    const order = new Map<string, number>();
    for (const a of writes.flat()) {
      expect(a.expectedRevision).toBe((order.get(a.streamId) ?? -2) + 1);
      order.set(a.streamId, a.expectedRevision);
    }
  });
});
