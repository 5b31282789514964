import { performance } from 'node:perf_hooks';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { connectProjector } from '../../projector/src/projector.js';
import { ConsumerWatch } from './consumer-watch.js';
import { handledComplaintsLog, type HotlineHistory } from './hotline-history.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { seedEventLog } from './seed-event-log.js';

const SECTION = '3. Projection catch-up';
const TOTAL_EVENTS = 100_000;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Item 3: 100,000 events of handled complaints over the past year, then a fresh ProjectionRunner
 * with every consumer production runs (the projector's list: read models and process managers),
 * from the start of the log until each checkpoint has passed the head. Leaves the read models
 * built, for the system to start on.
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
    await ProjectionRunner.ensureSchemas(projector.dataSource, projector.projections);
    const names = projector.projections.map((p) => p.name).join(' + ');
    const runner = new ProjectionRunner(projector.dataSource, projector.store, projector.projections, {
      onError: (name, error) => progress(`catch-up: ${name} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    progress(`catch-up: ${names} from the start of the log`);
    const watch = new ConsumerWatch(runner, head, 'catch-up', 10_000);
    const started = performance.now();
    try {
      await runner.start();
      watch.start(250);
      await runner.waitFor(head, 600_000);
    } finally {
      await watch.stop();
      await runner.stop();
    }
    const elapsedMs = performance.now() - started;
    const perConsumer = [...watch.reachedSeconds()].map(([name, seconds]) =>
      figure(SECTION, `  ${name} reached the head (info)`, TOTAL_EVENTS / seconds, 'events/s', null, `after ${seconds.toFixed(1)} s, running beside the others`),
    );
    const rate = TOTAL_EVENTS / (elapsedMs / 1000);
    progress(`catch-up: ${Math.round(rate).toLocaleString('en-US')} events/s (${(elapsedMs / 1000).toFixed(1)} s)`);
    return [
      figure(SECTION, 'seed: append the 100,000-event log (info)', seeded.events / (seeded.elapsedMs / 1000), 'events/s', null,
        `${complaints.toLocaleString('en-US')} complaints; 4 appenders, 50 appends per transaction`),
      figure(SECTION, 'catch-up of every projection over 100,000 events', rate, 'events/s', { op: '>=', value: 20_000 },
        `${names}; fresh ProjectionRunner; ${(elapsedMs / 1000).toFixed(1)} s`),
      ...perConsumer,
    ];
  } finally {
    await projector.close();
  }
}
