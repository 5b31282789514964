import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import { EventRelay, KafkaMessageBroker, PostgresRelayCheckpoints } from '#messaging';
import { ProjectionConsumerGroups } from '#projections';
import { appendHistories, generateComplaintHistories, kafkaMissing, startKafkaBroker } from '#testing';
import { connectProjector } from '../../projector/src/projector.js';
import type { HotlineHistory } from './hotline-history.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const SECTION = '9. Distributed: relay and lag through Kafka';
const SEED_COMPLAINTS = 15_000;
const COMMANDS_PER_SECOND = 500;
const DURATION_MS = 10_000;

/**
 * Item 9 (issue 7), on a real Kafka broker (infra/kafka) and a database of its own:
 * - relay throughput: a log of complaint histories, then a fresh relay from the start of the log until
 *   its checkpoint reaches the head (events acknowledged by Kafka per second);
 * - commit-to-read-model lag through Kafka: with the relay and every read model and process manager
 *   consuming as Kafka consumer groups, new complaints are appended at a steady 500/s (open loop) and
 *   each is timed from its commit until every consumer has applied it.
 */
export async function measureKafkaPipeline(databaseUrl: string, dataDir: string, history: HotlineHistory): Promise<Figure[]> {
  if (kafkaMissing) {
    progress('item 9 skipped: Java and Maven are needed for the Kafka broker (infra/kafka)');
    return [];
  }
  const kafka = await startKafkaBroker();
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, upcasters, poolSize: 8 });
  const projector = await connectProjector(databaseUrl, dataDir);
  const relayBroker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'bench-relay' });
  const consumerBroker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'bench-projector' });
  let relay: EventRelay | undefined;
  let groups: ProjectionConsumerGroups | undefined;
  try {
    const seeded = await appendHistories(store, generateComplaintHistories(SEED_COMPLAINTS, { seed: 9 }));
    progress(`kafka: appended ${seeded.toLocaleString('en-US')} events; relaying from the start of the log`);
    const checkpoints = await new PostgresRelayCheckpoints(projector.dataSource).ensureSchema();
    relay = new EventRelay(store, relayBroker, checkpoints);
    const relayStarted = performance.now();
    await relay.start();
    await relay.waitUntilPublished(600_000);
    const relaySeconds = (performance.now() - relayStarted) / 1000;
    const relayRate = seeded / relaySeconds;
    progress(`kafka: relay ${Math.round(relayRate).toLocaleString('en-US')} events/s`);

    // Every consumer of the projector catches up on the seeded log first; the lag is measured on a quiet pipeline.
    const consumers = projector.projections;
    const committedAt = new Map<string, number>();
    const appliedBy = new Map<string, number>();
    const lags: number[] = [];
    const lagsByConsumer = new Map<string, number[]>();
    groups = new ProjectionConsumerGroups(projector.dataSource, consumerBroker, consumers, {
      readable: (events) => projector.readable(events),
      onApplied: (name, events) => {
        const now = performance.now();
        for (const event of events) {
          const at = committedAt.get(event.eventId);
          if (at === undefined) continue;
          let own = lagsByConsumer.get(name);
          if (!own) lagsByConsumer.set(name, (own = []));
          own.push(now - at);
          const count = (appliedBy.get(event.eventId) ?? 0) + 1;
          appliedBy.set(event.eventId, count);
          if (count === consumers.filter((c) => !c.streamPrefixes?.length || c.streamPrefixes.some((p) => event.streamId.startsWith(p))).length) lags.push(now - at);
        }
      },
    });
    const catchUpStarted = performance.now();
    await groups.start();
    await groups.waitUntilCaughtUp(600_000);
    progress(`kafka: ${consumers.length} consumer groups caught up with the seeded log in ${((performance.now() - catchUpStarted) / 1000).toFixed(1)} s`);

    progress(`kafka: ${COMMANDS_PER_SECOND} appends/s for ${DURATION_MS / 1000} s`);
    const intervalMs = 1000 / COMMANDS_PER_SECOND;
    const pending: Promise<void>[] = [];
    let sent = 0;
    const loopBefore = performance.eventLoopUtilization();
    const started = performance.now();
    for (let i = 0; performance.now() - started < DURATION_MS; i++) {
      const wait = started + i * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const [append] = history.receivedComplaint(Date.now() - 180_000);
      sent += append.events.length;
      pending.push(
        store.appendToStream(append.streamId, append.events, 'no_stream').then(() => {
          const now = performance.now();
          for (const event of append.events) committedAt.set(event.eventId, now);
        }),
      );
    }
    await Promise.all(pending);
    const offered = (sent / ((performance.now() - started) / 1000));
    const deadline = Date.now() + 120_000;
    while (lags.length < committedAt.size && Date.now() < deadline) await sleep(50);
    // The appender, the relay and all 14 consumers share this process's one JavaScript thread.
    const loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
    const summary = summarise(lags);
    progress(`kafka: lag p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms over ${summary.count} events`);
    // Which consumers hold the figure up: each one's own p99 (info).
    const perConsumer = [...lagsByConsumer].map(([name, samples]) => [name, summarise(samples)] as const).sort((a, b) => b[1].p99 - a[1].p99);
    return [
      ...perConsumer.map(([name, own]) => figure(SECTION, `  ${name}: commit → applied, p99 (info)`, own.p99, 'ms', null, `p50 ${own.p50.toFixed(0)} ms over ${own.count} events`)),
      figure(SECTION, 'relay: store → Kafka (acknowledged)', relayRate, 'events/s', { op: '>=', value: 10_000 },
        `${seeded.toLocaleString('en-US')} events of ${SEED_COMPLAINTS.toLocaleString('en-US')} complaints from the start of the log; batches of 2,000; ${relaySeconds.toFixed(1)} s`),
      figure(SECTION, '  event loop of this process busy while appending (info)', loopBusy * 100, '%', null, 'the appender, the relay and every consumer share it; near 100 % the lag is the thread’s queue'),
      figure(SECTION, `commit → every read model via Kafka, p50 (${COMMANDS_PER_SECOND} appends/s)`, summary.p50, 'ms', null, `${consumers.length} consumer groups; ${offered.toFixed(0)} events/s offered`),
      figure(SECTION, `commit → every read model via Kafka, p99 (${COMMANDS_PER_SECOND} appends/s)`, summary.p99, 'ms', { op: '<=', value: 500 },
        `${summary.count} of ${committedAt.size} events measured; max ${summary.max.toFixed(0)} ms`),
    ];
  } finally {
    await groups?.stop();
    await relay?.stop();
    await consumerBroker.close();
    await relayBroker.close();
    await projector.close();
    await store.close();
    await kafka.stop();
  }
}
