import type { DataSource } from 'typeorm';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { HttpClient } from './http-client.js';
import { runHttpLoad } from './http-load.js';
import { summarise, type LatencySummary } from './percentiles.js';
import { progress } from './progress.js';
import { createProvinceUnits, PROVINCE } from './scale-province.js';

const ADMIN_PASSWORD = 'bench-warden-Passw0rd';
/** A supervisor of the province federation, the root: sees every city's cases and figures. */
const SUPERVISOR = { username: 'bench.province', password: 'bench-province-Passw0rd', displayName: '压测省级督导', role: 'supervisor', orgUnitId: PROVINCE.id };
/** The city whose list and figures are asked for beside the province's. */
export const ONE_CITY = '410300';
const FIGURE_KINDS = ['hotline', 'wage', 'hardship', 'mediation'] as const;

/**
 * Each query is asked about this long (after a warm-up), and at least and at most so many times: a
 * query of seconds is asked only MIN_REQUESTS times (its p99 is then its slowest answer), so that a
 * figure whose cost grows with the data cannot hold the run up for hours at 10 million events.
 */
const SECONDS_PER_QUERY = 20;
const MIN_REQUESTS = 10;
const MAX_REQUESTS = 200;
const WARMUP = 3;

export interface ScaleSession {
  readonly casework: RunningCasework;
  readonly token: string;
  stop(): Promise<void>;
}

/**
 * The system on the scale database, started under the province (as PROVINCE_UNIT_ID would), with the
 * other cities' unions added through the administrators' API (`POST /api/org-units`) and a supervisor
 * of the province, who asks every question below.
 */
export async function startScaleSession(databaseUrl: string, dataDir: string): Promise<ScaleSession> {
  const casework = await startCasework({ databaseUrl, dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false, province: PROVINCE });
  const admin = new HttpClient(casework.url, 1);
  const supervisor = new HttpClient(casework.url, 1);
  try {
    await admin.login('admin', ADMIN_PASSWORD);
    const created = await createProvinceUnits(admin);
    const user = await admin.request('POST', '/api/users', SUPERVISOR);
    if (user.status !== 201 && user.status !== 200) throw new Error(`Creating the supervisor failed: ${user.status} ${user.body.slice(0, 300)}`);
    await supervisor.login(SUPERVISOR.username, SUPERVISOR.password);
    progress(`scale: ${created} units of the other 17 cities added; the province's supervisor signed in`);
  } catch (error) {
    await casework.stop();
    throw error;
  } finally {
    admin.close();
    supervisor.close();
  }
  return { casework, token: supervisor.accessToken!, stop: () => casework.stop() };
}

/** One question and how fast it was answered. */
export interface QueryLatency {
  readonly group: 'list' | 'search' | 'figures';
  /** The same question at every point of the curve (its label may name a number found in that point's data). */
  readonly key: string;
  readonly label: string;
  readonly path: string;
  readonly latency: LatencySummary;
}

/** The case list's questions: plain, filtered (kind and status; a city), searched (a name, part of an employer, a whole number, a number's start). */
export async function caseListQueries(dataSource: DataSource): Promise<Omit<QueryLatency, 'latency'>[]> {
  const [{ status }] = await dataSource.query(`SELECT status FROM case_list WHERE kind = 'wage_case' GROUP BY status ORDER BY count(*) DESC, status LIMIT 1`);
  const [{ number }] = await dataSource.query(`SELECT case_number AS number FROM case_list WHERE kind = 'complaint' AND case_number IS NOT NULL ORDER BY opened_at LIMIT 1 OFFSET (SELECT count(*) / 2 FROM case_list WHERE kind = 'complaint')`);
  const page = 'page=1&pageSize=20';
  const list = (key: string, label: string, query: string) => ({ group: 'list' as const, key, label, path: `/api/cases?${query}${page}` });
  const search = (key: string, label: string, q: string) => ({ group: 'search' as const, key, label, path: `/api/cases?q=${encodeURIComponent(q)}&${page}` });
  return [
    list('first page', 'first page', ''),
    list('kind and status', `wage cases in status ${status}`, `kind=wage_case&status=${status}&`),
    list('one city', `one city (${ONE_CITY})`, `unit=${ONE_CITY}&`),
    search('a name', 'a common name (王建国)', '王建国'),
    search('part of an employer', 'part of an employer (恒达)', '恒达'),
    search('a whole number', `a whole case number (${number})`, number),
    search("a number's start", `the start of a number (${(number as string).slice(0, 9)})`, (number as string).slice(0, 9)),
  ];
}

/** Every figure endpoint for the last whole year and for the ten years to today, for the province and for one city. */
export function figureQueries(lastYear: number, tenYearsFrom: string, today: string): Omit<QueryLatency, 'latency'>[] {
  return FIGURE_KINDS.flatMap((kind) =>
    [PROVINCE.id, ONE_CITY].flatMap((unit) => {
      const scope = unit === PROVINCE.id ? 'province' : 'one city';
      return [
        { group: 'figures' as const, key: `${kind}, a year, ${scope}`, label: `${kind}, ${lastYear}, ${scope}`, path: `/api/stats/${kind}?from=${lastYear}-01-01&to=${lastYear}-12-31&unit=${unit}` },
        { group: 'figures' as const, key: `${kind}, ten years, ${scope}`, label: `${kind}, ten years, ${scope}`, path: `/api/stats/${kind}?from=${tenYearsFrom}&to=${today}&unit=${unit}` },
      ];
    }),
  );
}

/**
 * Each question one at a time over HTTP (a person waiting for the answer), after a warm-up: as many
 * times as fit in about SECONDS_PER_QUERY, between MIN_REQUESTS and MAX_REQUESTS.
 */
export async function measureQueries(session: ScaleSession, queries: readonly Omit<QueryLatency, 'latency'>[]): Promise<QueryLatency[]> {
  const measured: QueryLatency[] = [];
  for (const query of queries) {
    const load = { baseUrl: session.casework.url, token: session.token, concurrency: 1, request: { kind: 'get' as const, path: query.path }, expectStatus: 200 };
    const warm = await runHttpLoad({ ...load, operations: WARMUP });
    if (warm.unexpected > 0) throw new Error(`GET ${query.path}: ${warm.firstUnexpected}`);
    const typical = summarise(warm.latenciesMs).p50;
    // A fast query is warmed a little longer, so that no cold answer lands among the measured ones.
    if (typical < 1_000) await runHttpLoad({ ...load, operations: 2 * WARMUP });
    const operations = Math.min(MAX_REQUESTS, Math.max(MIN_REQUESTS, Math.round((SECONDS_PER_QUERY * 1000) / Math.max(typical, 1))));
    const result = await runHttpLoad({ ...load, operations });
    if (result.unexpected > 0) throw new Error(`GET ${query.path}: ${result.unexpected} unexpected answers, first: ${result.firstUnexpected}`);
    const latency = summarise(result.latenciesMs);
    progress(`scale: ${query.group} ${query.label}: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms (${operations} requests)`);
    measured.push({ ...query, latency });
  }
  return measured;
}
