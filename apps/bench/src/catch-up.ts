import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { upcasters } from '#event-schemas';
import { PostgresEventStore, type EventStore, type LogPosition, type RecordedEvent } from '#event-store';
import { ProjectionRunner, type Projection } from '#projections';
import { connectProjector, type ProjectorConnection } from '#casework-runtime';
import { ConsumerWatch } from './consumer-watch.js';
import { handledComplaintsLog, type HotlineHistory } from './hotline-history.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { seedEventLog } from './seed-event-log.js';
import { cpuShare, cpuSnapshot, type CpuSnapshot } from './machine-load.js';

const SECTION = '3. Projection catch-up';
const TOTAL_EVENTS = 100_000;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Item 3: 100,000 events of handled complaints over the past year, then a fresh ProjectionRunner
 * with the projector's projections (every read model: what a rebuild replays) from the start of the
 * log until each checkpoint has passed the head. That is the figure with the target. Then, over the
 * same log, the process managers (consumers that append commands rather than build read models)
 * catch up on their own, reported beside it. Leaves the read models built, for the system to start on.
 */
export async function measureCatchUp(databaseUrl: string, dataDir: string, history: HotlineHistory, now: number): Promise<Figure[]> {
  const planStarted = performance.now();
  const { appends, complaints } = handledComplaintsLog(history, TOTAL_EVENTS, now - YEAR_MS, now);
  progress(`catch-up: decided ${TOTAL_EVENTS.toLocaleString('en-US')} events for ${complaints.toLocaleString('en-US')} complaints in ${((performance.now() - planStarted) / 1000).toFixed(1)} s; appending`);
  const writer = await PostgresEventStore.connect({ connectionString: databaseUrl, upcasters, poolSize: 4 });
  const seeded = await seedEventLog(writer, appends, {
    lanes: 4,
    appendsPerTransaction: 50,
    onProgress: (done, total) => progress(`catch-up: appended ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events`),
  }).finally(() => writer.close());

  const projector = await connectProjector(databaseUrl, dataDir);
  try {
    const head = await projector.store.headPosition();
    const readModels = await catchUp(projector, projector.readModels, head, 'read models');
    const processManagers = await catchUp(projector, projector.processManagers, head, 'process managers');
    return [
      figure(SECTION, 'seed: append the 100,000-event log (info)', seeded.events / (seeded.elapsedMs / 1000), 'events/s', null,
        `${complaints.toLocaleString('en-US')} complaints; 4 appenders, 50 appends per transaction`),
      figure(SECTION, 'catch-up of every projection (read model) over 100,000 events', readModels.rate, 'events/s', { op: '>=', value: 20_000 },
        `${readModels.names}; fresh ProjectionRunner; ${readModels.seconds.toFixed(1)} s, ${readModels.cpuSeconds.toFixed(1)} s of CPU`),
      ...readModels.details,
      figure(SECTION, 'process managers over the same log (info)', processManagers.rate, 'events/s', null,
        `${processManagers.names}, on their own after the read models; ${processManagers.seconds.toFixed(1)} s, ${processManagers.cpuSeconds.toFixed(1)} s of CPU`),
      ...processManagers.details,
    ];
  } finally {
    await projector.close();
  }
}

interface CatchUpRun {
  readonly names: string;
  readonly rate: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly details: Figure[];
}

/** A fresh ProjectionRunner with `consumers`, from the start of the log until each has passed `head`. */
async function catchUp(projector: ProjectorConnection, consumers: readonly Projection[], head: LogPosition, label: string): Promise<CatchUpRun> {
  await ProjectionRunner.ensureSchemas(projector.dataSource, [...consumers]);
  const names = consumers.map((p) => p.name).join(' + ');
  const timings = new ApplyTimings(await postmasterPidOf(projector.dataSource));
  const runner = new ProjectionRunner(projector.dataSource, timings.store(projector.store), consumers.map((p) => timings.projection(p)), {
    onError: (name, error) => progress(`catch-up: ${name} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  progress(`catch-up (${label}): ${names} from the start of the log`);
  const watch = new ConsumerWatch(runner, head, `catch-up (${label})`, 10_000);
  const started = performance.now();
  try {
    await runner.start();
    // Each look at the runner counts every consumer's backlog in the log: at 250 ms that alone took
    // about as much of the server as all the projections did. Every two seconds is enough to log
    // progress; the last look, at stop, notes whoever reached the head since.
    watch.start(2_000);
    await runner.waitFor(head, 600_000);
  } finally {
    await watch.stop();
    await runner.stop();
  }
  const elapsedMs = performance.now() - started;
  progress(`catch-up (${label}): ${timings.summary()}`);
  const rate = TOTAL_EVENTS / (elapsedMs / 1000);
  progress(`catch-up (${label}): ${Math.round(rate).toLocaleString('en-US')} events/s (${(elapsedMs / 1000).toFixed(1)} s)`);
  const details = [
    ...[...watch.reachedSeconds()].map(([name, seconds]) =>
      figure(SECTION, `  ${name} reached the head (info)`, TOTAL_EVENTS / seconds, 'events/s', null, `after ${seconds.toFixed(1)} s, running beside the others`),
    ),
    ...timings.slowest().map(([name, ms]) => figure(SECTION, `  ${name}: time in apply (info)`, ms / 1000, 's', null, 'summed over batches; the runner waits for the slowest consumer of each batch')),
  ];
  return { names, rate, seconds: elapsedMs / 1000, cpuSeconds: timings.cpuSeconds(), details };
}

/**
 * Where a catch-up's time goes. The runner hands each batch to every consumer and waits for all, so
 * every consumer "reaches the head" together; what tells the slow one is its own time in `apply`
 * (summed over batches), set beside the time spent reading the log and delivering each batch.
 */
class ApplyTimings {
  private readonly applyMs = new Map<string, number>();
  private readMs = 0;
  private deliverMs = 0;
  private batches = 0;
  private readonly cpuAtStart: CpuSnapshot = cpuSnapshot();

  constructor(private readonly postmasterPid: number | undefined) {}

  projection(projection: Projection): Projection {
    const timed: Projection = Object.create(projection);
    return Object.assign(timed, {
      apply: async (events: readonly RecordedEvent[], tx: Parameters<Projection['apply']>[1]) => {
        const started = performance.now();
        try {
          await projection.apply(events, tx);
        } finally {
          this.applyMs.set(projection.name, (this.applyMs.get(projection.name) ?? 0) + performance.now() - started);
        }
      },
    });
  }

  /** The store, with the time between two deliveries (reading the next batch) counted. */
  store(store: EventStore): EventStore {
    return new Proxy(store, {
      get: (target, key) => {
        if (key === 'subscribeToAll') {
          return (handler: (events: readonly RecordedEvent[]) => Promise<void>, options?: Parameters<EventStore['subscribeToAll']>[1]) => {
            let delivered = performance.now();
            return target.subscribeToAll(async (events) => {
              const started = performance.now();
              this.readMs += started - delivered;
              this.batches += 1;
              try {
                await handler(events);
              } finally {
                delivered = performance.now();
                this.deliverMs += delivered - started;
              }
            }, options);
          };
        }
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Consumers by their time in `apply`, slowest first (those that had something to apply). */
  slowest(): [string, number][] {
    return [...this.applyMs].filter(([, ms]) => ms >= 50).sort((a, b) => b[1] - a[1]);
  }

  /** CPU of this process and its PostgreSQL since the timings started. */
  cpuSeconds(): number {
    return cpuShare(this.cpuAtStart, cpuSnapshot(), 1, this.postmasterPid).benchCpuSeconds;
  }

  summary(): string {
    const slowest = this.slowest().map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
    // On a shared machine the wall time moves with others' work; the CPU this work took moves less.
    const cpu = cpuShare(this.cpuAtStart, cpuSnapshot(), 1, this.postmasterPid);
    return `${this.batches} batches, ${cpu.benchCpuSeconds.toFixed(1)} s of CPU (this process and its PostgreSQL): reading ${(this.readMs / 1000).toFixed(1)} s, delivering ${(this.deliverMs / 1000).toFixed(1)} s; in apply: ${slowest.join(', ')}`;
  }
}

/** The server's postmaster: the parent of our own backend (its CPU and its backends' are the work's). */
async function postmasterPidOf(dataSource: DataSource): Promise<number | undefined> {
  const [{ pid }]: { pid: number }[] = await dataSource.query('SELECT pg_backend_pid() AS pid');
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || undefined;
  } catch {
    return undefined;
  }
}
