import type { EventStore } from '../../event-store.port.js';
import { pause } from '../async-helpers.js';
import { aNewEvent, aStreamId, someMetadata, someNewEvents } from '../event-fixtures.js';

export function readingStreamsContract(store: () => EventStore): void {
  describe('reading a stream', () => {
    async function aStreamOf(count: number): Promise<string> {
      const streamId = aStreamId();
      await store().appendToStream(streamId, someNewEvents(count), 'no_stream');
      return streamId;
    }
    const revisionsOf = (events: readonly { streamRevision: number }[]) => events.map((event) => event.streamRevision);

    it('gives back the whole envelope as it was appended, with its stream, revision, position and recording time', async () => {
      const streamId = aStreamId();
      const event = aNewEvent({
        type: 'WageClaimCorrected',
        schemaVersion: 3,
        data: { amountFen: 987_654_321, employer: { name: '宏达建筑劳务有限公司', district: '城东' }, months: ['2025-11', '2025-12'], settled: false, note: null },
        metadata: someMetadata({ reason: '金额录入错误，按工资条更正' }),
      });
      const before = Date.now();

      const { lastPosition } = await store().appendToStream(streamId, [event], 'no_stream');

      const [read] = await store().readStream(streamId);
      expect(read).toEqual({ ...event, streamId, streamRevision: 0, position: lastPosition, recordedAt: expect.any(String) });
      expect(typeof read.position.commit).toBe('bigint');
      expect(typeof read.position.prepare).toBe('bigint');
      expect(Date.parse(read.recordedAt)).toBeGreaterThanOrEqual(before - 1_000);
      expect(Date.parse(read.recordedAt)).toBeLessThanOrEqual(Date.now() + 1_000);
    });

    it('leaves out a reason that was not given', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, [aNewEvent({ metadata: someMetadata() })], 'no_stream');

      const [read] = await store().readStream(streamId);

      expect(read.metadata).not.toHaveProperty('reason');
    });

    it('reads forwards in revision order by default, and backwards from the end', async () => {
      const streamId = await aStreamOf(4);

      expect(revisionsOf(await store().readStream(streamId))).toEqual([0, 1, 2, 3]);
      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards' }))).toEqual([3, 2, 1, 0]);
    });

    it('reads forwards from one revision to another, both included', async () => {
      const streamId = await aStreamOf(6);

      expect(revisionsOf(await store().readStream(streamId, { fromRevision: 2 }))).toEqual([2, 3, 4, 5]);
      expect(revisionsOf(await store().readStream(streamId, { fromRevision: 1, toRevision: 3 }))).toEqual([1, 2, 3]);
    });

    it('reads backwards from a revision down to another, both included', async () => {
      const streamId = await aStreamOf(6);

      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards', fromRevision: 3 }))).toEqual([3, 2, 1, 0]);
      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards', fromRevision: 4, toRevision: 2 }))).toEqual([4, 3, 2]);
    });

    it('reads at most maxCount events in either direction', async () => {
      const streamId = await aStreamOf(5);

      expect(revisionsOf(await store().readStream(streamId, { maxCount: 2 }))).toEqual([0, 1]);
      expect(revisionsOf(await store().readStream(streamId, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
      expect(revisionsOf(await store().readStream(streamId, { fromRevision: 3, maxCount: 10 }))).toEqual([3, 4]);
    });

    it('reads the stream as it was recorded up to a point in time', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, someNewEvents(2), 'no_stream');
      await pause(20);
      await store().appendToStream(streamId, someNewEvents(1), 1);
      const [, second, third] = await store().readStream(streamId);

      expect(revisionsOf(await store().readStream(streamId, { recordedUpTo: second.recordedAt }))).toEqual([0, 1]);
      expect(revisionsOf(await store().readStream(streamId, { recordedUpTo: third.recordedAt }))).toEqual([0, 1, 2]);
      expect(revisionsOf(await store().readStream(streamId, { recordedUpTo: second.recordedAt, direction: 'backwards', maxCount: 1 }))).toEqual([1]);
      expect(await store().readStream(streamId, { recordedUpTo: '2000-01-01T00:00:00.000Z' })).toEqual([]);
    });

    it('reads an absent stream as empty', async () => {
      expect(await store().readStream(aStreamId())).toEqual([]);
    });
  });
}
