import { WrongExpectedRevisionError } from '../../errors.js';
import type { EventStore } from '../../event-store.port.js';
import type { ExpectedRevision } from '../../expected-revision.js';
import { aStreamId, someNewEvents } from '../event-fixtures.js';

const WRITERS = 8;

export function concurrentAppendsContract(store: () => EventStore): void {
  describe('concurrent appends to one stream', () => {
    it.each<[string, ExpectedRevision, number]>([
      ['the same exact revision', 0, 1],
      ['no_stream', 'no_stream', 0],
    ])(`lets exactly one of ${WRITERS} writers expecting %s win`, async (_, expected, eventsBefore) => {
      const streamId = aStreamId();
      if (eventsBefore > 0) await store().appendToStream(streamId, someNewEvents(eventsBefore), 'no_stream');

      const outcomes = await Promise.allSettled(
        Array.from({ length: WRITERS }, () => store().appendToStream(streamId, someNewEvents(2), expected)),
      );

      const losses = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(losses).toHaveLength(WRITERS - 1);
      for (const loss of losses) {
        expect(loss.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(loss.reason).toMatchObject({ actual: eventsBefore + 1 });
      }
      expect(await store().readStream(streamId)).toHaveLength(eventsBefore + 2);
    });

    it('numbers the events of concurrent any appends without gaps or repeats, each append kept together', async () => {
      const streamId = aStreamId();
      const batches = Array.from({ length: WRITERS }, () => someNewEvents(3));

      await Promise.all(batches.map((events) => store().appendToStream(streamId, events, 'any')));

      const stored = await store().readStream(streamId);
      expect(stored.map((event) => event.streamRevision)).toEqual(Array.from({ length: WRITERS * 3 }, (_, revision) => revision));
      for (const events of batches) {
        const at = stored.findIndex((event) => event.eventId === events[0].eventId);
        expect(stored.slice(at, at + 3).map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
      }
    });

    it.each<[string, ExpectedRevision]>([
      ['an exact revision', 0],
      ['no_stream', 'no_stream'],
      ['any', 'any'],
    ])('writes an append sent twice at once (with %s) once, and answers both with the same result', async (_, expected) => {
      const streamId = aStreamId();
      if (expected === 0) await store().appendToStream(streamId, someNewEvents(1), 'no_stream');
      const events = someNewEvents(2);

      const [first, second] = await Promise.all([store().appendToStream(streamId, events, expected), store().appendToStream(streamId, events, expected)]);

      expect(second).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(expected === 0 ? 3 : 2);
    });
  });
}
