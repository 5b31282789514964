import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import type { RunningCasework } from '../../casework/src/bootstrap.js';
import { ConsumerWatch } from './consumer-watch.js';
import { receivedComplaintsLog, type HotlineHistory } from './hotline-history.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { seedEventLog } from './seed-event-log.js';

const TARGET_COMPLAINTS = 100_000;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export async function countCases(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM case_list WHERE kind = 'complaint'`);
  return n;
}

/**
 * Brings the case list to 100,000 complaints the way production would: the complaints of the four
 * years before the seeded one (received and classified), appended through the store while the
 * running system's projections follow the log. Waits until every projection has applied them.
 */
export async function fillCaseList(casework: RunningCasework, history: HotlineHistory, now: number): Promise<Figure[]> {
  const { runtime } = casework;
  const before = await countCases(runtime.dataSource);
  const missing = TARGET_COMPLAINTS - before;
  progress(`case list: ${before.toLocaleString('en-US')} complaints; receiving ${missing.toLocaleString('en-US')} more while the projections follow`);
  const appends = receivedComplaintsLog(history, missing, now - 5 * YEAR_MS, now - YEAR_MS);
  const store = await PostgresEventStore.connect({ connectionString: runtime.databaseUrl, upcasters, poolSize: 4 });
  const started = performance.now();
  try {
    await seedEventLog(store, appends, {
      lanes: 4,
      appendsPerTransaction: 50,
      onProgress: (done, total) => progress(`case list: appended ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events`),
    });
  } finally {
    await store.close();
  }
  const head = await runtime.store.headPosition();
  const watch = new ConsumerWatch(runtime.projections, head, 'case list').start(1_000);
  try {
    await runtime.projections.waitFor(head, 600_000);
  } finally {
    await watch.stop();
  }
  const elapsedMs = performance.now() - started;
  const after = await countCases(runtime.dataSource);
  if (after !== TARGET_COMPLAINTS) throw new Error(`The case list holds ${after} complaints, not ${TARGET_COMPLAINTS}`);
  const events = appends.reduce((sum, append) => sum + append.events.length, 0);
  progress(`case list: ${after.toLocaleString('en-US')} complaints, projected in ${(elapsedMs / 1000).toFixed(1)} s`);
  const section = '5. Case list with 100,000 complaints';
  return [
    figure(section, 'fill: append + project the other complaints (info)', events / (elapsedMs / 1000), 'events/s', null,
      `${missing.toLocaleString('en-US')} complaints of the 4 years before, received and classified (${events.toLocaleString('en-US')} events); live runner; ${(elapsedMs / 1000).toFixed(0)} s`),
    ...[...watch.reachedSeconds()].map(([name, seconds]) => figure(section, `  ${name} applied them (info)`, seconds, 's', null, 'from the first append')),
  ];
}
