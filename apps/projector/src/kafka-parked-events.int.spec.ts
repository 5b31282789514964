/**
 * A Kafka consumer group never stops for good on one event (issue 15): fed by a real broker, a
 * consumer parks the event its projection cannot apply, records the stream's revision as done and
 * goes on with the next events; health shows it parked and still running.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { EventRelay, KafkaMessageBroker, PostgresRelayCheckpoints } from '#messaging';
import { listParked, ProjectionConsumerGroups, type Projection } from '#projections';
import { createTestDatabase, kafkaSuite, startKafkaBroker, type RunningKafka, type TestDatabase } from '#testing';

const poisonedProjection: Projection = {
  name: 'test-kafka-counts',
  tables: ['test_kafka_counts'],
  schemaSql: 'CREATE TABLE IF NOT EXISTS test_kafka_counts (stream_id text PRIMARY KEY, n int NOT NULL)',
  streamPrefixes: ['hotline-complaint-'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      if (event.type === 'Poison') throw new TypeError(`Cannot read properties of undefined (reading 'details')`);
      await tx.query('INSERT INTO test_kafka_counts (stream_id, n) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET n = test_kafka_counts.n + 1', [event.streamId]);
    }
  },
};

const event = (type: string): NewEvent => {
  const id = randomUUID();
  return { eventId: id, type, schemaVersion: 1, data: {}, metadata: { actor: { userId: 'u', role: 'caseworker', orgUnitId: '410105' }, occurredAt: new Date().toISOString(), commandId: id, correlationId: id, causationId: id } };
};

kafkaSuite('parked events on Kafka consumer groups', () => {
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

  it('parks the event its projection cannot apply and goes on with the next ones of the same stream and others', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    closing.push(() => dataSource.destroy());
    const store = await PostgresEventStore.connect({ connectionString: db.url });
    closing.push(() => store.close());
    const poisoned = 'hotline-complaint-poisoned';
    await store.appendToStream(poisoned, [event('A'), event('Poison'), event('B')], 'no_stream');
    await store.appendToStream('hotline-complaint-healthy', [event('A'), event('B')], 'no_stream');

    const relayBroker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'relay' });
    closing.push(() => relayBroker.close());
    const relay = new EventRelay(store, relayBroker, await new PostgresRelayCheckpoints(dataSource).ensureSchema(), { partitions: 2, batchSize: 100 });
    closing.push(() => relay.stop());
    const broker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'projector', logLevel: 'nothing' });
    closing.push(() => broker.close());
    const groups = new ProjectionConsumerGroups(dataSource, broker, [poisonedProjection], { partitions: 2, retry: { firstDelayMs: 5 } });
    closing.push(() => groups.stop());
    await groups.start();
    await relay.start();
    await relay.waitUntilPublished(60_000);
    await groups.waitUntilCaughtUp(60_000);

    expect(await dataSource.query('SELECT stream_id, n FROM test_kafka_counts ORDER BY stream_id')).toEqual([
      { stream_id: 'hotline-complaint-healthy', n: 2 },
      { stream_id: poisoned, n: 2 },
    ]);
    expect(await listParked(dataSource)).toMatchObject([{ projection: 'test-kafka-counts', streamId: poisoned, streamRevision: 1, eventType: 'Poison', errorClass: 'TypeError' }]);
    expect((await groups.status())[0]).toMatchObject({ name: 'test-kafka-counts', state: 'running', parkedEvents: 1, lagEvents: 0 });
  }, 180_000);
});
