import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { readVisibleLog } from '../../event-store/src/testing/wait-for-head.js';
import { createTestDatabase, type TestDatabase, plainEvent } from '#testing';
import { applyMessagesOrPark } from './apply-message-batch.js';
import { readCheckpoint } from './checkpoints.js';
import { countParked, listParked } from './parked-events.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { rebuildProjection } from './rebuild-projection.js';
import { STREAM_REVISIONS_SCHEMA_SQL } from './stream-revisions.js';

/** What the test changes between runs: the poison stands for a bug, `fixed` for the fix that ships later. */
interface Switches {
  poisonedType?: string;
  /** Types whose rows are written with a NULL the table refuses (23502), as a projection with a bug would. */
  nullType?: string;
  /** Raise a serialization failure (40001) from PostgreSQL this many more times. */
  serializationFailures?: number;
  applyCalls: number;
}

function countingProjection(switches: Switches, extra: Partial<Projection> = {}): Projection {
  return {
    name: 'test-counts',
    tables: ['test_counts'],
    schemaSql: 'CREATE TABLE IF NOT EXISTS test_counts (stream_id text PRIMARY KEY, n int NOT NULL, last_type text NOT NULL)',
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      switches.applyCalls += 1;
      if ((switches.serializationFailures ?? 0) > 0) {
        switches.serializationFailures! -= 1;
        await tx.query(`DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure'; END $$`);
      }
      for (const event of events) {
        if (event.type === switches.poisonedType) throw new TypeError(`Cannot read properties of undefined (reading '王建国 13812345678')`);
        await tx.query(
          `INSERT INTO test_counts (stream_id, n, last_type) VALUES ($1, 1, $2)
           ON CONFLICT (stream_id) DO UPDATE SET n = test_counts.n + 1, last_type = EXCLUDED.last_type`,
          [event.streamId, event.type === switches.nullType ? null : event.type],
        );
      }
    },
    ...extra,
  };
}

const event = (type: string): NewEvent => plainEvent(type);

describe('parked events: a projection never stops for good on one event', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    store = await PostgresEventStore.connect({ connectionString: db.url, pollIntervalMs: 20 });
  });

  afterEach(async () => {
    await store.close();
    await dataSource.destroy();
    await db.drop();
  });

  const counts = async () => (await dataSource.query('SELECT stream_id, n, last_type FROM test_counts ORDER BY stream_id')).map((r: { stream_id: string; n: number; last_type: string }) => `${r.stream_id}:${r.n}:${r.last_type}`);

  async function runUntilCaughtUp(projection: Projection): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner(dataSource, store, [projection], { retry: { firstDelayMs: 5 } });
    await runner.start();
    await runner.waitUntilCaughtUp();
    return runner;
  }

  it('parks the one event whose apply throws, applies the events before and after it, and moves the checkpoint past it', async () => {
    const switches: Switches = { poisonedType: 'POISON', applyCalls: 0 };
    await store.appendToStream('test-a-1', [event('A'), event('B')], 'no_stream');
    const { lastPosition: poisonAt } = await store.appendToStream('test-b-1', [event('A'), event('POISON'), event('C')], 'no_stream');
    await store.appendToStream('test-c-1', [event('A')], 'no_stream');

    const runner = await runUntilCaughtUp(countingProjection(switches));
    const [status] = await runner.status();
    await runner.stop();

    expect(await counts()).toEqual(['test-a-1:2:B', 'test-b-1:2:C', 'test-c-1:1:A']);
    expect(status).toMatchObject({ name: 'test-counts', state: 'running', parkedEvents: 1, lagEvents: 0 });
    const [parked] = await listParked(dataSource);
    expect(parked).toMatchObject({ projection: 'test-counts', streamId: 'test-b-1', streamRevision: 1, eventType: 'POISON', errorClass: 'TypeError', status: 'parked', attempts: 1 });
    // The driver's or the code's words may quote a person's data: the values are masked.
    expect(parked.errorMessage).toBe(`Cannot read properties of undefined (reading '…')`);
    expect(compareTo(await readCheckpoint(dataSource, 'test-counts'), poisonAt)).toBeGreaterThan(0);
  });

  it('parks a row PostgreSQL refuses (not-null, 23502) with the column named and no value quoted', async () => {
    const switches: Switches = { nullType: 'NULLY', applyCalls: 0 };
    await store.appendToStream('test-a-1', [event('A'), event('NULLY'), event('B')], 'no_stream');
    const runner = await runUntilCaughtUp(countingProjection(switches));
    await runner.stop();

    expect(await counts()).toEqual(['test-a-1:2:B']);
    const [parked] = await listParked(dataSource);
    expect(parked).toMatchObject({ eventType: 'NULLY', errorClass: 'QueryFailedError 23502' });
    expect(parked.errorMessage).toContain('column last_type');
    expect(parked.errorMessage).not.toContain('test-a-1');
  });

  it('retries a transient serialization failure with backoff and parks nothing', async () => {
    const switches: Switches = { serializationFailures: 2, applyCalls: 0 };
    await store.appendToStream('test-a-1', [event('A'), event('B'), event('C')], 'no_stream');
    const runner = await runUntilCaughtUp(countingProjection(switches));
    await runner.stop();

    expect(await counts()).toEqual(['test-a-1:3:C']);
    expect(await countParked(dataSource)).toEqual(new Map());
    // The whole batch tried three times (two failures, then through), not split in halves.
    expect(switches.applyCalls).toBe(3);
  });

  it('replays a parked event once the code is fixed: the read model is rebuilt in log order and the event stops counting', async () => {
    const switches: Switches = { poisonedType: 'POISON', applyCalls: 0 };
    await store.appendToStream('test-a-1', [event('A'), event('POISON'), event('B')], 'no_stream');
    const runner = await runUntilCaughtUp(countingProjection(switches));

    // Not fixed yet: the replay fails again, the event stays parked with one more attempt.
    expect(await runner.replayParked()).toEqual([{ projection: 'test-counts', mode: 'rebuild', parked: 1, replayed: 0, stillParked: 1 }]);
    expect((await listParked(dataSource))[0]).toMatchObject({ status: 'parked', attempts: 2 });
    expect(await counts()).toEqual(['test-a-1:2:B']);

    switches.poisonedType = undefined;
    expect(await runner.replayParked('test-counts')).toEqual([{ projection: 'test-counts', mode: 'rebuild', parked: 1, replayed: 1, stillParked: 0 }]);
    // In log order: the stream's last type is still B, the count includes the replayed event.
    expect(await counts()).toEqual(['test-a-1:3:B']);
    expect(await countParked(dataSource)).toEqual(new Map());
    expect(await listParked(dataSource, { includeReplayed: true })).toMatchObject([{ eventType: 'POISON', status: 'replayed', replayedAt: expect.any(String) }]);

    await store.appendToStream('test-a-1', [event('D')], 'any');
    await runner.waitUntilCaughtUp();
    expect(await counts()).toEqual(['test-a-1:4:D']);
    expect((await runner.status())[0]).toMatchObject({ state: 'running', parkedEvents: 0 });
    await runner.stop();
  });

  it('replays a process manager\'s parked event alone, through the same apply', async () => {
    const switches: Switches = { poisonedType: 'POISON', applyCalls: 0 };
    const manager = countingProjection(switches, { name: 'test-manager', replay: 'event' });
    await store.appendToStream('test-a-1', [event('A'), event('POISON'), event('B')], 'no_stream');
    const runner = await runUntilCaughtUp(manager);
    expect(await counts()).toEqual(['test-a-1:2:B']);

    switches.poisonedType = undefined;
    expect(await runner.replayParked()).toEqual([{ projection: 'test-manager', mode: 'event', parked: 1, replayed: 1, stillParked: 0 }]);
    expect(await counts()).toEqual(['test-a-1:3:POISON']);
    expect(await countParked(dataSource)).toEqual(new Map());
    await runner.stop();
  });

  it('rebuilds a read model with a poisoned event instead of failing, and keeps the event parked on the live projection', async () => {
    const switches: Switches = { poisonedType: 'POISON', applyCalls: 0 };
    await store.appendToStream('test-a-1', [event('A'), event('POISON'), event('B')], 'no_stream');
    await ProjectionRunner.ensureSchemas(dataSource, [countingProjection(switches)]);
    await rebuildProjection(dataSource, store, countingProjection(switches), { batchSize: 2 });
    expect(await counts()).toEqual(['test-a-1:2:B']);
    expect(await countParked(dataSource)).toEqual(new Map([['test-counts', 1]]));
  });

  it('parks a poisoned event that came from Kafka and records its stream revision as done, so a redelivery skips it', async () => {
    const switches: Switches = { poisonedType: 'POISON', applyCalls: 0 };
    const projection = countingProjection(switches);
    await ProjectionRunner.ensureSchemas(dataSource, [projection]);
    await dataSource.query(STREAM_REVISIONS_SCHEMA_SQL);
    await store.appendToStream('test-a-1', [event('A'), event('POISON'), event('B')], 'no_stream');
    await store.appendToStream('test-b-1', [event('A')], 'no_stream');
    const events = await readVisibleLog(store);

    await applyMessagesOrPark(dataSource, projection, events, { retry: { firstDelayMs: 5 } });
    await applyMessagesOrPark(dataSource, projection, events, { retry: { firstDelayMs: 5 } });

    expect(await counts()).toEqual(['test-a-1:2:B', 'test-b-1:1:A']);
    expect(await listParked(dataSource)).toMatchObject([{ eventType: 'POISON', streamRevision: 1, attempts: 1 }]);
    expect(await dataSource.query(`SELECT stream_id, revision FROM projection_stream_revisions ORDER BY stream_id`)).toEqual([
      { stream_id: 'test-a-1', revision: 2 },
      { stream_id: 'test-b-1', revision: 0 },
    ]);
  });
});

function compareTo(checkpoint: { position: { commit: bigint; prepare: bigint } }, position: { commit: bigint; prepare: bigint }): number {
  if (checkpoint.position.commit !== position.commit) return checkpoint.position.commit > position.commit ? 1 : -1;
  return checkpoint.position.prepare === position.prepare ? 0 : checkpoint.position.prepare > position.prepare ? 1 : -1;
}
