import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import { rejectionOf } from '../testing/async-helpers.js';
import { aStreamId, aTestContext, someNewEvents } from '../testing/event-fixtures.js';
import { SubscriptionRecorder } from '../testing/subscription-recorder.js';
import { settledHead, waitForHead } from '../testing/wait-for-head.js';
import type { KurrentDbEventStore } from './kurrentdb-event-store.js';

export type ConnectKurrentDb = (options?: { readonly pollIntervalMs?: number }) => Promise<KurrentDbEventStore>;

/** What the KurrentDB adapter does beyond the contract: its event-id claims, and its live wake-ups. Run on the simulation and on a real server. */
export function kurrentDbBehaviour(connect: ConnectKurrentDb): void {
  describe('KurrentDB adapter beyond the contract', () => {
    let store: KurrentDbEventStore;

    beforeEach(async () => {
      store = await connect({ pollIntervalMs: 60_000 });
    });

    afterEach(async () => {
      await store.close();
    });

    it('keeps the event-id claims and KurrentDB’s own events out of the log, its head and its count', async () => {
      const head = await settledHead(store);
      const streamId = aStreamId();
      const { lastPosition } = await store.appendToStream(streamId, someNewEvents(2), 'no_stream');
      await waitForHead(store, lastPosition);

      const after = await store.readAll({ after: head });

      expect(after.map((event) => event.streamId)).toEqual([streamId, streamId]);
      expect(await store.headPosition()).toEqual(lastPosition);
      expect(await store.countEventsAfter(head)).toBe(2);
    });

    it('accepts the ids of an append that lost its expectation again, in the same stream', async () => {
      const streamId = aStreamId();
      await store.appendToStream(streamId, someNewEvents(1), 'no_stream');
      const events = someNewEvents(2);

      await expect(store.appendToStream(streamId, events, 'no_stream')).rejects.toThrow(WrongExpectedRevisionError);
      const retry = await store.appendToStream(streamId, events, 0);

      expect(retry.nextExpectedRevision).toBe(2);
      expect((await store.readStream(streamId)).slice(1).map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    });

    it('refuses in another stream the ids an append claimed before it failed, although they were never written (the claims’ limit)', async () => {
      const streamId = aStreamId();
      await store.appendToStream(streamId, someNewEvents(1), 'no_stream');
      const events = someNewEvents(1);
      await expect(store.appendToStream(streamId, events, 'no_stream')).rejects.toThrow(WrongExpectedRevisionError);

      const error = await rejectionOf(store.appendToStream(aStreamId(), events, 'any'));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
    });

    it('wakes a subscription at an append, long before its next poll', async () => {
      const context = aTestContext();
      const recorder = new SubscriptionRecorder(store, { streamPrefixes: [`${context}-`] });
      try {
        await store.appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
        await recorder.waitForCount(1);
        await store.appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');

        await recorder.waitForCount(2, 3_000);
      } finally {
        await recorder.subscription.stop();
      }
    });
  });
}
