import { performance } from 'node:perf_hooks';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import type { RunningCasework } from '#casework-runtime';
import { hardshipFilesLog } from './hardship-history.js';
import { HttpClient } from './http-client.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { seedEventLog } from './seed-event-log.js';

const SECTION = '8. Hardship files';
/** Files in the read model when the figures are asked: the 20,000 imported by item 8a and these. */
const GENERATED = 80_000;
const UNITS = ['410100', '410105', '410103', '410122'];

/** Distinct questions a union would ask: each year to each quarter's end, and the whole history, for the city and three districts. */
function questions(today: string): string[] {
  const paths: string[] = [];
  for (let year = 2016; year <= Number(today.slice(0, 4)) - 1; year++) {
    for (const end of ['03-31', '06-30', '09-30', '12-31']) {
      paths.push(`/api/stats/hardship?from=${year}-01-01&to=${year}-${end}&unit=${UNITS[(year + paths.length) % UNITS.length]}`);
    }
  }
  for (const unit of UNITS) paths.push(`/api/stats/hardship?from=2016-01-01&to=${today}&unit=${unit}`);
  return paths;
}

/**
 * Item 8b: 80,000 more hardship files (2016 to two years ago) appended to the log beside the 20,000
 * imported, projected by the running system; then the hardship figures, one request at a time:
 * cold (each question asked for the first time) and warm (the same questions again).
 */
export async function measureHardshipFigures(casework: RunningCasework, token: string, now: number): Promise<Figure[]> {
  const { appends, events } = hardshipFilesLog(GENERATED, Date.parse('2016-01-01T00:00:00+08:00'), now - 2 * 365 * 86_400_000);
  const writer = await PostgresEventStore.connect({ connectionString: casework.runtime.databaseUrl, upcasters, poolSize: 4 });
  progress(`hardship: appending ${GENERATED.toLocaleString('en-US')} files (${events.toLocaleString('en-US')} events)`);
  await seedEventLog(writer, appends, { lanes: 4, appendsPerTransaction: 50 }).finally(() => writer.close());
  const caughtUp = performance.now();
  await casework.runtime.projections.waitUntilCaughtUp(900_000);
  progress(`hardship: read models caught up in ${((performance.now() - caughtUp) / 1000).toFixed(1)} s`);
  const [{ files, segments, tallies, pairs }] = await casework.runtime.dataSource.query(
    `SELECT (SELECT count(*)::int FROM hardship_files) AS files, (SELECT count(*)::int FROM hardship_timeline WHERE superseded_at IS NULL) AS segments, (SELECT count(*)::int FROM hardship_tally) AS tallies, (SELECT count(*)::int FROM hardship_pairs) AS pairs`,
  );
  await casework.runtime.dataSource.query('VACUUM ANALYZE hardship_files, hardship_standing, hardship_timeline, hardship_aid, hardship_tally, hardship_pairs');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now));
  const client = new HttpClient(casework.url, 1, token);
  const ask = async (paths: readonly string[]) => {
    const latencies: number[] = [];
    let slowest = { path: '', ms: 0 };
    for (const path of paths) {
      const started = performance.now();
      const response = await client.request('GET', path);
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.body.slice(0, 200)}`);
      const ms = performance.now() - started;
      latencies.push(ms);
      if (ms > slowest.ms) slowest = { path, ms };
    }
    return { ...summarise(latencies), slowest: slowest.path.replace('/api/stats/hardship?', '') };
  };
  try {
    const paths = questions(today);
    const cold = await ask(paths);
    const warm = await ask([...paths, ...paths]);
    const yesterday = new Date(now - 86_400_000).toISOString();
    const asOf = await ask(paths.slice(-8).map((path) => `${path}&asOf=${yesterday}`));
    const whole = JSON.parse((await client.request('GET', `/api/stats/hardship?from=2016-01-01&to=${today}&unit=410100`)).body);
    progress(`hardship: cold p50 ${cold.p50.toFixed(1)} / p99 ${cold.p99.toFixed(1)} ms; warm p50 ${warm.p50.toFixed(1)} / p99 ${warm.p99.toFixed(1)} ms; as of yesterday p99 ${asOf.p99.toFixed(1)} ms`);
    return [
      figure(SECTION, 'hardship files in the read model (info)', files, 'files', null, `${segments.toLocaleString('en-US')} timeline segments, ${tallies.toLocaleString('en-US')} tally rows, ${pairs.toLocaleString('en-US')} pair rows; city-wide since 2016: ${whole.registered.cumulative} registered, ${whole.activeAtEnd} active, cohort rate ${(whole.cohort.resolutionRate * 100).toFixed(1)} %`),
      figure(SECTION, 'hardship figures, cold (first asking), p50', cold.p50, 'ms', null, `${paths.length} distinct questions, one at a time`),
      figure(SECTION, 'hardship figures, cold (first asking), p99', cold.p99, 'ms', { op: '<=', value: 50 }, `max ${cold.max.toFixed(1)} ms (${cold.slowest})`),
      figure(SECTION, 'hardship figures, warm, p50', warm.p50, 'ms', null, `the same questions twice more`),
      figure(SECTION, 'hardship figures, warm, p99', warm.p99, 'ms', { op: '<=', value: 50 }, `max ${warm.max.toFixed(1)} ms (${warm.slowest})`),
      figure(SECTION, '  as of yesterday (from versions), p99 (info)', asOf.p99, 'ms', null, `p50 ${asOf.p50.toFixed(1)} ms, ${8} questions`),
    ];
  } finally {
    client.close();
  }
}
