import type { Decider } from '#decider';
import { InMemoryEventStore, type AppendResult, type EventStore, type StreamAppend } from '#event-store';
import { RuleBrokenError } from '#errors';
import { handleCommandsTogether, type CommandToHandle } from './handle-commands-together.js';
import { StreamStateCache } from './stream-state-cache.js';

/** A counter that adds what it is told and refuses to go above 10. */
type Add = { type: 'Add'; data: { n: number } };
type Added = { type: 'Added'; data: { n: number } };
class TooMuch extends RuleBrokenError {
  constructor() {
    super('too_much', '超过上限');
  }
}
const counter: Decider<Add, Added, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.n,
  decide: (command, total) => {
    if (total + command.data.n > 10) throw new TooMuch();
    return [{ type: 'Added', data: { n: command.data.n } }];
  },
};

const actor = { userId: 'system:test', role: 'system', orgUnitId: '410100' };
const add = (streamId: string, n: number, commandId = crypto.randomUUID(), cache?: StreamStateCache<number>): CommandToHandle<Add, never, number> => ({
  streamId,
  command: { type: 'Add', data: { n } },
  meta: { actor, commandId, correlationId: commandId, causationId: commandId, now: new Date() },
  ...(cache ? { options: { cache } } : {}),
});
/** An event written by another writer, straight to the store. */
const added = (n: number) => ({ eventId: crypto.randomUUID(), type: 'Added', schemaVersion: 1, data: { n }, metadata: { actor, occurredAt: new Date().toISOString(), commandId: 'other', correlationId: 'other', causationId: 'other' } });
const totalOf = async (store: EventStore, streamId: string) => (await store.readStream(streamId)).reduce((sum, event) => sum + (event.data as { n: number }).n, 0);

/** The in-memory store, counting writes; `beforeWrite` runs once, just before the first write to several streams. */
class WatchedStore extends InMemoryEventStore {
  singleWrites = 0;
  manyWrites = 0;
  reads = 0;
  manyReads = 0;
  beforeWrite?: () => Promise<void>;
  override async appendToStream(...args: Parameters<InMemoryEventStore['appendToStream']>): Promise<AppendResult> {
    this.singleWrites += 1;
    return super.appendToStream(...args);
  }
  override async readStream(...args: Parameters<InMemoryEventStore['readStream']>) {
    this.reads += 1;
    return super.readStream(...args);
  }
  override async readStreams(...args: Parameters<InMemoryEventStore['readStreams']>) {
    this.manyReads += 1;
    return super.readStreams(...args);
  }
  override async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.manyWrites += 1;
    const hook = this.beforeWrite;
    this.beforeWrite = undefined;
    await hook?.();
    return super.appendToStreams(appends);
  }
}

describe('handleCommandsTogether', () => {
  it('decides each command on its own stream and writes them all in one write', async () => {
    const store = new WatchedStore();
    await store.appendToStream('c-1', [added(4)], 'no_stream');
    store.singleWrites = 0;

    const outcomes = await handleCommandsTogether(store, counter, [add('c-1', 5), add('c-2', 2), add('c-3', 7)]);

    expect(outcomes.map((outcome) => outcome.ok && outcome.result.version)).toEqual([2, 1, 1]);
    expect([store.manyWrites, store.singleWrites]).toEqual([1, 0]);
    expect([store.manyReads, store.reads]).toEqual([1, 0]);
    expect([await totalOf(store, 'c-1'), await totalOf(store, 'c-2'), await totalOf(store, 'c-3')]).toEqual([9, 2, 7]);
  });

  it('fails a command the domain refuses on its own, and writes the others', async () => {
    const store = new WatchedStore();

    const outcomes = await handleCommandsTogether(store, counter, [add('c-1', 11), add('c-2', 3)]);

    expect(outcomes[0]).toEqual({ ok: false, error: expect.any(TooMuch) });
    expect(outcomes[1]).toMatchObject({ ok: true, result: { version: 1 } });
    expect(await store.readStream('c-1')).toEqual([]);
    expect(await totalOf(store, 'c-2')).toBe(3);
  });

  it('handles every command again on its own when another writer moved a stream on before the write', async () => {
    const store = new WatchedStore();
    const cache = new StreamStateCache<number>();
    await handleCommandsTogether(store, counter, [add('c-1', 2, undefined, cache)]);
    store.beforeWrite = async () => {
      await store.appendToStream('c-1', [added(6)], 0);
    };

    // Decided on 2, c-1 could take 5; after the other writer's 6 it is refused, on its own.
    const outcomes = await handleCommandsTogether(store, counter, [add('c-1', 5, undefined, cache), add('c-2', 1, undefined, cache)]);

    expect(outcomes[0]).toEqual({ ok: false, error: expect.any(TooMuch) });
    expect(outcomes[1]).toMatchObject({ ok: true, result: { version: 1 } });
    expect([await totalOf(store, 'c-1'), await totalOf(store, 'c-2')]).toEqual([8, 1]);
    // The stream was read again in full: the cache holds what is stored, not what was decided first.
    expect(cache.get('c-1')).toMatchObject({ state: 8, version: 2 });
  });

  it('writes nothing twice when the same commands come again (a redelivered batch)', async () => {
    const store = new WatchedStore();
    const commands = [add('c-1', 1), add('c-2', 2)];
    await handleCommandsTogether(store, counter, commands);

    const again = await handleCommandsTogether(store, counter, commands);

    expect(again.map((outcome) => outcome.ok && outcome.result.events.length)).toEqual([0, 0]);
    expect([(await store.readStream('c-1')).length, (await store.readStream('c-2')).length]).toEqual([1, 1]);
  });

  it('handles a second command to one stream after the first, on the state the first left', async () => {
    const store = new WatchedStore();

    const outcomes = await handleCommandsTogether(store, counter, [add('c-1', 6), add('c-2', 1), add('c-1', 5)]);

    expect(outcomes[2]).toEqual({ ok: false, error: expect.any(TooMuch) });
    expect(await totalOf(store, 'c-1')).toBe(6);
  });

  describe('trusting cached states', () => {
    it('reads nothing and writes once when the cache holds the latest states', async () => {
      const store = new WatchedStore();
      const cache = new StreamStateCache<number>();
      await handleCommandsTogether(store, counter, [add('c-1', 1, undefined, cache), add('c-2', 2, undefined, cache)]);
      store.reads = 0;
      store.manyReads = 0;
      store.manyWrites = 0;

      const outcomes = await handleCommandsTogether(store, counter, [add('c-1', 3, undefined, cache), add('c-2', 4, undefined, cache)], { trustCachedStates: true });

      expect(outcomes.map((outcome) => outcome.ok && outcome.result.version)).toEqual([2, 2]);
      expect([store.reads, store.manyReads, store.manyWrites]).toEqual([0, 0, 1]);
      expect([await totalOf(store, 'c-1'), await totalOf(store, 'c-2')]).toEqual([4, 6]);
    });

    it('decides again on states read from the store when a stream moved on behind the cache', async () => {
      const store = new WatchedStore();
      const cache = new StreamStateCache<number>();
      await handleCommandsTogether(store, counter, [add('c-1', 1, undefined, cache), add('c-2', 1, undefined, cache)]);
      await store.appendToStream('c-1', [added(8)], 0);

      // On the cached 1, c-1 could take 5; on the stored 9 it cannot. c-2's cache is right, and it is written.
      const outcomes = await handleCommandsTogether(store, counter, [add('c-1', 5, undefined, cache), add('c-2', 5, undefined, cache)], { trustCachedStates: true });

      expect(outcomes[0]).toEqual({ ok: false, error: expect.any(TooMuch) });
      expect(outcomes[1]).toMatchObject({ ok: true, result: { version: 2 } });
      expect([await totalOf(store, 'c-1'), await totalOf(store, 'c-2')]).toEqual([9, 6]);
    });

    it('does not take a refusal on a cached state for the stream’s answer', async () => {
      const store = new WatchedStore();
      const cache = new StreamStateCache<number>();
      await handleCommandsTogether(store, counter, [add('c-1', 9, undefined, cache)]);
      // Another writer takes 8 back: the cache still says 9, on which 5 more would be refused.
      await store.appendToStream('c-1', [added(-8)], 0);

      const [outcome] = await handleCommandsTogether(store, counter, [add('c-1', 5, undefined, cache)], { trustCachedStates: true });

      expect(outcome).toMatchObject({ ok: true, result: { version: 3 } });
      expect(await totalOf(store, 'c-1')).toBe(6);
    });
  });

  it('appends one by one to a store that cannot write to several streams at once', async () => {
    const store: WatchedStore = Object.create(new WatchedStore(), { appendToStreams: { value: undefined } });

    const outcomes = await handleCommandsTogether(store, counter, [add('c-1', 1), add('c-2', 2)]);

    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect([store.manyWrites, store.singleWrites]).toEqual([0, 2]);
  });
});
