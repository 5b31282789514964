import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import { EventRelay, KafkaMessageBroker, PostgresRelayCheckpoints } from '#messaging';
import { appendHistories, generateComplaintHistories, kafkaMissing, startKafkaBroker } from '#testing';
import { connectProjector } from '#casework-runtime';
import type { HotlineHistory } from './hotline-history.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import type { FromConsumers, KafkaConsumersSetup, ToConsumers } from './kafka-consumers-worker.js';

const SECTION = '9. Distributed: relay and lag through Kafka';
const SEED_COMPLAINTS = 15_000;
const COMMANDS_PER_SECOND = 500;
const DURATION_MS = 10_000;

/**
 * Item 9 (issue 7), on a real Kafka broker (infra/kafka) and a database of its own:
 * - relay throughput: a log of complaint histories, then a fresh relay from the start of the log until
 *   its checkpoint reaches the head (events acknowledged by Kafka per second);
 * - commit-to-read-model lag through Kafka: with the relay running, the read models consuming as
 *   Kafka consumer groups on a thread of their own and the process managers on another
 *   (kafka-consumers-worker.ts: as deployed, the projector and the process managers are processes
 *   apart from each other, the appenders and the relay), new complaints are appended at a steady
 *   500/s (open loop) and each is timed from its commit until every read model has applied it; each
 *   consumer's own lag, the process managers' too, is reported beside it.
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
  let relay: EventRelay | undefined;
  let workers: { readonly readModels: Worker; readonly processManagers: Worker } | undefined;
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

    // The projector's read models and the process managers catch up on the seeded log first, each on
    // a thread of its own (as deployed: two processes apart); the lag is then measured on a quiet pipeline.
    const spawn = (kind: KafkaConsumersSetup['consumers']) =>
      new Worker(new URL('./kafka-consumers-worker.js', import.meta.url), { workerData: { brokers: kafka.brokers, databaseUrl, dataDir, consumers: kind } satisfies KafkaConsumersSetup });
    workers = { readModels: spawn('read-models'), processManagers: spawn('process-managers') };
    const fromReadModels = messagesOf(workers.readModels);
    const fromProcessManagers = messagesOf(workers.processManagers);
    const [ready, readyManagers] = await Promise.all([fromReadModels('ready'), fromProcessManagers('ready')]);
    progress(`kafka: ${ready.consumers} read models and ${readyManagers.consumers} process managers caught up with the seeded log in ${Math.max(ready.catchUpSeconds, readyManagers.catchUpSeconds).toFixed(1)} s`);

    progress(`kafka: ${COMMANDS_PER_SECOND} appends/s for ${DURATION_MS / 1000} s`);
    const committedAt = new Map<string, number>();
    const streamOf = new Map<string, string>();
    const intervalMs = 1000 / COMMANDS_PER_SECOND;
    const pending: Promise<void>[] = [];
    let sent = 0;
    for (const worker of Object.values(workers)) tell(worker, { type: 'measure' });
    const loopBefore = performance.eventLoopUtilization();
    const started = performance.now();
    for (let i = 0; performance.now() - started < DURATION_MS; i++) {
      const wait = started + i * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      const [append] = history.receivedComplaint(Date.now() - 180_000);
      sent += append.events.length;
      pending.push(
        store.appendToStream(append.streamId, append.events, 'no_stream').then(() => {
          const now = absoluteNow();
          for (const event of append.events) {
            committedAt.set(event.eventId, now);
            streamOf.set(event.eventId, append.streamId);
          }
        }),
      );
    }
    await Promise.all(pending);
    const offered = (sent / ((performance.now() - started) / 1000));
    const loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
    const collect = { type: 'collect', events: [...streamOf], timeoutMs: 120_000 } as const;
    for (const worker of Object.values(workers)) tell(worker, collect);
    const [applied, appliedByManagers] = await Promise.all([fromReadModels('applied'), fromProcessManagers('applied')]);
    const lagsOf = (entries: ReadonlyArray<readonly [string, number]>) =>
      entries.flatMap(([eventId, at]) => (committedAt.has(eventId) ? [at - committedAt.get(eventId)!] : []));
    const lags = lagsOf(applied.byAll);
    const summary = summarise(lags);
    progress(`kafka: lag p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms over ${summary.count} events`);
    // Which consumers hold the figure up: each one's own p99 (info).
    const perConsumer = [...applied.byConsumer, ...appliedByManagers.byConsumer].map(([name, entries]) => [name, summarise(lagsOf(entries))] as const).filter(([, own]) => own.count > 0).sort((a, b) => b[1].p99 - a[1].p99);
    return [
      ...perConsumer.map(([name, own]) => figure(SECTION, `  ${name}: commit → applied, p99 (info)`, own.p99, 'ms', null, `p50 ${own.p50.toFixed(0)} ms over ${own.count} events`)),
      figure(SECTION, 'relay: store → Kafka (acknowledged)', relayRate, 'events/s', { op: '>=', value: 10_000 },
        `${seeded.toLocaleString('en-US')} events of ${SEED_COMPLAINTS.toLocaleString('en-US')} complaints from the start of the log; batches of 2,000; ${relaySeconds.toFixed(1)} s`),
      figure(SECTION, '  event loop of the appender and relay busy (info)', loopBusy * 100, '%', null, 'this thread: the appends at 500/s and the relay'),
      figure(SECTION, '  event loop of the projector busy (info)', applied.loopBusy * 100, '%', null, `its own thread: ${ready.consumers} read models' consumer groups; near 100 % the lag is the thread’s queue`),
      figure(SECTION, '  event loop of the process managers busy (info)', appliedByManagers.loopBusy * 100, '%', null, `its own thread: ${readyManagers.consumers} consumer groups`),
      figure(SECTION, `commit → every read model via Kafka, p50 (${COMMANDS_PER_SECOND} appends/s)`, summary.p50, 'ms', null, `${ready.consumers} read models' consumer groups (the process managers beside them); ${offered.toFixed(0)} events/s offered`),
      figure(SECTION, `commit → every read model via Kafka, p99 (${COMMANDS_PER_SECOND} appends/s)`, summary.p99, 'ms', { op: '<=', value: 500 },
        `${summary.count} of ${committedAt.size} events measured; max ${summary.max.toFixed(0)} ms`),
    ];
  } finally {
    if (workers) await Promise.all(Object.values(workers).map(stopConsumers));
    await relay?.stop();
    await relayBroker.close();
    await projector.close();
    await store.close();
    await kafka.stop();
  }
}

/** Milliseconds on a clock every thread of the process shares. */
const absoluteNow = () => performance.timeOrigin + performance.now();

function tell(worker: Worker, message: ToConsumers): void {
  worker.postMessage(message);
}

/** Waits for the worker's next message of a type; its error, or its end, rejects. */
function messagesOf(worker: Worker) {
  return <Type extends FromConsumers['type']>(type: Type): Promise<Extract<FromConsumers, { type: Type }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FromConsumers) => {
        if (message.type === 'error') done(() => reject(new Error(`kafka consumers: ${message.error}`)));
        else if (message.type === type) done(() => resolve(message as Extract<FromConsumers, { type: Type }>));
      };
      const onError = (error: Error) => done(() => reject(error));
      const onExit = (code: number) => done(() => reject(new Error(`kafka consumers ended (exit ${code}) before '${type}'`)));
      const done = (settle: () => void) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        settle();
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
}

async function stopConsumers(worker: Worker): Promise<void> {
  try {
    tell(worker, { type: 'stop' });
    await Promise.race([messagesOf(worker)('stopped'), sleep(30_000)]);
  } catch {
    // already ended or failed: nothing left to stop
  } finally {
    await worker.terminate();
  }
}
