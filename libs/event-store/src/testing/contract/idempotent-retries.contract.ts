import { DuplicateEventIdError } from '../../errors.js';
import type { EventStore } from '../../event-store.port.js';
import type { ExpectedRevision } from '../../expected-revision.js';
import { rejectionOf } from '../async-helpers.js';
import { aStreamId, someNewEvents } from '../event-fixtures.js';

export function idempotentRetriesContract(store: () => EventStore): void {
  describe('retrying an append with the same event ids', () => {
    it.each<[string, ExpectedRevision]>([
      ['an exact revision', 0],
      ['any', 'any'],
    ])('accepts a retry with %s once: same result, events written once', async (_, expected) => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, someNewEvents(1), 'no_stream');
      const events = someNewEvents(2);

      const first = await store().appendToStream(streamId, events, expected);
      const retry = await store().appendToStream(streamId, events, expected);

      expect(retry).toEqual(first);
      expect((await store().readStream(streamId)).map((event) => event.eventId)).toEqual([expect.any(String), ...events.map((event) => event.eventId)]);
    });

    it('accepts a retry of the append that created the stream with no_stream', async () => {
      const streamId = aStreamId();
      const events = someNewEvents(2);

      const first = await store().appendToStream(streamId, events, 'no_stream');
      const retry = await store().appendToStream(streamId, events, 'no_stream');

      expect(retry).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    it('still returns the first result after later appends moved the stream on', async () => {
      const streamId = aStreamId();
      const events = someNewEvents(1);
      const first = await store().appendToStream(streamId, events, 'no_stream');
      await store().appendToStream(streamId, someNewEvents(2), 0);

      const retry = await store().appendToStream(streamId, events, 'no_stream');

      expect(retry).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it('rejects an event id reused in another stream', async () => {
      const [event] = someNewEvents(1);
      await store().appendToStream(aStreamId(), [event], 'no_stream');
      const otherStream = aStreamId();

      const error = await rejectionOf(store().appendToStream(otherStream, [event], 'any'));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ streamId: otherStream, eventId: event.eventId });
      expect(await store().readStream(otherStream)).toEqual([]);
    });

    it('rejects an event id reused in the same stream by a different append', async () => {
      const streamId = aStreamId();
      const [taken] = someNewEvents(1);
      await store().appendToStream(streamId, [taken], 'no_stream');

      await expect(store().appendToStream(streamId, [...someNewEvents(1), taken], 'any')).rejects.toThrow(DuplicateEventIdError);
      await expect(store().appendToStream(streamId, [taken], 0)).rejects.toThrow(DuplicateEventIdError);
      expect(await store().readStream(streamId)).toHaveLength(1);
    });

    it('rejects one event id twice in the same append', async () => {
      const streamId = aStreamId();
      const [event] = someNewEvents(1);

      await expect(store().appendToStream(streamId, [event, event], 'no_stream')).rejects.toThrow(DuplicateEventIdError);
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });
}
