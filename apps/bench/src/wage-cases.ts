import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import type { RunningCasework } from '#casework-runtime';
import { HttpClient } from './http-client.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { seedEventLog } from './seed-event-log.js';
import { wageCasesLog } from './wage-history.js';

const SECTION = '7. Wage cases';
const CLAIMANTS = 1_000;
const PAYMENTS = 50;
const CASES = 20_000;
const FIGURE_REQUESTS = 200;
const YEAR_MS = 365 * 86_400_000;

/**
 * Item 7a: one case with 1,000 claimants (one pasted list), verified in one command, then 50 payments
 * each allocated across all 1,000 workers, one after another over HTTP: the latency of each payment.
 */
export async function measureLargeWageCase(casework: RunningCasework, token: string): Promise<Figure[]> {
  const client = new HttpClient(casework.url, 1, token);
  const post = async (path: string, body: unknown) => {
    const started = performance.now();
    const response = await client.request('POST', path, body, { 'idempotency-key': randomUUID() });
    const ms = performance.now() - started;
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${response.body.slice(0, 300)}`);
    return { body: JSON.parse(response.body), ms };
  };
  try {
    await warmUp(post);
    const opened = await post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'project', name: '压测大型工程项目', district: '410105', chain: [{ role: 'main_contractor', name: '压测总包' }] }, summary: '千人欠薪' });
    const id = opened.body.id as string;
    const claimants = Array.from({ length: CLAIMANTS }, (_, n) => ({ name: `工人${n + 1}`, workedFrom: '2025-03-01', workedUntil: '2025-12-31', claimed: 1_200_000 }));
    const added = await post(`/api/wage-cases/${id}/claimants`, { claimants });
    const ids = added.body.claimantIds as string[];
    await post(`/api/wage-cases/${id}/start-verification`, {});
    const verified = await post(`/api/wage-cases/${id}/verify`, { claims: ids.map((claimantId) => ({ claimantId, verified: 1_000_000, basis: '考勤表' })) });
    progress(`wage: 1,000 claimants added in ${added.ms.toFixed(0)} ms, verified in ${verified.ms.toFixed(0)} ms; ${PAYMENTS} payments across all of them`);
    // The read models first take in the list and the verification; each payment's own projection work runs beside the next payments.
    await casework.runtime.projections.waitUntilCaughtUp(120_000);
    const latencies: number[] = [];
    for (let p = 0; p < PAYMENTS; p++) {
      const allocations = ids.map((claimantId) => ({ claimantId, amount: 10_000 + (p % 7) }));
      const amount = allocations.reduce((s, a) => s + a.amount, 0);
      latencies.push((await post(`/api/wage-cases/${id}/payments`, { amount, paidOn: '2026-03-20', payer: '压测总包', allocations })).ms);
    }
    const latency = summarise(latencies);
    progress(`wage: payment p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
    return [
      figure(SECTION, '1,000 claimants added in one command (info)', added.ms, 'ms', null),
      figure(SECTION, '1,000 claims verified in one command (info)', verified.ms, 'ms', null),
      figure(SECTION, 'payment across 1,000 claimants, latency p50', latency.p50, 'ms', null, `${PAYMENTS} payments one after another over HTTP, read models following; after a warm-up case`),
      figure(SECTION, 'payment across 1,000 claimants, latency p99', latency.p99, 'ms', { op: '<=', value: 100 }, `max ${latency.max.toFixed(1)} ms, at payment ${latencies.indexOf(latency.max) + 1} of ${PAYMENTS}`),
    ];
  } finally {
    client.close();
  }
}

/** A smaller case first (100 workers, 5 payments), so that the measured one does not pay for the first run of each code path. */
async function warmUp(post: (path: string, body: unknown) => Promise<{ body: any; ms: number }>): Promise<void> {
  const { body } = await post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '压测预热单位', district: '410105' }, summary: '预热' });
  const added = await post(`/api/wage-cases/${body.id}/claimants`, { claimants: Array.from({ length: 100 }, (_, n) => ({ name: `预热${n}`, workedFrom: '2025-03-01', claimed: 500_000 })) });
  const ids = added.body.claimantIds as string[];
  await post(`/api/wage-cases/${body.id}/start-verification`, {});
  await post(`/api/wage-cases/${body.id}/verify`, { claims: ids.map((claimantId) => ({ claimantId, verified: 500_000, basis: '考勤表' })) });
  for (let p = 0; p < 5; p++) {
    await post(`/api/wage-cases/${body.id}/payments`, { amount: ids.length * 1_000, paidOn: '2026-03-20', payer: '预热', allocations: ids.map((claimantId) => ({ claimantId, amount: 1_000 })) });
  }
}

/**
 * Item 7b: 20,000 wage cases of the past year appended to the log and projected by the running
 * system, then the wage figures for that year, city-wide and for one district, one request at a time.
 */
export async function measureWageFigures(casework: RunningCasework, token: string, now: number): Promise<Figure[]> {
  const { appends, events } = wageCasesLog(CASES, now - YEAR_MS, now);
  const writer = await PostgresEventStore.connect({ connectionString: casework.runtime.databaseUrl, upcasters, poolSize: 4 });
  progress(`wage: appending ${CASES.toLocaleString('en-US')} cases (${events.toLocaleString('en-US')} events)`);
  await seedEventLog(writer, appends, { lanes: 4, appendsPerTransaction: 50 }).finally(() => writer.close());
  const caughtUp = performance.now();
  await casework.runtime.projections.waitUntilCaughtUp(900_000);
  progress(`wage: read models caught up in ${((performance.now() - caughtUp) / 1000).toFixed(1)} s`);
  const [{ n }] = await casework.runtime.dataSource.query(`SELECT count(*)::int AS n FROM wage_cases`);
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));
  const client = new HttpClient(casework.url, 1, token);
  const figures: Figure[] = [figure(SECTION, 'wage cases in the read model (info)', n, 'cases', null)];
  try {
    for (const unit of ['410100', '410105']) {
      const path = `/api/stats/wage?from=${day(now - YEAR_MS)}&to=${day(now)}&unit=${unit}`;
      const latencies: number[] = [];
      for (let r = 0; r < FIGURE_REQUESTS + 20; r++) {
        const started = performance.now();
        const response = await client.request('GET', path);
        if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.body.slice(0, 200)}`);
        if (r >= 20) latencies.push(performance.now() - started);
      }
      const latency = summarise(latencies);
      progress(`wage: GET ${path}: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
      figures.push(
        figure(SECTION, `wage figures for a year, unit ${unit}, p50`, latency.p50, 'ms', null, `${FIGURE_REQUESTS} requests, one at a time`),
        figure(SECTION, `wage figures for a year, unit ${unit}, p99`, latency.p99, 'ms', { op: '<=', value: 50 }, `max ${latency.max.toFixed(1)} ms`),
      );
    }
  } finally {
    client.close();
  }
  return figures;
}
