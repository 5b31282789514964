/**
 * The distributed runtime: a read model fed by Kafka whose schema version changed joins its consumer
 * group only once rebuilt from the store and swapped in; its old tables answer meanwhile, one of two
 * projectors started together rebuilds it, and afterwards the group applies each event once.
 */
import { DataSource, type EntityManager } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import { EventRelay, KafkaMessageBroker, PostgresRelayCheckpoints } from '#messaging';
import { createTestDatabase, kafkaSuite, plainEvent, snapshotTables, startKafkaBroker, type RunningKafka, type TestDatabase } from '#testing';
import type { Projection } from './projection.js';
import { ProjectionConsumerGroups } from './projection-consumer-groups.js';
import { ReadModelsViaKafka } from './read-models-via-kafka.js';
import { rebuildProjection } from './rebuild-projection.js';

const upsert = (columns: string) => `INSERT INTO test_kafka_counts (stream_id, n, ${columns}) VALUES ($1, 1, $2)`;

/** Version 1: per stream, how many events and the last type. */
const countsV1: Projection = {
  name: 'test-kafka-counts',
  tables: ['test_kafka_counts'],
  streamPrefixes: ['hotline-complaint-'],
  schemaSql: 'CREATE TABLE IF NOT EXISTS test_kafka_counts (stream_id text PRIMARY KEY, n int NOT NULL, last_type text NOT NULL)',
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      await tx.query(`${upsert('last_type')} ON CONFLICT (stream_id) DO UPDATE SET n = test_kafka_counts.n + 1, last_type = EXCLUDED.last_type`, [event.streamId, event.type]);
    }
  },
};

/** Version 2, another shape: every type in order. */
const countsV2: Projection = {
  ...countsV1,
  schemaVersion: 2,
  schemaSql: 'CREATE TABLE IF NOT EXISTS test_kafka_counts (stream_id text PRIMARY KEY, n int NOT NULL, types text[] NOT NULL)',
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      await tx.query(`${upsert('types')} ON CONFLICT (stream_id) DO UPDATE SET n = test_kafka_counts.n + 1, types = test_kafka_counts.types || EXCLUDED.types`, [
        event.streamId,
        [event.type],
      ]);
    }
  },
};

kafkaSuite('a read model fed by Kafka whose schema version changed', () => {
  let kafka: RunningKafka;
  let db: TestDatabase;
  const closing: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    [kafka, db] = await Promise.all([startKafkaBroker(), createTestDatabase()]);
  }, 120_000);

  afterAll(async () => {
    for (const close of closing.reverse()) await close().catch(() => {});
    await kafka?.stop();
    await db?.drop();
  }, 120_000);

  it('is rebuilt from the store by one projector while its old tables answer, then its group applies what came after, once', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    closing.push(() => dataSource.destroy());
    const store = await PostgresEventStore.connect({ connectionString: db.url, pollIntervalMs: 20 });
    closing.push(() => store.close());
    const append = (streamId: string, ...types: string[]) => store.appendToStream(streamId, types.map((type) => plainEvent(type)), 'any');
    const rows = () => dataSource.query('SELECT * FROM test_kafka_counts ORDER BY stream_id');
    const storedVersion = async () => (await dataSource.query(`SELECT version FROM projection_schema_versions WHERE name = 'test-kafka-counts'`))[0].version;
    const connect = async (clientId: string) => {
      const broker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId, logLevel: 'nothing' });
      closing.push(() => broker.close());
      return broker;
    };
    const relay = new EventRelay(store, await connect('relay'), await new PostgresRelayCheckpoints(dataSource).ensureSchema(), { partitions: 2, batchSize: 100 });
    closing.push(() => relay.stop());
    await relay.start();

    for (let i = 0; i < 10; i++) await append(`hotline-complaint-${i % 3}`, `A${i}`);
    const before = new ProjectionConsumerGroups(dataSource, await connect('projector-v1'), [countsV1], { partitions: 2 });
    await before.start();
    await relay.waitUntilPublished(60_000);
    await before.waitUntilCaughtUp(60_000);
    await before.stop();
    const old = await rows();

    // Two projectors of the new version start together; the first holds its rebuild after one batch.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const rebuiltBy: string[] = [];
    const first = new ProjectionConsumerGroups(dataSource, await connect('projector-1'), [countsV2], {
      partitions: 2,
      store,
      onRebuildProgress: async () => {
        rebuiltBy.push('first');
        held();
        await released;
      },
    });
    closing.push(() => first.stop());
    await first.start();
    await holding;
    const second = new ProjectionConsumerGroups(dataSource, await connect('projector-2'), [countsV2], { partitions: 2, store, onRebuildProgress: () => rebuiltBy.push('second') });
    closing.push(() => second.stop());
    await second.start();
    const gateway = new ReadModelsViaKafka(dataSource, store, await connect('gateway'), [countsV2]);

    await append('hotline-complaint-0', 'B');
    await relay.waitUntilPublished(60_000);
    expect(await rows()).toEqual(old);
    expect(await storedVersion()).toBe(1);
    for (const status of [...(await first.status()), ...(await second.status()), ...(await gateway.status())]) {
      expect(status).toMatchObject({ state: 'rebuilding', rebuild: { applied: 10, total: 11 } });
    }

    release();
    await first.waitUntilCaughtUp(60_000);
    await second.waitUntilCaughtUp(60_000);
    await append('hotline-complaint-1', 'C');
    await relay.waitUntilPublished(60_000);
    await first.waitUntilCaughtUp(60_000);
    await second.waitUntilCaughtUp(60_000);

    expect(new Set(rebuiltBy)).toEqual(new Set(['first']));
    expect(await storedVersion()).toBe(2);
    expect(await rows()).toEqual([
      { stream_id: 'hotline-complaint-0', n: 5, types: ['A0', 'A3', 'A6', 'A9', 'B'] },
      { stream_id: 'hotline-complaint-1', n: 4, types: ['A1', 'A4', 'A7', 'C'] },
      { stream_id: 'hotline-complaint-2', n: 3, types: ['A2', 'A5', 'A8'] },
    ]);
    expect(await gateway.status()).toMatchObject([{ state: 'running', lagEvents: 0 }]);
    const fromScratch = await rebuildProjection(dataSource, store, countsV2, { swap: false });
    expect(await snapshotTables(dataSource, ['test_kafka_counts'])).toEqual(await snapshotTables(dataSource, ['test_kafka_counts'], fromScratch.schema));
  }, 240_000);
});
