import { START } from '../log-position.js';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { aStreamId, someNewEvents } from '../testing/event-fixtures.js';
import { InMemoryEventStore } from './in-memory-event-store.js';

eventStoreContract('In-memory', async (options) => {
  const store = new InMemoryEventStore(options);
  return { store, dispose: () => store.close() };
}, { multiStreamAppends: true, multiStreamReads: true });

describe('InMemoryEventStore', () => {
  it('starts with an empty log whose head is START', async () => {
    const store = new InMemoryEventStore();

    expect(await store.headPosition()).toEqual(START);
    expect(await store.readAll()).toEqual([]);
  });

  it('hands out copies, so a reader changing an event cannot change the store', async () => {
    const store = new InMemoryEventStore();
    const streamId = aStreamId();
    await store.appendToStream(streamId, someNewEvents(1), 'no_stream');

    const [read] = await store.readStream(streamId);
    (read.data as { index: number }).index = 99;

    expect((await store.readStream(streamId))[0].data).toEqual({ index: 0 });
  });
});
