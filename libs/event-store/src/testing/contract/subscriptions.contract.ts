import type { EventStore, SubscribeOptions } from '../../event-store.port.js';
import { START } from '../../log-position.js';
import { pause } from '../async-helpers.js';
import { aStreamId, aTestContext, someNewEvents } from '../event-fixtures.js';
import { SubscriptionRecorder } from '../subscription-recorder.js';

export function subscriptionsContract(store: () => EventStore): void {
  describe('subscribing to the global log', () => {
    const idsOf = (events: readonly { eventId: string }[]) => events.map((event) => event.eventId);
    let recorders: SubscriptionRecorder[] = [];
    const record = (options?: SubscribeOptions, onBatch?: () => Promise<void>) => {
      const recorder = new SubscriptionRecorder(store(), options, onBatch);
      recorders.push(recorder);
      return recorder;
    };

    afterEach(async () => {
      await Promise.all(recorders.map((recorder) => recorder.subscription.stop()));
      recorders = [];
    });

    it('from START delivers the events already written, then new ones as they are appended', async () => {
      const context = aTestContext();
      const streamId = aStreamId(context);
      const earlier = someNewEvents(2);
      await store().appendToStream(streamId, earlier, 'no_stream');

      const recorder = record({ after: START, streamPrefixes: [`${context}-`] });
      await recorder.waitForCount(2);
      const later = someNewEvents(1);
      await store().appendToStream(streamId, later, 1);
      await recorder.waitForCount(3);

      expect(recorder.eventIds).toEqual(idsOf([...earlier, ...later]));
    });

    it('from a checkpoint in the middle of the log delivers only what follows it', async () => {
      const context = aTestContext();
      const streamId = aStreamId(context);
      const events = someNewEvents(3);
      await store().appendToStream(streamId, events, 'no_stream');
      const [, checkpoint] = await store().readStream(streamId);

      const recorder = record({ after: checkpoint.position, streamPrefixes: [`${context}-`] });
      await recorder.waitForCount(1);
      const later = someNewEvents(1);
      await store().appendToStream(aStreamId(context), later, 'no_stream');
      await recorder.waitForCount(2);

      expect(recorder.eventIds).toEqual(idsOf([events[2], ...later]));
    });

    it('delivers batches of at most batchSize, in log order, each event once', async () => {
      const context = aTestContext();
      const appended = someNewEvents(7);
      for (const event of appended) await store().appendToStream(aStreamId(context), [event], 'no_stream');

      const recorder = record({ streamPrefixes: [`${context}-`], batchSize: 3 });
      await recorder.waitForCount(7);
      await pause(50);

      expect(recorder.eventIds).toEqual(idsOf(appended));
      expect(Math.max(...recorder.batches.map((batch) => batch.length))).toBeLessThanOrEqual(3);
    });

    it('waits for the handler to finish a batch before delivering the next', async () => {
      const context = aTestContext();
      for (let i = 0; i < 4; i++) await store().appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
      let running = 0;
      let mostAtOnce = 0;

      const recorder = record({ streamPrefixes: [`${context}-`], batchSize: 1 }, async () => {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        await pause(10);
        running--;
      });
      await recorder.waitForCount(4);

      expect(mostAtOnce).toBe(1);
    });

    it('delivers nothing more after stop(), and its done resolves', async () => {
      const context = aTestContext();
      const recorder = record({ streamPrefixes: [`${context}-`] });
      await store().appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
      await recorder.waitForCount(1);

      await recorder.subscription.stop();
      await store().appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
      await pause(400);

      await expect(recorder.subscription.done).resolves.toBeUndefined();
      expect(recorder.events).toHaveLength(1);
    });

    it('stops and rejects done with the error when the handler throws', async () => {
      const context = aTestContext();
      await store().appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
      let calls = 0;

      const subscription = store().subscribeToAll(
        async () => {
          calls++;
          throw new Error('read model unavailable');
        },
        { streamPrefixes: [`${context}-`] },
      );

      await expect(subscription.done).rejects.toThrow('read model unavailable');
      await store().appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
      await pause(400);
      expect(calls).toBe(1);
    });
  });
}
