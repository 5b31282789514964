import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import { createTestDatabase, plainEvent, snapshotTables, type TestDatabase } from '#testing';
import { readCheckpoint } from './checkpoints.js';
import { applyOrPark } from './apply-or-park.js';
import { ReadModelReshapedError } from './read-model-reshaped.js';
import { countParked } from './parked-events.js';
import type { Projection } from './projection.js';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner.js';
import { rebuildProjection, type RebuildProgress } from './rebuild-projection.js';

/**
 * Holds a rebuild after its first batch until released (it waits in `onRebuildProgress`, outside any
 * transaction: one held open would hold back every reader of the log): a rebuild caught in the middle,
 * without timing.
 */
class Gate {
  private open = false;
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  private signalHeld!: () => void;
  /** Resolves once the rebuild is held at the gate. */
  readonly held = new Promise<void>((resolve) => (this.signalHeld = resolve));

  async pass(): Promise<void> {
    if (this.open) return;
    this.open = true;
    this.signalHeld();
    await this.released;
  }

  openUp(): void {
    this.open = true;
    this.release();
  }
}

/** Version 1: per stream, how many events and the last type. */
const countsV1: Projection = {
  name: 'test-counts',
  tables: ['test_counts'],
  schemaSql: 'CREATE TABLE IF NOT EXISTS test_counts (stream_id text PRIMARY KEY, n int NOT NULL, last_type text NOT NULL)',
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      await tx.query(
        `INSERT INTO test_counts (stream_id, n, last_type) VALUES ($1, 1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET n = test_counts.n + 1, last_type = EXCLUDED.last_type`,
        [event.streamId, event.type],
      );
    }
  },
};

/** Version 2, another shape: every type in order instead of the last one (its writes fail on version 1's table). */
function countsV2(): Projection {
  return {
    name: 'test-counts',
    tables: ['test_counts'],
    schemaVersion: 2,
    schemaSql: 'CREATE TABLE IF NOT EXISTS test_counts (stream_id text PRIMARY KEY, n int NOT NULL, types text[] NOT NULL)',
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      for (const event of events) {
        await tx.query(
          `INSERT INTO test_counts (stream_id, n, types) VALUES ($1, 1, ARRAY[$2])
           ON CONFLICT (stream_id) DO UPDATE SET n = test_counts.n + 1, types = test_counts.types || EXCLUDED.types`,
          [event.streamId, event.type],
        );
      }
    },
  };
}

/** A read model that stays at version 1 beside the reshaped one: it shows when the runner has handed a batch out. */
const otherV1: Projection = {
  name: 'test-others',
  tables: ['test_others'],
  schemaSql: 'CREATE TABLE IF NOT EXISTS test_others (n int NOT NULL)',
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    await tx.query('INSERT INTO test_others (n) VALUES ($1)', [events.length]);
  },
};

describe('a read model whose schema version changed', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const stopping: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    store = await PostgresEventStore.connect({ connectionString: db.url, pollIntervalMs: 20 });
  });

  afterEach(async () => {
    for (const stop of stopping.splice(0).reverse()) await stop();
    await store.close();
    await dataSource.destroy();
    await db.drop();
  });

  const append = async (streamId: string, ...types: string[]) => {
    await store.appendToStream(streamId, types.map((type) => plainEvent(type)), 'any');
  };
  const rows = () => dataSource.query('SELECT * FROM public.test_counts ORDER BY stream_id');
  const columns = async () =>
    (await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'test_counts' ORDER BY ordinal_position`)).map(
      (row: { column_name: string }) => row.column_name,
    );
  const storedVersion = async () => (await dataSource.query(`SELECT version FROM projection_schema_versions WHERE name = 'test-counts'`))[0]?.version;
  const statusOf = async (runner: ProjectionRunner, name: string): Promise<ProjectionStatus> => (await runner.status()).find((status) => status.name === name)!;

  function runner(projections: Projection[], options: { onRebuildProgress?: (name: string, progress: RebuildProgress) => unknown } = {}, source = dataSource): ProjectionRunner {
    const made = new ProjectionRunner(source, store, projections, { batchSize: 5, ...options });
    stopping.push(() => made.stop());
    return made;
  }

  /** Version 1 live with rows, as a deployment left it. */
  async function versionOneWithRows(): Promise<void> {
    for (let i = 0; i < 12; i++) await append(`test-a-${i % 4}`, `A${i}`, `B${i}`);
    const before = runner([countsV1, otherV1]);
    await before.start();
    await before.waitUntilCaughtUp();
    await before.stop();
  }

  /**
   * Resolves once the runner has handed out every event appended so far: the unchanged read model has
   * applied a later batch, and a batch is handed out only once every following projection took the one
   * before (`deliver`). Two markers, because the first may share a batch with what it follows.
   */
  async function handedOut(following: ProjectionRunner): Promise<void> {
    for (const marker of ['marker-1', 'marker-2']) {
      await append(`test-${marker}`, 'M');
      await following.waitUntilCaughtUp(60_000, ['test-others']);
    }
  }

  it('is rebuilt beside its old tables, which answer unchanged meanwhile, and swapped in with every event and the new version', async () => {
    await versionOneWithRows();
    const old = await rows();
    const checkpointBefore = await readCheckpoint(dataSource, 'test-counts');
    const gate = new Gate();
    const progress: RebuildProgress[] = [];
    const live = runner([countsV2(), otherV1], {
      onRebuildProgress: async (_name, step) => {
        progress.push(step);
        await gate.pass();
      },
    });
    await live.start();
    await gate.held;

    // The rebuild is under way: the old rows answer, in the old shape, at version 1.
    expect(await statusOf(live, 'test-counts')).toMatchObject({ state: 'rebuilding', rebuild: { applied: 24, total: 24 } });
    expect(await rows()).toEqual(old);
    expect(await columns()).toEqual(['stream_id', 'n', 'last_type']);
    expect(await storedVersion()).toBe(1);

    // Events appended meanwhile reach the other read model, not the old tables (the new code cannot write their shape).
    await append('test-a-0', 'C');
    await append('test-new-1', 'D');
    await handedOut(live);
    expect(await rows()).toEqual(old);
    expect(await readCheckpoint(dataSource, 'test-counts')).toEqual(checkpointBefore);
    expect(await statusOf(live, 'test-counts')).toMatchObject({ state: 'rebuilding', lagEvents: 4, rebuild: { applied: 24, total: 28 } });
    await expect(live.waitUntilCaughtUp(300)).rejects.toThrow('did not catch up');

    gate.openUp();
    await live.waitUntilCaughtUp();
    expect(await columns()).toEqual(['stream_id', 'n', 'types']);
    expect(await storedVersion()).toBe(2);
    expect(await rows()).toContainEqual({ stream_id: 'test-a-0', n: 7, types: ['A0', 'B0', 'A4', 'B4', 'A8', 'B8', 'C'] });
    expect(await rows()).toContainEqual({ stream_id: 'test-new-1', n: 1, types: ['D'] });
    expect(await statusOf(live, 'test-counts')).toMatchObject({ state: 'running', lagEvents: 0 });
    expect((await statusOf(live, 'test-counts')).rebuild).toBeUndefined();
    expect(progress.at(-1)).toEqual({ applied: 28, total: 28 });

    // Live again: what comes after the swap is applied once, to the new tables.
    await append('test-a-0', 'E');
    await live.waitUntilCaughtUp();
    const afterSwap = await snapshotTables(dataSource, ['test_counts']);
    await live.stop();
    const fromScratch = await rebuildProjection(dataSource, store, countsV2(), { swap: false });
    expect(afterSwap).toEqual(await snapshotTables(dataSource, ['test_counts'], fromScratch.schema));
    expect((await dataSource.query('SELECT sum(n)::int AS total FROM test_counts'))[0].total).toBe(24 + 2 + 2 + 1);
    expect(await countParked(dataSource)).toEqual(new Map());
  });

  it('stays at version 1 when stopped before the swap, and the next start rebuilds it again', async () => {
    await versionOneWithRows();
    const old = await rows();
    const gate = new Gate();
    const interrupted = runner([countsV2(), otherV1], { onRebuildProgress: () => gate.pass() });
    await interrupted.start();
    await gate.held;
    const stopped = interrupted.stop();
    gate.openUp();
    await stopped;
    expect(await storedVersion()).toBe(1);
    expect(await columns()).toEqual(['stream_id', 'n', 'last_type']);
    expect(await rows()).toEqual(old);

    const progress: RebuildProgress[] = [];
    const next = runner([countsV2(), otherV1], { onRebuildProgress: (_name, step) => progress.push(step) });
    await next.start();
    await next.waitUntilCaughtUp();
    expect(progress.length).toBeGreaterThan(0);
    expect(await storedVersion()).toBe(2);
    expect(await columns()).toEqual(['stream_id', 'n', 'types']);
    expect((await dataSource.query('SELECT sum(n)::int AS total FROM test_counts'))[0].total).toBe(24);
  });

  it('is rebuilt by one process when two start together; the other waits, rebuilding, and follows the swapped tables', async () => {
    await versionOneWithRows();
    const gate = new Gate();
    const rebuiltBy: string[] = [];
    const first = runner([countsV2(), otherV1], {
      onRebuildProgress: async () => {
        rebuiltBy.push('first');
        await gate.pass();
      },
    });
    await first.start();
    await gate.held;
    const secondSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    stopping.unshift(() => secondSource.destroy());
    const second = runner([countsV2(), otherV1], { onRebuildProgress: () => rebuiltBy.push('second') }, secondSource);
    await second.start();
    expect(await statusOf(second, 'test-counts')).toMatchObject({ state: 'rebuilding', rebuild: { applied: 24, total: 24 } });

    gate.openUp();
    await first.waitUntilCaughtUp();
    await second.waitUntilCaughtUp();
    await append('test-a-1', 'F');
    await second.waitUntilCaughtUp();
    await first.waitUntilCaughtUp();
    expect(new Set(rebuiltBy)).toEqual(new Set(['first']));
    expect(await statusOf(second, 'test-counts')).toMatchObject({ state: 'running', lagEvents: 0 });
    expect(await storedVersion()).toBe(2);
    expect((await dataSource.query('SELECT sum(n)::int AS total FROM test_counts'))[0].total).toBe(24 + 1);
  });

  it('on a fresh database just creates its tables and replays, at its version', async () => {
    for (let i = 0; i < 6; i++) await append(`test-a-${i % 2}`, `A${i}`);
    const fresh = runner([countsV2()]);
    await fresh.start();
    expect(await statusOf(fresh, 'test-counts')).not.toMatchObject({ state: 'rebuilding' });
    await fresh.waitUntilCaughtUp();
    expect(await storedVersion()).toBe(2);
    expect(await rows()).toEqual([
      { stream_id: 'test-a-0', n: 3, types: ['A0', 'A2', 'A4'] },
      { stream_id: 'test-a-1', n: 3, types: ['A1', 'A3', 'A5'] },
    ]);
  });

  it('is never written by code of the other version: a process left on version 1 after the swap writes and parks nothing', async () => {
    for (let i = 0; i < 4; i++) await append('test-a-0', `A${i}`);
    const fresh = runner([countsV2()]);
    await fresh.start();
    await fresh.waitUntilCaughtUp();
    await fresh.stop();
    const swapped = await rows();
    const checkpoint = await readCheckpoint(dataSource, 'test-counts');
    await append('test-a-0', 'B');

    const late = await store.readAll({ after: checkpoint.position, maxCount: 10 });
    await expect(applyOrPark(dataSource, countsV1, late, { retry: { attempts: 1 } })).rejects.toThrow(ReadModelReshapedError);
    expect(await rows()).toEqual(swapped);
    expect(await readCheckpoint(dataSource, 'test-counts')).toEqual(checkpoint);
    expect(await countParked(dataSource)).toEqual(new Map());
  });
});
