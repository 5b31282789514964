import { WrongExpectedRevisionError } from '../../errors.js';
import type { EventStore } from '../../event-store.port.js';
import { rejectionOf } from '../async-helpers.js';
import { aNewEvent, aStreamId, someNewEvents } from '../event-fixtures.js';

export function appendingContract(store: () => EventStore): void {
  describe('appending with an expected revision', () => {
    it('creates a stream with no_stream and numbers its events from revision 0', async () => {
      const streamId = aStreamId();

      const result = await store().appendToStream(streamId, someNewEvents(3), 'no_stream');

      const events = await store().readStream(streamId);
      expect(events.map((event) => event.streamRevision)).toEqual([0, 1, 2]);
      expect(result).toEqual({ nextExpectedRevision: 2, lastPosition: events[2].position });
    });

    it('refuses no_stream when the stream exists, naming its actual revision', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, someNewEvents(2), 'no_stream');

      const error = await rejectionOf(store().appendToStream(streamId, someNewEvents(1), 'no_stream'));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId, expected: 'no_stream', actual: 1 });
    });

    it('appends when the exact expected revision is that of the last event', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, someNewEvents(2), 'no_stream');

      const result = await store().appendToStream(streamId, someNewEvents(2), 1);

      expect(result.nextExpectedRevision).toBe(3);
      expect(await store().readStream(streamId)).toHaveLength(4);
    });

    it('refuses a stale exact revision with the actual one, and writes none of the events', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, someNewEvents(3), 'no_stream');

      const error = await rejectionOf(store().appendToStream(streamId, someNewEvents(2), 0));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId, expected: 0, actual: 2 });
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it('refuses an exact revision on an absent stream, whose actual revision is -1', async () => {
      const streamId = aStreamId();

      const error = await rejectionOf(store().appendToStream(streamId, someNewEvents(1), 0));

      expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', actual: -1 });
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it('appends with any whether or not the stream exists', async () => {
      const streamId = aStreamId();

      const first = await store().appendToStream(streamId, someNewEvents(1), 'any');
      const second = await store().appendToStream(streamId, someNewEvents(2), 'any');

      expect([first.nextExpectedRevision, second.nextExpectedRevision]).toEqual([0, 2]);
    });

    it('refuses an append without events, with an event id that is not a UUID, or with a negative revision', async () => {
      const streamId = aStreamId();

      await expect(store().appendToStream(streamId, [], 'any')).rejects.toThrow(RangeError);
      await expect(store().appendToStream(streamId, [aNewEvent({ eventId: 'event-1' })], 'any')).rejects.toThrow(RangeError);
      await expect(store().appendToStream(streamId, someNewEvents(1), -1)).rejects.toThrow(RangeError);
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });
}
