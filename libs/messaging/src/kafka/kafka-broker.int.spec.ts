/**
 * The Kafka adapter against a real broker (infra/kafka, KRaft, one node for the file): topics, order
 * per key, groups, rebalancing, redelivery after a crash and lag. A "crash" of a member is either
 * its handler failing or its network being cut mid-batch (no LeaveGroup, no commit), as when a
 * process or a machine dies.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSuite, severableNetwork, startKafkaBroker, type RunningKafka, type SeverableNetwork } from '#testing';
import type { IncomingMessage, MessageBatch, OutgoingMessage } from '../messaging.port.js';
import { KafkaMessageBroker } from './kafka-message-broker.js';

// Short sessions: a member cut off is noticed within seconds (the broker allows 1 s and up).
const SESSION_TIMEOUT_MS = 3000;

kafkaSuite('Kafka message broker (real Kafka 3.9, KRaft)', () => {
  let kafka: RunningKafka;
  let broker: KafkaMessageBroker;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    kafka = await startKafkaBroker();
    broker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'kafka-spec', sessionTimeoutMs: SESSION_TIMEOUT_MS });
  }, 120_000);

  // Last in, first out: a member cut off is reconnected before it is stopped.
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  }, 60_000);

  afterAll(async () => {
    await broker?.close();
    await kafka?.stop();
  }, 60_000);

  /**
   * A second client, for a member that fails on purpose: its log is off (kafkajs would report the
   * failure, or every refused connection of a member cut off). The test reconnects a member it cut
   * off before stopping it: a consumer that cannot reach the broker retries for a minute or more.
   */
  async function quietClient(network?: SeverableNetwork): Promise<KafkaMessageBroker> {
    const client = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'fails-on-purpose', logLevel: 'nothing', sessionTimeoutMs: SESSION_TIMEOUT_MS, socketFactory: network?.socketFactory });
    cleanups.push(() => client.close());
    return client;
  }

  async function newTopic(label: string, partitions: number): Promise<string> {
    const name = `${label}-${randomUUID().slice(0, 8)}`;
    await broker.ensureTopics([{ name, partitions }]);
    return name;
  }

  async function publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    const publisher = await broker.publisher();
    try {
      await publisher.publish(topic, messages);
    } finally {
      await publisher.close();
    }
  }

  /** A member that records what it consumed and which partitions it holds. */
  async function member(groupId: string, topic: string, options: { via?: KafkaMessageBroker; handle?: (batch: MessageBatch) => Promise<void> } = {}) {
    const consumed: IncomingMessage[] = [];
    let assigned: number[] = [];
    const consumer = await (options.via ?? broker).consume(
      { groupId, topics: [topic], onAssignment: (partitions) => { assigned = partitions.map((entry) => entry.partition).sort((a, b) => a - b); } },
      async (batch) => {
        await options.handle?.(batch);
        consumed.push(...batch.messages);
      },
    );
    cleanups.push(() => consumer.stop());
    return { consumer, consumed, assigned: () => assigned, values: () => consumed.map((message) => message.value.toString()) };
  }

  it('creates topics with their partitions, and leaves existing ones as they are', async () => {
    const [first, second] = [`topics-a-${randomUUID().slice(0, 8)}`, `topics-b-${randomUUID().slice(0, 8)}`];
    // Two processes starting at once both find the topic missing; the one that loses the race is fine.
    await Promise.all([broker.ensureTopics([{ name: first, partitions: 3 }]), broker.ensureTopics([{ name: first, partitions: 3 }])]);
    await broker.ensureTopics([{ name: first, partitions: 5 }, { name: second, partitions: 2 }]);

    const admin = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [first, second] });
      expect(Object.fromEntries(topics.map((topic) => [topic.name, topic.partitions.length]))).toEqual({ [first]: 3, [second]: 2 });
    } finally {
      await admin.disconnect();
    }
  });

  it('delivers every key\'s messages in the order they were sent, with many keys interleaved', async () => {
    const topic = await newTopic('order', 6);
    const keys = Array.from({ length: 40 }, (_, index) => `stream-${index}`);
    const sent = interleaved(keys, 25);
    const publisher = await broker.publisher();
    cleanups.push(() => publisher.close());
    for (let start = 0; start < sent.length; start += 70) await publisher.publish(topic, sent.slice(start, start + 70));

    const reader = await member(`order-${randomUUID()}`, topic);
    await eventually('all 1000 messages consumed', () => reader.consumed.length >= sent.length);

    expect(reader.consumed).toHaveLength(sent.length);
    const partitionsOfKey = new Map<string, Set<number>>();
    for (const message of reader.consumed) partitionsOfKey.set(message.key, (partitionsOfKey.get(message.key) ?? new Set()).add(message.partition));
    expect([...partitionsOfKey.values()].every((partitions) => partitions.size === 1)).toBe(true);
    expect(new Set(reader.consumed.map((message) => message.partition)).size).toBeGreaterThan(1);
    for (const key of keys) {
      const received = reader.consumed.filter((message) => message.key === key).map((message) => message.value.toString());
      expect(received).toEqual(sent.filter((message) => message.key === key).map((message) => message.value));
    }
  });

  it('gives each consumer group every message', async () => {
    const topic = await newTopic('groups', 3);
    const sent = interleaved(['a', 'b', 'c', 'd', 'e'], 20);
    const [projector, processManager] = await Promise.all([member(`projector-${randomUUID()}`, topic), member(`process-manager-${randomUUID()}`, topic)]);
    await publish(topic, sent);

    await eventually('both groups consumed 100 messages', () => projector.consumed.length >= 100 && processManager.consumed.length >= 100);
    const everything = sent.map((message) => message.value).sort();
    expect(projector.values().sort()).toEqual(everything);
    expect(processManager.values().sort()).toEqual(everything);
  });

  it('splits the partitions between the members of a group, and one member takes over when the other stops or is cut off', async () => {
    const topic = await newTopic('rebalance', 6);
    const groupId = `rebalance-${randomUUID()}`;
    const keys = Array.from({ length: 60 }, (_, index) => `case-${index}`);
    const first = await member(groupId, topic);
    const second = await member(groupId, topic);
    await eventually('the six partitions split between two members', () => splitBetween([first.assigned(), second.assigned()], 6));

    const wave1 = interleaved(keys, 5, 'wave1');
    await publish(topic, wave1);
    await eventually('wave 1 consumed by the two members', () => first.consumed.length + second.consumed.length >= wave1.length);
    expect(first.consumed.length).toBeGreaterThan(0);
    expect(second.consumed.length).toBeGreaterThan(0);
    expect([...first.values(), ...second.values()].sort()).toEqual(wave1.map((message) => message.value).sort());
    expect(first.consumed.every((message) => first.assigned().includes(message.partition))).toBe(true);

    await second.consumer.stop();
    await eventually('the first member holds all six partitions', () => first.assigned().length === 6);
    const wave2 = interleaved(keys, 5, 'wave2');
    await publish(topic, wave2);
    await eventually('wave 2 consumed by the first member', () => countOf(first.values(), 'wave2') >= wave2.length);

    const network = severableNetwork();
    const doomedBroker = await quietClient(network);
    const doomed = await member(groupId, topic, { via: doomedBroker });
    cleanups.push(async () => network.reconnect());
    await eventually('the partitions split again', () => splitBetween([first.assigned(), doomed.assigned()], 6));
    network.sever();

    const wave3 = interleaved(keys, 5, 'wave3');
    await publish(topic, wave3);
    await eventually('the first member took every partition back', () => first.assigned().length === 6, 30_000);
    await eventually('wave 3 consumed by the first member', () => countOf(first.values(), 'wave3') >= wave3.length);
    expect(first.values().filter((value) => value.startsWith('wave3')).sort()).toEqual(wave3.map((message) => message.value).sort());
    expect(countOf(doomed.values(), 'wave3')).toBe(0);
  }, 90_000);

  it('delivers a failed batch again to the next member, and the failing member stops', async () => {
    const topic = await newTopic('handler-failure', 1);
    const groupId = `handler-failure-${randomUUID()}`;
    const before = interleaved(['complaint-1'], 10, 'done');
    const failing = await member(groupId, topic, {
      via: await quietClient(),
      handle: async (batch) => {
        if (batch.messages.some((message) => message.value.toString().startsWith('fails'))) throw new Error('projection table is gone');
      },
    });
    await publish(topic, before);
    await eventually('the first messages consumed and committed', async () => failing.consumed.length === 10 && (await failing.consumer.lag())[topic] === 0);

    const after = interleaved(['complaint-1'], 10, 'fails');
    await publish(topic, after);
    await expect(failing.consumer.done).rejects.toThrow('projection table is gone');
    expect(await broker.groupLag(groupId, [topic])).toEqual({ [topic]: 10 });

    const next = await member(groupId, topic);
    await eventually('the next member consumed the failed batch', () => next.consumed.length >= 10);
    expect(next.values()).toEqual(after.map((message) => message.value));
  });

  it('delivers again what a member was handling when it was cut off, to the next member', async () => {
    const topic = await newTopic('cut-off', 2);
    const groupId = `cut-off-${randomUUID()}`;
    const network = severableNetwork();
    const doomedBroker = await quietClient(network);
    const handling = deferred();
    const stuck = deferred();
    const doomed = await member(groupId, topic, {
      via: doomedBroker,
      handle: async () => {
        handling.resolve();
        await stuck.promise;
      },
    });
    cleanups.push(async () => {
      network.reconnect();
      stuck.resolve();
    });
    const sent = interleaved(['a', 'b', 'c', 'd'], 10);
    await publish(topic, sent);
    await handling.promise;
    network.sever();

    const next = await member(groupId, topic);
    await eventually('the next member consumed everything', () => next.consumed.length >= sent.length, 30_000);
    expect(next.values().sort()).toEqual(sent.map((message) => message.value).sort());
    expect(doomed.consumed).toHaveLength(0);
  }, 60_000);

  it('reports the messages a group has not consumed, down to none', async () => {
    const topic = await newTopic('lag', 3);
    const groupId = `lag-${randomUUID()}`;
    await publish(topic, interleaved(['a', 'b', 'c', 'd', 'e', 'f'], 5));
    expect(await broker.groupLag(groupId, [topic])).toEqual({ [topic]: 30 });

    const gate = deferred();
    const reader = await member(groupId, topic, { handle: () => gate.promise });
    expect(await reader.consumer.lag()).toEqual({ [topic]: 30 });
    gate.resolve();
    await eventually('lag 0', async () => (await reader.consumer.lag())[topic] === 0);
    expect(reader.consumed).toHaveLength(30);
    expect(await broker.groupLag(groupId, [topic])).toEqual({ [topic]: 0 });
  });
});

/** `perKey` messages for every key, sent round-robin across the keys: `<prefix>:<key>:<n>`. */
function interleaved(keys: readonly string[], perKey: number, prefix = 'm'): Array<{ key: string; value: string }> {
  return Array.from({ length: perKey }, (_, n) => keys.map((key) => ({ key, value: `${prefix}:${key}:${String(n).padStart(3, '0')}` }))).flat();
}

function countOf(values: readonly string[], prefix: string): number {
  return values.filter((value) => value.startsWith(`${prefix}:`)).length;
}

/** Every member holds some partitions, no partition twice, and all of them are held. */
function splitBetween(assignments: ReadonlyArray<readonly number[]>, partitions: number): boolean {
  const all = assignments.flat();
  return assignments.every((assigned) => assigned.length > 0) && all.length === partitions && new Set(all).size === partitions;
}

async function eventually(what: string, check: () => boolean | Promise<boolean>, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => { resolve = settle; });
  return { promise, resolve };
}
