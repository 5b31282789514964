import { DataSource, type EntityManager } from 'typeorm';
import { KurrentDbEventStore, type RecordedEvent } from '#event-store';
import { readCheckpoint, rebuildProjection, type Projection } from '#projections';
import { createTestDatabase, plainEvent, type TestDatabase } from '#testing';
import { SimulatedKurrentDb } from '../../../libs/event-store/src/kurrentdb/simulated-kurrentdb.js';

/** Counts events per stream: a read model small enough to compare whole. */
const counting: Projection = {
  name: 'test-counts',
  tables: ['test_counts'],
  schemaSql: 'CREATE TABLE IF NOT EXISTS test_counts (stream_id text PRIMARY KEY, n int NOT NULL)',
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      await tx.query('INSERT INTO test_counts (stream_id, n) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET n = test_counts.n + 1', [event.streamId]);
    }
  },
};

/**
 * `projections:rebuild` with EVENT_STORE=kurrentdb: the rebuild reads the log through the port, so the
 * read model in PostgreSQL is replayed from KurrentDB's `$all` (here the simulated server), past
 * KurrentDB's own events and the adapter's event-id claims, batch after batch.
 */
describe('a rebuild from a KurrentDB event store', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: KurrentDbEventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    store = new KurrentDbEventStore(new SimulatedKurrentDb());
  });

  afterEach(async () => {
    await store.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('replays every event of the log once, in batches, swaps the tables in and leaves the checkpoint at the head', async () => {
    const sizes = [3, 5, 1, 8, 2, 4];
    for (const [index, size] of sizes.entries()) {
      await store.appendToStream(`hotline-complaint-${index}`, Array.from({ length: size }, () => plainEvent('ComplaintNoted')), 'no_stream');
    }
    const progress: { applied: number; total: number }[] = [];

    const { applied } = await rebuildProjection(dataSource, store, counting, { batchSize: 4, onProgress: (step) => progress.push(step) });

    const rows = await dataSource.query('SELECT stream_id, n FROM public.test_counts ORDER BY stream_id');
    expect(rows).toEqual(sizes.map((n, index) => ({ stream_id: `hotline-complaint-${index}`, n })));
    expect(applied).toBe(23);
    expect(progress.map((step) => step.applied)).toEqual([4, 8, 12, 16, 20, 23]);
    expect(progress.every((step) => step.total === 23)).toBe(true);
    const checkpoint = await readCheckpoint(dataSource, 'test-counts');
    expect(checkpoint.position).toEqual(await store.headPosition());
    expect(checkpoint.eventsApplied).toBe(23);
  });

});
