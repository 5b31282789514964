import { performance } from 'node:perf_hooks';
import type { LogPosition, RecordedEvent } from '#event-store';
import { ProjectionRunner, type Projection } from '#projections';
import { connectProjector, type ProjectorConnection } from '#casework-runtime';
import { ConsumerWatch } from './consumer-watch.js';
import { progress } from './progress.js';

export interface ScaleCatchUp {
  /** Events per second over the whole catch-up, every read model beside the others (what a rebuild of all of them takes). */
  readonly rate: number;
  readonly seconds: number;
  /** Per read model: its own time in `apply`, summed over batches (the runner waits for the slowest of each batch). */
  readonly applySeconds: ReadonlyMap<string, number>;
  /** The process managers, on their own afterwards (they append commands rather than build read models): events/s. */
  readonly processManagerRate: number;
}

/**
 * Every read model from the start of the log until each checkpoint has passed the head, in a fresh
 * ProjectionRunner (what a rebuild of all of them replays); then the process managers over the same
 * log, so that the system started afterwards has nothing left to catch up on while it is measured.
 */
export async function catchUpEveryReadModel(databaseUrl: string, dataDir: string, events: number, label: string): Promise<ScaleCatchUp> {
  const projector = await connectProjector(databaseUrl, dataDir);
  try {
    const head = await projector.store.headPosition();
    const readModels = await catchUp(projector, projector.readModels, head, `${label} read models`);
    const rate = events / readModels.seconds;
    progress(`${label}: read models caught up at ${Math.round(rate).toLocaleString('en-US')} events/s (${readModels.seconds.toFixed(0)} s); slowest in apply: ${[...readModels.applySeconds].slice(0, 4).map(([name, s]) => `${name} ${s.toFixed(0)} s`).join(', ')}`);
    const processManagers = await catchUp(projector, projector.processManagers, head, `${label} process managers`);
    return { rate, seconds: readModels.seconds, applySeconds: readModels.applySeconds, processManagerRate: events / processManagers.seconds };
  } finally {
    await projector.close();
  }
}

async function catchUp(projector: ProjectorConnection, consumers: readonly Projection[], head: LogPosition, label: string): Promise<{ seconds: number; applySeconds: Map<string, number> }> {
  const applyMs = new Map<string, number>();
  const runner = new ProjectionRunner(projector.dataSource, projector.store, consumers.map((projection) => timed(projection, applyMs)), {
    onError: (name, error) => progress(`${label}: ${name} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  // A look at the runner counts every consumer's backlog in the log: now and then is enough.
  const watch = new ConsumerWatch(runner, head, label, 60_000);
  const started = performance.now();
  try {
    await runner.start();
    watch.start(5_000);
    await runner.waitFor(head, 6 * 3_600_000);
  } finally {
    await watch.stop();
    await runner.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const applySeconds = new Map([...applyMs].sort((a, b) => b[1] - a[1]).map(([name, ms]) => [name, ms / 1000]));
  return { seconds, applySeconds };
}

/** The projection, with its time in `apply` added up under its name. */
function timed(projection: Projection, applyMs: Map<string, number>): Projection {
  const wrapped: Projection = Object.create(projection);
  return Object.assign(wrapped, {
    apply: async (events: readonly RecordedEvent[], tx: Parameters<Projection['apply']>[1]) => {
      const started = performance.now();
      try {
        await projection.apply(events, tx);
      } finally {
        applyMs.set(projection.name, (applyMs.get(projection.name) ?? 0) + performance.now() - started);
      }
    },
  });
}
