import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../errors.js';
import { canAppendToStreams, type EventStore, type MultiStreamAppends } from '../../event-store.port.js';
import { compareLogPositions } from '../../log-position.js';
import { rejectionOf } from '../async-helpers.js';
import { aStreamId, someNewEvents } from '../event-fixtures.js';
import { waitForHead } from '../wait-for-head.js';

/** `MultiStreamAppends`: several streams in one atomic write, each part judged as `appendToStream` would judge it. */
export function multiStreamAppendsContract(store: () => EventStore): void {
  describe('appending to several streams at once', () => {
    const writer = (): EventStore & MultiStreamAppends => {
      const current = store();
      if (!canAppendToStreams(current)) throw new Error('This store was said to append to several streams, but has no appendToStreams');
      return current;
    };

    it('writes every part with its own expectation and answers each as a single append would', async () => {
      const existing = aStreamId();
      const fresh = aStreamId();
      await writer().appendToStream(existing, someNewEvents(2), 'no_stream');
      const toExisting = someNewEvents(1);
      const toFresh = someNewEvents(3);

      const results = await writer().appendToStreams([
        { streamId: existing, events: toExisting, expected: 1 },
        { streamId: fresh, events: toFresh, expected: 'no_stream' },
      ]);

      expect(results.map((result) => result.nextExpectedRevision)).toEqual([2, 2]);
      const existingEvents = await writer().readStream(existing);
      const freshEvents = await writer().readStream(fresh);
      expect(existingEvents.map((event) => event.eventId)).toEqual([expect.any(String), expect.any(String), toExisting[0].eventId]);
      expect(freshEvents.map((event) => event.eventId)).toEqual(toFresh.map((event) => event.eventId));
      expect(results[0].lastPosition).toEqual(existingEvents[2].position);
      expect(results[1].lastPosition).toEqual(freshEvents[2].position);
      await waitForHead(writer(), results[1].lastPosition);
      await waitForHead(writer(), results[0].lastPosition);
      const log = await writer().readAll({ after: existingEvents[1].position });
      expect(log.map((event) => event.eventId)).toEqual(expect.arrayContaining([toExisting[0].eventId, ...toFresh.map((event) => event.eventId)]));
    });

    it('writes nothing when one part’s expectation fails, and says which stream', async () => {
      const moved = aStreamId();
      const untouched = aStreamId();
      await writer().appendToStream(moved, someNewEvents(2), 'no_stream');

      const error = await rejectionOf(writer().appendToStreams([
        { streamId: untouched, events: someNewEvents(1), expected: 'no_stream' },
        { streamId: moved, events: someNewEvents(1), expected: 0 },
      ]));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: moved, actual: 1 });
      expect(await writer().readStream(untouched)).toEqual([]);
      expect(await writer().readStream(moved)).toHaveLength(2);
      // The stream left untouched can still be created: the failed write took nothing from it.
      await expect(writer().appendToStream(untouched, someNewEvents(1), 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0 });
    });

    it('writes nothing when one part reuses an event id written elsewhere', async () => {
      const [taken] = someNewEvents(1);
      await writer().appendToStream(aStreamId(), [taken], 'no_stream');
      const innocent = aStreamId();
      const reusing = aStreamId();

      const error = await rejectionOf(writer().appendToStreams([
        { streamId: innocent, events: someNewEvents(1), expected: 'no_stream' },
        { streamId: reusing, events: [taken], expected: 'no_stream' },
      ]));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ streamId: reusing, eventId: taken.eventId });
      expect(await writer().readStream(innocent)).toEqual([]);
      expect(await writer().readStream(reusing)).toEqual([]);
    });

    it('answers a retry of the whole write with the first results, writing nothing twice', async () => {
      const appends = [aStreamId(), aStreamId()].map((streamId) => ({ streamId, events: someNewEvents(2), expected: 'no_stream' as const }));

      const first = await writer().appendToStreams(appends);
      const retry = await writer().appendToStreams(appends);

      expect(retry).toEqual(first);
      for (const { streamId } of appends) expect(await writer().readStream(streamId)).toHaveLength(2);
    });

    it('refuses one stream twice, or one event id twice, before writing anything', async () => {
      const streamId = aStreamId();
      const other = aStreamId();
      const [event] = someNewEvents(1);

      await expect(writer().appendToStreams([])).rejects.toThrow(RangeError);
      await expect(writer().appendToStreams([
        { streamId, events: someNewEvents(1), expected: 'no_stream' },
        { streamId, events: someNewEvents(1), expected: 0 },
      ])).rejects.toThrow(RangeError);
      await expect(writer().appendToStreams([
        { streamId, events: [event], expected: 'no_stream' },
        { streamId: other, events: [event], expected: 'no_stream' },
      ])).rejects.toThrow(DuplicateEventIdError);
      expect(await writer().readStream(streamId)).toEqual([]);
      expect(await writer().readStream(other)).toEqual([]);
    });

    it('puts every part in the log together: a reader at the head sees all of them or none', async () => {
      const before = await writer().headPosition();
      const appends = [aStreamId(), aStreamId(), aStreamId()].map((streamId) => ({ streamId, events: someNewEvents(1), expected: 'no_stream' as const }));

      const results = await writer().appendToStreams(appends);

      // The parts share one commit: once a reader can see the first, it sees every one.
      const first = results.map((result) => result.lastPosition).reduce((a, b) => (compareLogPositions(a, b) <= 0 ? a : b));
      await waitForHead(writer(), first);
      const written = new Set(appends.map((append) => append.events[0].eventId));
      const seen = (await writer().readAll({ after: before })).filter((event) => written.has(event.eventId));
      expect(seen).toHaveLength(3);
    });
  });
}
