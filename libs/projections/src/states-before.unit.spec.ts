import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, type EventStore, type RecordedEvent } from '#event-store';
import { StatesBefore } from './states-before.js';

const added = (n: number) => {
  const id = randomUUID();
  return { eventId: id, type: 'Added', schemaVersion: 1, data: { n }, metadata: { actor: { userId: 'u', role: 'caseworker', orgUnitId: '410100' }, occurredAt: '2026-11-21T01:00:00.000Z', commandId: id, correlationId: id, causationId: id } };
};
/** The state: the numbers added so far, in order. */
const fold = (events: readonly RecordedEvent[]) => events.map((event) => (event.data as { n: number }).n);

describe('StatesBefore', () => {
  let store: InMemoryEventStore;
  let log: RecordedEvent[];

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await store.appendToStream('s-a', [added(1), added(2), added(3)], 'no_stream');
    await store.appendToStream('s-b', [added(10), added(20)], 'no_stream');
    log = await store.readAll();
  });

  const add = (state: number[] = [], event: RecordedEvent) => [...state, (event.data as { n: number }).n];

  it('folds a stream it has not kept from the store, only up to the revision before the batch', async () => {
    const before = new StatesBefore(store, fold);
    const batch = log.filter((event) => event.streamRevision >= 1); // s-a from revision 1, s-b from 1
    expect(await before.foldBatch(batch, add)).toEqual(new Map([['s-a', [1, 2, 3]], ['s-b', [10, 20]]]));
  });

  it('folds on from the states it kept after the last batch, without reading the store', async () => {
    const before = new StatesBefore(store, fold);
    expect(await before.foldBatch(log.filter((event) => event.streamRevision <= 1), add)).toEqual(new Map([['s-a', [1, 2]], ['s-b', [10, 20]]]));
    const reads = jest.spyOn(store, 'readStreams');
    expect(await before.foldBatch(log.filter((event) => event.streamRevision === 2), add)).toEqual(new Map([['s-a', [1, 2, 3]]]));
    expect(reads).not.toHaveBeenCalled();
  });

  it('reads stream by stream through a store that cannot read several at once', async () => {
    const plain: EventStore = Object.create(store, { readStreams: { value: undefined } });
    const before = new StatesBefore(plain, fold);
    expect(await before.foldBatch(log.filter((event) => event.streamRevision === 2), add)).toEqual(new Map([['s-a', [1, 2, 3]]]));
  });
});
