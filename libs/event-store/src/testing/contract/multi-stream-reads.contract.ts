import { canReadStreams, type EventStore, type MultiStreamReads } from '../../event-store.port.js';
import { aStreamId, someNewEvents } from '../event-fixtures.js';

/** `MultiStreamReads`: several streams in one read, each answered as `readStream` answers it. */
export function multiStreamReadsContract(store: () => EventStore): void {
  describe('reading several streams at once', () => {
    const reader = (): EventStore & MultiStreamReads => {
      const current = store();
      if (!canReadStreams(current)) throw new Error('This store was said to read several streams at once, but has no readStreams');
      return current;
    };

    it('answers each read as readStream would, from its own revision, in the order asked', async () => {
      const [long, short, absent] = [aStreamId(), aStreamId(), aStreamId()];
      await reader().appendToStream(long, someNewEvents(5), 'no_stream');
      await reader().appendToStream(short, someNewEvents(2), 'no_stream');
      await reader().appendToStream(long, someNewEvents(1), 4);

      const reads = [
        { streamId: short },
        { streamId: absent },
        { streamId: long, fromRevision: 3 },
        { streamId: long },
        { streamId: short, fromRevision: 2 },
      ];
      const results = await reader().readStreams(reads);

      const one = await Promise.all(reads.map((read) => reader().readStream(read.streamId, { fromRevision: read.fromRevision })));
      expect(results).toEqual(one);
      expect(results.map((events) => events.map((event) => event.streamRevision))).toEqual([[0, 1], [], [3, 4, 5], [0, 1, 2, 3, 4, 5], []]);
      expect(results[2].every((event) => event.streamId === long)).toBe(true);
    });

    it('answers no reads with nothing', async () => {
      expect(await reader().readStreams([])).toEqual([]);
    });
  });
}
