import { performance } from 'node:perf_hooks';
import type { RunningCasework } from '#casework-runtime';
import { runHttpLoad } from './http-load.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const SECTION = '5. Case list with 100,000 complaints';
const REQUESTS = 300;
const WARMUP = 30;
const CONCURRENCY = 1;

/** The first page as a caseworker opens it, and two filters a supervisor uses (督办: overdue; a district and its stations). */
export const CASE_LIST_PAGES = [
  '/api/cases?page=1&pageSize=20',
  '/api/cases?overdue=true&page=1&pageSize=20',
  '/api/cases?unit=410105&page=1&pageSize=20',
];

/**
 * Item 5: each page requested one at a time over HTTP (a user waiting for the list), after a warm-up,
 * right after the fill. Then, for context only, the first page again once `VACUUM (ANALYZE)` has run
 * on the table, as autovacuum eventually would: it lets the count be an index-only scan.
 */
export async function measureCaseList(casework: RunningCasework, token: string): Promise<Figure[]> {
  const settled = await untilAutovacuumHasSeen(casework, 'case_list', 180_000);
  const figures: Figure[] = [figure(SECTION, 'waited for autovacuum to take in the fill (info)', settled / 1000, 's', null, 'as the running system would, minutes after a bulk load')];
  for (const path of CASE_LIST_PAGES) {
    const latency = await pageLatency(casework, token, path);
    figures.push(
      figure(SECTION, `GET ${path} p50`, latency.p50, 'ms', null, `${REQUESTS} requests, concurrency ${CONCURRENCY}, HTTP keep-alive`),
      figure(SECTION, `GET ${path} p99`, latency.p99, 'ms', { op: '<=', value: 20 }, `max ${latency.max.toFixed(1)} ms`),
    );
  }
  await casework.runtime.dataSource.query('VACUUM (ANALYZE) case_list');
  const vacuumed = await pageLatency(casework, token, CASE_LIST_PAGES[0]);
  figures.push(figure(SECTION, `  same first page after VACUUM (ANALYZE) case_list, p99 (info)`, vacuumed.p99, 'ms', null, `p50 ${vacuumed.p50.toFixed(1)} ms`));
  return figures;
}

/**
 * Waits until autovacuum has vacuumed the table since the fill, and is not running:
 * the list is measured as it answers once the system has settled, not while the server is still
 * vacuuming 100,000 rows written seconds earlier. Returns how long that took (ms).
 */
async function untilAutovacuumHasSeen(casework: RunningCasework, table: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const db = casework.runtime.dataSource;
  const [before] = await db.query('SELECT autovacuum_count::int AS vacuums FROM pg_stat_user_tables WHERE relname = $1', [table]);
  for (;;) {
    const [now] = await db.query('SELECT autovacuum_count::int AS vacuums FROM pg_stat_user_tables WHERE relname = $1', [table]);
    const [{ running }] = await db.query(`SELECT count(*)::int AS running FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
    if ((now.vacuums > before.vacuums && running === 0) || performance.now() - started > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const waited = performance.now() - started;
  progress(`case list: autovacuum settled after ${(waited / 1000).toFixed(1)} s`);
  return waited;
}

async function pageLatency(casework: RunningCasework, token: string, path: string) {
  const load = { baseUrl: casework.url, token, concurrency: CONCURRENCY, request: { kind: 'get' as const, path }, expectStatus: 200 };
  await runHttpLoad({ ...load, operations: WARMUP });
  const result = await runHttpLoad({ ...load, operations: REQUESTS });
  if (result.unexpected > 0) throw new Error(`GET ${path}: ${result.unexpected} unexpected answers, first: ${result.firstUnexpected}`);
  const latency = summarise(result.latenciesMs);
  progress(`case list: GET ${path}: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
  return latency;
}
