import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, START, type NewEvent, type RecordedEvent } from '#event-store';
import { readVisibleLog } from '../../event-store/src/testing/wait-for-head.js';
import { createTestDatabase, snapshotTables, type TestDatabase, plainEvent } from '#testing';
import { applyBatch } from './apply-batch.js';
import { readCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { rebuildProjection } from './rebuild-projection.js';

/** Counts events per stream and remembers the last type: small, but with real effects to lose or double. */
function countingProjection(options: { failOn?: string } = {}): Projection {
  return {
    name: 'test-counts',
    tables: ['test_counts'],
    schemaSql: 'CREATE TABLE IF NOT EXISTS test_counts (stream_id text PRIMARY KEY, n int NOT NULL, last_type text NOT NULL)',
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      for (const event of events) {
        if (event.type === options.failOn) throw new Error('poisoned event');
        await tx.query(
          `INSERT INTO test_counts (stream_id, n, last_type) VALUES ($1, 1, $2)
           ON CONFLICT (stream_id) DO UPDATE SET n = test_counts.n + 1, last_type = EXCLUDED.last_type`,
          [event.streamId, event.type],
        );
      }
    },
  };
}

const event = (type: string): NewEvent => plainEvent(type);

describe('projection runner and rebuild', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    store = await PostgresEventStore.connect({ connectionString: db.url, pollIntervalMs: 20 });
    await ProjectionRunner.ensureSchemas(dataSource, [countingProjection()]);
  });

  afterEach(async () => {
    await store.close();
    await dataSource.destroy();
    await db.drop();
  });

  const counts = async () => (await dataSource.query('SELECT stream_id, n FROM test_counts ORDER BY stream_id')).map((r: { stream_id: string; n: number }) => [r.stream_id, r.n]);

  it('applies a redelivered batch once, because the checkpoint travels with the writes', async () => {
    await store.appendToStream('test-a-1', [event('A'), event('B')], 'no_stream');
    const events = await readVisibleLog(store);
    await applyBatch(dataSource, countingProjection(), events);
    await applyBatch(dataSource, countingProjection(), events);
    expect(await counts()).toEqual([['test-a-1', 2]]);
    expect((await readCheckpoint(dataSource, 'test-counts')).eventsApplied).toBe(2);
  });

  it('leaves neither effects nor checkpoint of a batch that fails half way', async () => {
    await store.appendToStream('test-a-1', [event('A')], 'no_stream');
    await applyBatch(dataSource, countingProjection(), await readVisibleLog(store));
    const before = await readCheckpoint(dataSource, 'test-counts');
    await store.appendToStream('test-a-2', [event('A'), event('POISON')], 'no_stream');
    const rest = await readVisibleLog(store, { after: before.position });
    await expect(applyBatch(dataSource, countingProjection({ failOn: 'POISON' }), rest)).rejects.toThrow('poisoned event');
    expect(await counts()).toEqual([['test-a-1', 1]]);
    expect(await readCheckpoint(dataSource, 'test-counts')).toEqual(before);
  });

  it('leaves an unchanged read model as it is, and replays a process manager whose schema version changed from tables of the new shape', async () => {
    await store.appendToStream('test-a-1', [event('A'), event('B'), event('C')], 'no_stream');
    await applyBatch(dataSource, countingProjection(), await readVisibleLog(store));
    await ProjectionRunner.ensureSchemas(dataSource, [countingProjection()]);
    expect(await counts()).toEqual([['test-a-1', 3]]);

    // A process manager is never rebuilt (it would give its commands again): it starts again from nothing.
    const reshaped: Projection = {
      ...countingProjection(),
      replay: 'event',
      schemaVersion: 2,
      schemaSql: 'CREATE TABLE IF NOT EXISTS test_counts (stream_id text PRIMARY KEY, n int NOT NULL, last_type text NOT NULL, first_type text)',
    };
    expect(await ProjectionRunner.ensureSchemas(dataSource, [reshaped])).toEqual([]);
    expect(await counts()).toEqual([]);
    expect(await readCheckpoint(dataSource, 'test-counts')).toMatchObject({ eventsApplied: 0, position: START });
    expect((await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'test_counts' AND column_name = 'first_type'`)).length).toBe(1);
    const runner = new ProjectionRunner(dataSource, store, [reshaped]);
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
    expect(await counts()).toEqual([['test-a-1', 3]]);
  });

  it('goes on past a failing event instead of stopping, and reports it as parked', async () => {
    await store.appendToStream('test-a-1', [event('POISON'), event('A')], 'no_stream');
    const runner = new ProjectionRunner(dataSource, store, [countingProjection({ failOn: 'POISON' })], { onError: () => {} });
    await runner.start();
    await runner.waitUntilCaughtUp();
    const [status] = await runner.status();
    expect(status).toMatchObject({ name: 'test-counts', state: 'running', lagEvents: 0, parkedEvents: 1 });
    expect(await counts()).toEqual([['test-a-1', 1]]);
    await runner.stop();
  });

  it('counts an event held back behind an older transaction in flight as lag, so it is not caught up early', async () => {
    const runner = new ProjectionRunner(dataSource, store, [countingProjection()]);
    await runner.start();
    await runner.waitUntilCaughtUp();
    const older = new pg.Client({ connectionString: db.url });
    await older.connect();
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()'); // holds a transaction id: later commits wait behind it
      await store.appendToStream('test-held-1', [event('A')], 'no_stream');
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(await counts()).toEqual([]);
      expect((await runner.status())[0].lagEvents).toBe(1);

      await older.query('COMMIT');
      await runner.waitUntilCaughtUp();
      expect(await counts()).toEqual([['test-held-1', 1]]);
      expect((await runner.status())[0]).toMatchObject({ lagEvents: 0, lagMs: 0 });
    } finally {
      await older.end();
      await runner.stop();
    }
  });

  it('rebuilds beside the live tables and swaps in, after which the live runner carries on exactly once', async () => {
    for (let i = 0; i < 50; i++) await store.appendToStream(`test-a-${i % 7}`, [event('A'), event('B')], 'any');
    const runner = new ProjectionRunner(dataSource, store, [countingProjection()], { batchSize: 10 });
    await runner.start();
    await runner.waitUntilCaughtUp();
    const live = await snapshotTables(dataSource, ['test_counts']);

    const rebuilding = rebuildProjection(dataSource, store, countingProjection(), { batchSize: 7 });
    for (let i = 0; i < 20; i++) await store.appendToStream(`test-a-${i % 3}`, [event('C')], 'any');
    await rebuilding;
    await runner.waitUntilCaughtUp();
    await store.appendToStream('test-a-0', [event('D')], 'any');
    await runner.waitUntilCaughtUp();
    await runner.stop();

    const afterSwap = await snapshotTables(dataSource, ['test_counts']);
    const fromScratch = await rebuildProjection(dataSource, store, countingProjection(), { swap: false });
    expect(afterSwap).toEqual(await snapshotTables(dataSource, ['test_counts'], fromScratch.schema));
    expect(afterSwap).not.toEqual(live);
    const total = (await dataSource.query('SELECT sum(n)::int AS total FROM test_counts'))[0].total;
    expect(total).toBe(await store.countEventsAfter(START));
  });
});
