import { START } from '../../log-position.js';
import { UpcasterRegistry } from '../../upcasting/upcaster-registry.js';
import type { CreateStore } from './store-under-test.js';
import { aNewEvent, aStreamId, aTestContext } from '../event-fixtures.js';
import { SubscriptionRecorder } from '../subscription-recorder.js';
import { waitForHead } from '../wait-for-head.js';

export function upcastingContract(createStore: CreateStore): void {
  describe('upcasting on read', () => {
    it('shows a stored v1 event as v3 in stream reads, the global log and subscriptions', async () => {
      const upcasters = new UpcasterRegistry()
        .register('ComplaintReceived', 1, (data: { caller: string }) => ({ caller: { name: data.caller } }))
        .register('ComplaintReceived', 2, (data: { caller: { name: string } }) => ({ caller: { ...data.caller, phone: null } }));
      const { store, dispose } = await createStore({ upcasters });
      const context = aTestContext();
      const streamId = aStreamId(context);
      try {
        const v1 = aNewEvent({ type: 'ComplaintReceived', schemaVersion: 1, data: { caller: '王芳' } });
        await waitForHead(store, (await store.appendToStream(streamId, [v1], 'no_stream')).lastPosition);
        const current = { schemaVersion: 3, data: { caller: { name: '王芳', phone: null } } };

        const recorder = new SubscriptionRecorder(store, { streamPrefixes: [`${context}-`] });
        const [delivered] = await recorder.waitForCount(1).finally(() => recorder.subscription.stop());

        expect((await store.readStream(streamId))[0]).toMatchObject(current);
        expect((await store.readAll({ after: START, streamPrefixes: [`${context}-`] }))[0]).toMatchObject(current);
        expect(delivered).toMatchObject(current);
      } finally {
        await dispose();
      }
    });
  });
}
