import { availableParallelism, cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectPersonalData } from '#casework-personal-data';
import { PostgresEventStore } from '#event-store';
import { startBenchServer, type BenchServer } from './bench-server.js';
import { whileWatchingTheMachine } from './machine-watch.js';
import { elapsedSeconds, progress } from './progress.js';
import { figure, formatValue, renderTable, writeResults, type Figure } from './report.js';
import { appendHistory } from './scale-append.js';
import { catchUpEveryReadModel, type ScaleCatchUp } from './scale-catch-up.js';
import { provinceHistory } from './scale-history.js';
import { SCALE_CITIES } from './scale-province.js';
import { caseListQueries, figureQueries, measureQueries, startScaleSession, type QueryLatency } from './scale-queries.js';

const SECTION = '12. A decade of a province';
const YEAR_MS = 365.25 * 86_400_000;
const LANES = 4;
const APPENDS_PER_WRITE = 100;
/** Targets of issue 20.3, against the first (base) point of the run. */
const CATCH_UP_KEPT = 0.8;
const P99_GROWTH = 1.5;
const P99_MS = 100;

/** `BENCH_SCALE=100k,1m,10m`: the points of the curve, in events. */
export function scalePoints(spec: string): { label: string; events: number }[] {
  return spec.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean).map((label) => {
    const match = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(label);
    if (!match) throw new Error(`BENCH_SCALE: ${label} is not a number of events such as 100k, 1m or 10m`);
    return { label, events: Math.round(Number(match[1]) * (match[2] === 'm' ? 1_000_000 : match[2] === 'k' ? 1_000 : 1)) };
  });
}

/** What one point of the curve measured. */
export interface ScalePoint {
  readonly label: string;
  readonly events: number;
  readonly append: { readonly rate: number; readonly seconds: number; readonly storeSeconds: number; readonly writes: number };
  readonly catchUp: ScaleCatchUp;
  readonly vacuumSeconds: number;
  readonly queries: readonly QueryLatency[];
  readonly size: { readonly database: number; readonly eventStore: number; readonly keyStore: number; readonly readModels: number };
}

/**
 * Item 12 (`BENCH_SCALE`, not in the default run): for each point, a fresh embedded PostgreSQL; a
 * province's ten years (18 cities' unions, all four kinds of case) appended through the encrypting
 * store's batch path; every read model caught up from the start; then, as the province's supervisor
 * over HTTP, the case list (plain, filtered, searched) and every figure endpoint for a year and for
 * ten years; and the database's size per million events. `onPoint` is called after each point, so a
 * long run that is stopped keeps what it measured.
 */
export async function measureScale(points: readonly { label: string; events: number }[], onPoint: (figures: Figure[]) => void): Promise<Figure[]> {
  const measured: ScalePoint[] = [];
  let figures: Figure[] = [];
  for (const point of points) {
    const server = await startBenchServer();
    const stop = stopServerOnSignal(server);
    try {
      let result: ScalePoint | undefined;
      const machine = await whileWatchingTheMachine(`12 (${point.label})`, () => server.postmasterPid(), async () => {
        result = await measurePoint(server, point.label, point.events);
        return [];
      });
      measured.push(result!);
      figures = [...scaleFigures(measured), ...machine];
      onPoint(figures);
      progress(`scale: the curve so far\n${renderCurve(measured)}`);
    } finally {
      stop.dispose();
      if (process.env.BENCH_SCALE_KEEP === '1' && point === points[points.length - 1]) await keptUntilSignal(server);
      await server.stop();
    }
  }
  return figures;
}

/** `BENCH_SCALE_KEEP=1`: the last point's database stays up (for EXPLAIN ANALYZE of a slow query) until Ctrl-C or SIGTERM. */
async function keptUntilSignal(server: BenchServer): Promise<void> {
  progress(`scale: BENCH_SCALE_KEEP=1: the last point's database stays at ${server.caseworkUrl} until Ctrl-C`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Ctrl-C (or a SIGTERM) during a long point stops its server and removes its cluster rather than leave them behind. */
function stopServerOnSignal(server: BenchServer): { dispose(): void } {
  const stop = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping the scale bench's server`);
    server.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

async function measurePoint(server: BenchServer, label: string, events: number): Promise<ScalePoint> {
  const to = Date.now();
  const from = to - 10 * YEAR_MS;
  const url = server.caseworkUrl;
  progress(`scale ${label}: deciding and appending ${events.toLocaleString('en-US')} events of 18 cities' ten years`);
  const personalData = await connectPersonalData({ databaseUrl: url, dataDir: server.appDataDir, role: 'app' });
  const inner = await PostgresEventStore.connect({ connectionString: url, poolSize: LANES });
  const store = personalData.protect(inner);
  const appended = await appendHistory(
    { appendToStreams: (appends) => store.appendToStreams!(appends) },
    provinceHistory({ events, from, to, cities: SCALE_CITIES, seed: `scale-${label}` }),
    {
      lanes: LANES,
      appendsPerWrite: APPENDS_PER_WRITE,
      onWindow: (window, done, seconds) => {
        if ((window.month + 1) % 12 === 0) progress(`scale ${label}: year ${(window.month + 1) / 12} of 10 appended, ${done.toLocaleString('en-US')} events, ${Math.round(done / seconds).toLocaleString('en-US')} events/s`);
      },
    },
  ).finally(async () => {
    await store.close();
    await personalData.close();
  });
  const appendRate = appended.events / appended.seconds;
  progress(`scale ${label}: appended ${appended.events.toLocaleString('en-US')} events in ${appended.seconds.toFixed(0)} s (${Math.round(appendRate).toLocaleString('en-US')}/s; writers waited on the store ${appended.storeSeconds.toFixed(0)} s in all)`);
  await server.quiesce();

  const catchUp = await catchUpEveryReadModel(url, server.appDataDir, appended.events, `scale ${label}`);
  // As autovacuum would in the end: the figures and the list are asked of a settled database.
  const vacuumStarted = performance.now();
  await withClient(url, (client) => client.query('VACUUM (ANALYZE)'));
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  await server.quiesce();
  const size = await sizesOf(url);

  const session = await startScaleSession(url, server.appDataDir);
  try {
    const today = shanghaiDay(new Date(to));
    const queries = [...(await caseListQueries(session.casework.runtime.dataSource)), ...figureQueries(Number(today.slice(0, 4)) - 1, shanghaiDay(new Date(from)), today)];
    const latencies = await measureQueries(session, queries);
    return { label, events: appended.events, append: { rate: appendRate, seconds: appended.seconds, storeSeconds: appended.storeSeconds, writes: appended.writes }, catchUp, vacuumSeconds, queries: latencies, size };
  } finally {
    await session.stop();
  }
}

/** The database's size and its three parts: the event store, the personal-data keys, everything else (read models, users, checkpoints). */
async function sizesOf(url: string): Promise<ScalePoint['size']> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ database: string; event_store: string; keystore: string }>(
      `SELECT pg_database_size(current_database())::text AS database,
              (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'event_store' AND c.relkind IN ('r', 'm'))::text AS event_store,
              (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'keystore' AND c.relkind IN ('r', 'm'))::text AS keystore`,
    );
    const [row] = rows;
    const database = Number(row.database);
    const eventStore = Number(row.event_store);
    const keyStore = Number(row.keystore);
    return { database, eventStore, keyStore, readModels: database - eventStore - keyStore };
  });
}

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

function shanghaiDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);
}

const MIB = 2 ** 20;

/**
 * The figures of every point, and against the first (base) point the targets of issue 20.3: catch-up
 * at least 80 % of its base rate; each query's p99 at most 1.5× its base p99, and under 100 ms.
 */
export function scaleFigures(points: readonly ScalePoint[]): Figure[] {
  const [base] = points;
  return points.flatMap((point) => {
    const at = `${point.label} (${point.events.toLocaleString('en-US')} events)`;
    const isBase = point === base;
    const perMillion = 1_000_000 / point.events;
    const figures: Figure[] = [
      figure(SECTION, `${at}: append (decide, encrypt, write) (info)`, point.append.rate, 'events/s', null,
        `${point.append.seconds.toFixed(0)} s; ${LANES} writers, ${APPENDS_PER_WRITE} appends per write (${point.append.writes.toLocaleString('en-US')} writes), waiting on the store ${point.append.storeSeconds.toFixed(0)} s summed over writers`),
      figure(SECTION, `${at}: catch-up of every read model`, point.catchUp.rate, 'events/s', isBase ? null : { op: '>=', value: CATCH_UP_KEPT * base.catchUp.rate },
        `${point.catchUp.seconds.toFixed(0)} s${isBase ? ' (the base point)' : `; ${((point.catchUp.rate / base.catchUp.rate) * 100).toFixed(0)} % of the rate at ${base.label}`}`),
      ...[...point.catchUp.applySeconds].slice(0, 5).map(([name, seconds]) =>
        figure(SECTION, `${at}:   ${name}: time in apply (info)`, point.events / seconds, 'events/s', null, `${seconds.toFixed(0)} s in apply, summed over batches`)),
      figure(SECTION, `${at}: process managers over the same log (info)`, point.catchUp.processManagerRate, 'events/s', null, 'after the read models, on their own'),
      figure(SECTION, `${at}: database size per million events (info)`, (point.size.database * perMillion) / MIB, 'MiB', null,
        `${formatValue(point.size.database / MIB)} MiB in all: event store ${formatValue((point.size.eventStore * perMillion) / MIB)}, personal-data keys ${formatValue((point.size.keyStore * perMillion) / MIB)}, read models and the rest ${formatValue((point.size.readModels * perMillion) / MIB)} MiB per million events`),
      figure(SECTION, `${at}: VACUUM (ANALYZE) before the queries (info)`, point.vacuumSeconds, 's', null, 'as autovacuum would in the end'),
    ];
    for (const query of point.queries) {
      const was = base.queries.find((q) => q.key === query.key);
      figures.push(figure(SECTION, `${at}: ${query.group} ${query.label}, p99`, query.latency.p99, 'ms', { op: '<=', value: P99_MS },
        `p50 ${query.latency.p50.toFixed(1)} ms, ${query.latency.count} requests${isBase || !was ? '' : `; ${(query.latency.p99 / was.latency.p99).toFixed(2)}× the p99 at ${base.label}`}`));
      if (!isBase && was) {
        figures.push(figure(SECTION, `${at}:   ${query.group} ${query.label}, p99 ÷ p99 at ${base.label}`, query.latency.p99 / was.latency.p99, '×', { op: '<=', value: P99_GROWTH }));
      }
    }
    return figures;
  });
}

/** The curve as a plain table: one column per point. */
export function renderCurve(points: readonly ScalePoint[]): string {
  const rows: [string, ...string[]][] = [
    ['events', ...points.map((p) => p.events.toLocaleString('en-US'))],
    ['append, events/s', ...points.map((p) => formatValue(p.append.rate))],
    ['catch-up, events/s', ...points.map((p) => formatValue(p.catchUp.rate))],
    ['MiB per million events', ...points.map((p) => formatValue((p.size.database * 1_000_000) / p.events / MIB))],
    ...points[0].queries.map((q): [string, ...string[]] => [`${q.group} ${q.key}, p99 ms`, ...points.map((p) => formatValue(p.queries.find((x) => x.key === q.key)?.latency.p99 ?? Number.NaN))]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  ')).join('\n');
}

/**
 * `BENCH_SCALE=100k,1m,10m npm run bench`: item 12 alone, each point on its own fresh server. Prints
 * the figures and the curve; writes them to BENCH_OUT (default bench-results/scale.json) after every
 * point.
 */
export async function runScaleBench(spec: string): Promise<void> {
  const out = resolve(process.env.BENCH_OUT ?? 'bench-results/scale.json');
  const startedAt = new Date();
  const machine = { cpus: availableParallelism(), cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const write = (figures: Figure[]) => {
    const passed = figures.filter((f) => f.pass === true).length;
    const failed = figures.filter((f) => f.pass === false).length;
    writeResults(out, { startedAt: startedAt.toISOString(), durationSeconds: Math.round(elapsedSeconds()), machine, postgres: {}, figures, summary: { passed, failed } });
    return { passed, failed };
  };
  const figures = await measureScale(scalePoints(spec), write);
  const { passed, failed } = write(figures);
  console.log(`\n${renderTable(figures)}\n\n${passed} targets met, ${failed} missed; ${elapsedSeconds().toFixed(0)} s in all. Results: ${out}`);
}
