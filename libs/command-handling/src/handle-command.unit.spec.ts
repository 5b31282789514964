import type { Decider } from '#decider';
import { InMemoryEventStore, type ReadStreamOptions } from '#event-store';
import { ConcurrencyConflictError } from '#errors';
import { handleCommand } from './handle-command.js';
import { StreamStateCache } from './stream-state-cache.js';

/** A counter that adds what it is told and refuses to go above 10: enough to see state, versions and conflicts. */
type Add = { type: 'Add'; data: { n: number } };
type Added = { type: 'Added'; data: { n: number } };
const counter: Decider<Add, Added, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.n,
  decide: (command, total) => {
    if (total + command.data.n > 10) throw new ConcurrencyConflictError(-1, 'too much');
    return [{ type: 'Added', data: { n: command.data.n } }];
  },
};

const actor = { userId: 'u1', role: 'caseworker', orgUnitId: '410105' };
const meta = (commandId = crypto.randomUUID(), expectedVersion?: number) => ({ actor, commandId, correlationId: commandId, causationId: commandId, now: new Date(), expectedVersion });

/** The in-memory store, counting the events each read returns. */
class CountingStore extends InMemoryEventStore {
  eventsRead = 0;
  override async readStream(streamId: string, options?: ReadStreamOptions) {
    const events = await super.readStream(streamId, options);
    this.eventsRead += events.length;
    return events;
  }
}

describe('handleCommand with a stream-state cache', () => {
  it('reads only the events appended since it last saw the stream, and decides on the same state as a full read', async () => {
    const store = new CountingStore();
    const cache = new StreamStateCache<number>();
    for (let i = 0; i < 5; i++) await handleCommand(store, counter, 's-1', { type: 'Add', data: { n: 1 } }, meta(), { cache });
    expect(store.eventsRead).toBe(0);

    // Another writer (no cache) appends two events; the cached writer reads just those two.
    await handleCommand(store, counter, 's-1', { type: 'Add', data: { n: 2 } }, meta());
    await handleCommand(store, counter, 's-1', { type: 'Add', data: { n: 2 } }, meta());
    store.eventsRead = 0;
    const result = await handleCommand(store, counter, 's-1', { type: 'Add', data: { n: 1 } }, meta(), { cache });
    expect(store.eventsRead).toBe(2);
    expect(result.version).toBe(8);
    expect(cache.get('s-1')).toMatchObject({ state: 10, version: 8 });

    // The rule sees the whole stream's state: 10 already, so one more is refused.
    await expect(handleCommand(store, counter, 's-1', { type: 'Add', data: { n: 1 } }, meta(), { cache })).rejects.toThrow('too much');
  });

  it('still answers a retried command from the cache without deciding it again', async () => {
    const store = new CountingStore();
    const cache = new StreamStateCache<number>();
    const retried = meta();
    await handleCommand(store, counter, 's-2', { type: 'Add', data: { n: 3 } }, retried, { cache });
    const again = await handleCommand(store, counter, 's-2', { type: 'Add', data: { n: 3 } }, retried, { cache });
    expect(again.events).toEqual([]);
    expect((await store.readStream('s-2')).length).toBe(1);
  });

  it('checks If-Match against the version it knows, and forgets entries older than their lifetime', async () => {
    let now = 0;
    const store = new CountingStore();
    const cache = new StreamStateCache<number>({ ttlMs: 1_000, now: () => now });
    await handleCommand(store, counter, 's-3', { type: 'Add', data: { n: 1 } }, meta(), { cache });
    await expect(handleCommand(store, counter, 's-3', { type: 'Add', data: { n: 1 } }, meta(undefined, 0), { cache })).rejects.toBeInstanceOf(ConcurrencyConflictError);
    now = 1_001;
    expect(cache.get('s-3')).toBeUndefined();
  });
});

describe('If-Match against events the system recorded on its own', () => {
  const system = { userId: 'system:repeat-call-detector', role: 'system', orgUnitId: '410100' };
  const asSystem = () => ({ ...meta(), actor: system });

  it('keeps a client’s version current when only the system has recorded since (a repeat flag, a mirrored payment)', async () => {
    for (const cache of [undefined, new StreamStateCache<number>()]) {
      const store = new InMemoryEventStore();
      const created = await handleCommand(store, counter, 's-4', { type: 'Add', data: { n: 1 } }, meta(), { cache });
      await handleCommand(store, counter, 's-4', { type: 'Add', data: { n: 2 } }, asSystem(), { cache });
      const result = await handleCommand(store, counter, 's-4', { type: 'Add', data: { n: 3 } }, meta(undefined, created.version), { cache });
      expect(result.version).toBe(3);
      expect(await store.readStream('s-4')).toHaveLength(3);
    }
  });

  it('still refuses a version that a person’s command has made stale, whatever the system recorded after it', async () => {
    const store = new InMemoryEventStore();
    const created = await handleCommand(store, counter, 's-5', { type: 'Add', data: { n: 1 } }, meta());
    await handleCommand(store, counter, 's-5', { type: 'Add', data: { n: 1 } }, meta());
    await handleCommand(store, counter, 's-5', { type: 'Add', data: { n: 1 } }, asSystem());
    await expect(handleCommand(store, counter, 's-5', { type: 'Add', data: { n: 1 } }, meta(undefined, created.version))).rejects.toMatchObject({ currentVersion: 3 });
    await expect(handleCommand(store, counter, 's-5', { type: 'Add', data: { n: 1 } }, meta(undefined, 2))).resolves.toMatchObject({ version: 4 });
    await expect(handleCommand(store, counter, 's-5', { type: 'Add', data: { n: 1 } }, meta(undefined, 9))).rejects.toBeInstanceOf(ConcurrencyConflictError);
  });

  it('decides on the whole current state, the system’s events included', async () => {
    const store = new InMemoryEventStore();
    const created = await handleCommand(store, counter, 's-6', { type: 'Add', data: { n: 5 } }, meta());
    await handleCommand(store, counter, 's-6', { type: 'Add', data: { n: 5 } }, asSystem());
    await expect(handleCommand(store, counter, 's-6', { type: 'Add', data: { n: 1 } }, meta(undefined, created.version))).rejects.toThrow('too much');
  });
});
