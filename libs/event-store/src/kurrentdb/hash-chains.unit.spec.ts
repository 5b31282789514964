import { aStreamId, someNewEvents } from '../testing/event-fixtures.js';
import { eventBytes, genesisHash } from './hash-chains.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { SimulatedKurrentDb } from './simulated-kurrentdb.js';

/**
 * Tamper evidence on KurrentDB, where the chain is computed when read: what it finds alone (revisions
 * missing), and what only heads saved earlier reveal (content changed underneath the server).
 * Each test has a server of its own, so whole-store reports can be compared whole.
 */
describe('the hash chains of a KurrentDB store, computed when read', () => {
  let server: SimulatedKurrentDb;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    server = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(server);
  });

  afterEach(() => store.close());

  async function aStreamOf(count: number): Promise<string> {
    const streamId = aStreamId();
    await store.appendToStream(streamId, someNewEvents(count), 'no_stream');
    return streamId;
  }

  it("verifies an untouched store clean, counting only our streams' events (not KurrentDB's own nor the event-id claims)", async () => {
    await aStreamOf(4);
    await aStreamOf(2);

    expect(await store.verifyHashChains()).toEqual({ streams: 2, events: 6, problems: [] });
  });

  it('finds the same heads on every read: the chain depends on the stored events only', async () => {
    await aStreamOf(3);
    await aStreamOf(1);

    const heads = await store.readStreamHeads();

    expect(heads).toHaveLength(2);
    expect(await store.readStreamHeads()).toEqual(heads);
    expect(await store.checkStreamHeads(heads)).toEqual([]);
  });

  it('names a head saved before an event was changed underneath the server as altered, though the chain alone cannot see it', async () => {
    const streamId = await aStreamOf(5);
    const untouched = await aStreamOf(2);
    const saved = await store.readStreamHeads();

    server.rewriteStoredEvent(streamId, 2, { index: 99 });

    expect(await store.verifyHashChains()).toEqual({ streams: 2, events: 7, problems: [] });
    expect(await store.checkStreamHeads(saved)).toEqual([{ streamId, revision: 4, problem: 'altered' }]);
    expect(await store.checkStreamHeads(saved.filter((head) => head.streamId === untouched))).toEqual([]);
  });

  it('names the revisions cut off the start of a stream as removed, in the whole store and in the stream alone', async () => {
    const streamId = await aStreamOf(5);
    await aStreamOf(1);
    const saved = await store.readStreamHeads();

    server.truncateBefore(streamId, 2);

    const removed = [0, 1].map((revision) => ({ streamId, revision, problem: 'removed' }));
    expect(await store.verifyHashChains()).toEqual({ streams: 2, events: 4, problems: removed });
    expect(await store.verifyHashChains(streamId)).toEqual({ streams: 1, events: 3, problems: removed });
    // The rest of the stream hashes from another start: its saved head is no longer reached.
    expect(await store.checkStreamHeads(saved)).toEqual([{ streamId, revision: 4, problem: 'altered' }]);
  });

  it('hashes one canonical text of the stored event: the order of keys in its JSON does not count, its values do', () => {
    const stored = { streamId: 's-1', id: 'e-1', type: 'ComplaintReceived', revision: 0n, created: new Date('2026-01-05T08:30:00.123Z'), isJson: true, position: undefined };
    const bytes = (data: unknown) => eventBytes({ ...stored, data, metadata: { schemaVersion: 1, actor: { b: 1, a: 2 } } }).toString('utf8');

    expect(bytes({ a: 1, b: [1, { d: null, c: '王' }] })).toBe(bytes({ b: [1, { c: '王', d: null }], a: 1 }));
    expect(bytes({ a: 1 })).not.toBe(bytes({ a: 2 }));
    expect(bytes({ a: 1 })).toBe('["s-1",0,"e-1","ComplaintReceived",{"a":1},{"actor":{"a":2,"b":1},"schemaVersion":1},"2026-01-05T08:30:00.123Z"]');
    expect(genesisHash('s-1').toString('hex')).toMatch(/^[0-9a-f]{64}$/);
  });
});
