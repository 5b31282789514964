/**
 * The relay against a real Kafka broker and PostgreSQL: every committed event reaches its context's
 * topic, keyed by stream, from the checkpoint — also when the relay dies in the middle of a batch
 * (part of the batch sent, the checkpoint not moved): nothing is lost, and dropping what a stream has
 * already passed (as consumers do) gives each stream exactly its events, in order.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '#event-store';
import { aNewEvent } from '../../../event-store/src/testing/index.js';
import { createTestDatabase, kafkaSuite, startKafkaBroker, type RunningKafka, type TestDatabase } from '#testing';
import { KafkaMessageBroker } from '../kafka/kafka-message-broker.js';
import { EVENT_TOPICS, eventFromMessage } from '../event-messages.js';
import type { MessageBroker, OutgoingMessage, Publisher } from '../messaging.port.js';
import { EventRelay } from './event-relay.js';
import { PostgresRelayCheckpoints, type RelayCheckpoints } from './relay-checkpoints.js';

const STREAMS = 40;
const EVENTS_PER_STREAM = 10;

/** The real broker, whose publisher sends only the first messages of the batch that crosses `limit`, then fails: a kill mid-batch. */
function dyingAfter(broker: MessageBroker, limit: number): MessageBroker {
  let sent = 0;
  return Object.assign(Object.create(broker) as MessageBroker, {
    ensureTopics: broker.ensureTopics.bind(broker),
    async publisher(): Promise<Publisher> {
      const real = await broker.publisher();
      return {
        async publish(topic: string, messages: readonly OutgoingMessage[]) {
          // The room is taken before any await: the relay publishes its topics concurrently.
          const room = limit - sent;
          sent = Math.min(limit, sent + messages.length);
          if (room >= messages.length) return real.publish(topic, messages);
          if (room > 0) await real.publish(topic, messages.slice(0, room));
          throw new Error('the relay died in the middle of a batch');
        },
        close: () => real.close(),
      };
    },
  });
}

kafkaSuite('the relay', () => {
  let kafka: RunningKafka;
  let db: TestDatabase;
  let broker: KafkaMessageBroker;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    [kafka, db] = await Promise.all([startKafkaBroker(), createTestDatabase()]);
    broker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'relay-spec', sessionTimeoutMs: 6_000 });
  }, 120_000);

  afterAll(async () => {
    await broker?.close();
    await dataSource?.destroy();
    await kafka?.stop();
    await db?.drop();
  }, 60_000);

  it('publishes every event after a kill mid-batch, each stream in order once copies are dropped', async () => {
    const store = await PostgresEventStore.connect({ connectionString: db.url });
    const streams = Array.from({ length: STREAMS }, (_, i) => `${i % 2 ? 'wage-case' : 'hotline-complaint'}-${randomUUID()}`);
    // Round by round, so that streams interleave in the log and every batch holds many streams.
    for (let revision = 0; revision < EVENTS_PER_STREAM; revision++) {
      await Promise.all(streams.map((streamId) => store.appendToStream(streamId, [aNewEvent({ data: { revision } })], revision === 0 ? 'no_stream' : revision - 1)));
    }
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    const checkpoints = await new PostgresRelayCheckpoints(dataSource).ensureSchema();

    const dying = new EventRelay(store, dyingAfter(broker, 150), checkpoints, { batchSize: 100, partitions: 3 });
    await dying.start();
    await expect(dying.done).rejects.toThrow('died in the middle of a batch');
    await dying.stop();
    const atDeath = await checkpoints.read('kafka');
    expect(atDeath.eventsPublished).toBe(100);

    const relay = new EventRelay(store, broker, checkpoints, { batchSize: 100, partitions: 3 });
    await relay.start();
    await relay.waitUntilPublished(30_000);
    expect((await relay.status()).lagEvents).toBe(0);
    expect((await checkpoints.read('kafka')).eventsPublished).toBe(100 + STREAMS * EVENTS_PER_STREAM - 100);
    await relay.stop();

    const received = new Map<string, number[]>();
    // Distinct places on the topics: a rebalance may hand the reader a batch twice.
    const positions = new Set<string>();
    const groupId = `relay-spec-${randomUUID()}`;
    const consumer = await broker.consume({ groupId, topics: EVENT_TOPICS.slice(0, 2) }, async (batch) => {
      for (const message of batch.messages) {
        const event = eventFromMessage(message);
        expect(message.key).toBe(event.streamId);
        expect(batch.topic).toBe(event.streamId.startsWith('wage-') ? 'casework.wage' : 'casework.hotline');
        received.set(event.streamId, [...(received.get(event.streamId) ?? []), event.streamRevision]);
        positions.add(`${message.topic}/${message.partition}/${message.offset}`);
      }
    });
    const deadline = Date.now() + 30_000;
    while (Object.values(await broker.groupLag(groupId, EVENT_TOPICS.slice(0, 2))).some((lag) => lag > 0) || positions.size < STREAMS * EVENTS_PER_STREAM) {
      if (Date.now() > deadline) throw new Error(`only ${positions.size} messages arrived`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await consumer.stop();
    await store.close();

    // The 50 sent before the kill came again after the restart.
    expect(positions.size).toBe(STREAMS * EVENTS_PER_STREAM + 50);
    for (const streamId of streams) {
      const revisions = received.get(streamId) ?? [];
      const firstTimes = revisions.filter((revision, i) => revision > Math.max(-1, ...revisions.slice(0, i)));
      expect({ streamId, firstTimes }).toEqual({ streamId, firstTimes: Array.from({ length: EVENTS_PER_STREAM }, (_, i) => i) });
    }
  }, 120_000);

  it('fails, and says why, when its checkpoint cannot be written', async () => {
    const store = await PostgresEventStore.connect({ connectionString: db.url });
    await store.appendToStream(`hotline-complaint-${randomUUID()}`, [aNewEvent()], 'no_stream');
    dataSource ??= await new DataSource({ type: 'postgres', url: db.url }).initialize();
    const stored = await new PostgresRelayCheckpoints(dataSource).ensureSchema();
    const unwritable: RelayCheckpoints = { read: (name) => stored.read(name), write: async () => { throw new Error('the disk is full'); } };

    const relay = new EventRelay(store, broker, unwritable, { name: 'unwritable', partitions: 3 });
    await relay.start();

    await expect(relay.waitUntilPublished(30_000)).rejects.toThrow('The checkpoint could not be written: the disk is full');
    expect((await relay.status()).state).toBe('failed');
    await relay.stop();
    await store.close();
  }, 60_000);
});
