/**
 * Item 9's projector, or its process managers: their consumer groups on a thread of their own — as
 * deployed, where the projector (`PROJECTOR_CONSUMERS=read-models`) and the process managers are
 * processes apart from each other, from the services that append and from the relay. It times, per
 * consumer and for all of them, when each event it was asked to watch was applied (absolute
 * milliseconds, `performance.timeOrigin + performance.now()`, comparable across threads).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { KafkaMessageBroker } from '#messaging';
import { ProjectionConsumerGroups, readsStream } from '#projections';
import { connectProjector } from '#casework-runtime';

export interface KafkaConsumersSetup {
  readonly brokers: readonly string[];
  readonly databaseUrl: string;
  readonly dataDir: string;
  readonly consumers: 'read-models' | 'process-managers';
}

/** Parent → worker. */
export type ToConsumers =
  | { readonly type: 'measure' }
  /** Wait for these events (event id, stream id), those this thread's consumers read, then report. */
  | { readonly type: 'collect'; readonly events: ReadonlyArray<readonly [string, string]>; readonly timeoutMs: number }
  | { readonly type: 'stop' };

/** Worker → parent. */
export type FromConsumers =
  | { readonly type: 'ready'; readonly consumers: number; readonly catchUpSeconds: number }
  | {
      readonly type: 'applied';
      /** When the last consumer that reads the event applied it, by event id. */
      readonly byAll: ReadonlyArray<readonly [string, number]>;
      readonly byConsumer: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number]>]>;
      /** Share of the time this thread's event loop was busy while measuring. */
      readonly loopBusy: number;
    }
  | { readonly type: 'stopped' }
  | { readonly type: 'error'; readonly error: string };

const setup = workerData as KafkaConsumersSetup;
const port = parentPort!;
const now = () => performance.timeOrigin + performance.now();
const send = (message: FromConsumers) => port.postMessage(message);

try {
  const projector = await connectProjector(setup.databaseUrl, setup.dataDir);
  const broker = await KafkaMessageBroker.connect({ brokers: setup.brokers, clientId: `bench-${setup.consumers}` });
  const consumers = setup.consumers === 'read-models' ? projector.readModels : projector.processManagers;
  let measuring = false;
  let loopBefore = performance.eventLoopUtilization();
  const byConsumer = new Map(consumers.map((consumer) => [consumer.name, new Map<string, number>()]));
  const readers = new Map<string, { left: number }>();
  const byAll = new Map<string, number>();
  const groups = new ProjectionConsumerGroups(projector.dataSource, broker, consumers, {
    readable: (events) => projector.readable(events),
    onApplied: (name, events) => {
      if (!measuring) return;
      const at = now();
      const own = byConsumer.get(name)!;
      for (const event of events) {
        own.set(event.eventId, at);
        let count = readers.get(event.eventId);
        if (!count) readers.set(event.eventId, (count = { left: consumers.filter((consumer) => readsStream(consumer, event.streamId)).length }));
        if (--count.left === 0) byAll.set(event.eventId, at);
      }
    },
  });
  const started = now();
  await groups.start();
  await groups.waitUntilCaughtUp(600_000);
  send({ type: 'ready', consumers: consumers.length, catchUpSeconds: (now() - started) / 1000 });

  port.on('message', async (message: ToConsumers) => {
    try {
      if (message.type === 'measure') {
        measuring = true;
        loopBefore = performance.eventLoopUtilization();
      } else if (message.type === 'collect') {
        const deadline = Date.now() + message.timeoutMs;
        // Only the appended events count (the process managers' own, a repeat flagged, are applied too),
        // and of those only the ones some consumer here reads.
        const watched = message.events.filter(([, streamId]) => consumers.some((consumer) => readsStream(consumer, streamId))).map(([eventId]) => eventId);
        while (watched.some((eventId) => !byAll.has(eventId)) && Date.now() < deadline) await sleep(50);
        const loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
        measuring = false;
        send({ type: 'applied', byAll: [...byAll], byConsumer: [...byConsumer].map(([name, applied]) => [name, [...applied]] as const), loopBusy });
      } else {
        await groups.stop();
        await broker.close();
        await projector.close();
        send({ type: 'stopped' });
        port.close();
      }
    } catch (error) {
      send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
} catch (error) {
  send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
