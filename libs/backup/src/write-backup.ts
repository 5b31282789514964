import { createHash } from 'node:crypto';
import type pg from 'pg';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, endLine, headerLine, manifestLine, rowLine, sectionLine, type BackupHeader, type BackupManifest, type SequenceValue, type TableSection, type TableSummary } from './backup-format.js';
import { BackupFileWriter } from './backup-file.js';
import { BackupRefused } from './backup-refused.js';
import { durableTables, primaryKeyOf, quoteIdent, quoteTable, sequencesOf, type ProjectionTables, type SqlClient } from './durable-tables.js';

export interface BackupOptions {
  readonly file: string;
  /** `keyFingerprintOf` the master key. */
  readonly keyFingerprint: string;
  /** `MasterKey.id`: every wrapped data key must name it, or the key at hand is not this database's. */
  readonly masterKeyId: string;
  readonly readModels: readonly ProjectionTables[];
  readonly processManagers: readonly string[];
  readonly now: Date;
  readonly onTable?: (table: string, rows: number) => void;
}

/** Rows per fetch; far fewer for tables with bytes (an attachment's chunk is up to 1 MB). */
const FETCH_ROWS = 2000;
const FETCH_ROWS_WITH_BYTES = 8;

/**
 * Writes every durable table into one file, read in one `REPEATABLE READ, READ ONLY` transaction: one
 * snapshot of the whole database, so the file is consistent while the system goes on serving (its
 * writers never wait for it). Values in PostgreSQL's text form with a fixed time zone and float
 * precision, so they read back exactly.
 */
export async function writeBackup(pool: pg.Pool, options: BackupOptions): Promise<BackupManifest> {
  const client = await pool.connect();
  const writer = new BackupFileWriter(options.file);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await client.query("SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'");
    await checkMasterKeyMatches(client, options.masterKeyId);
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION, createdAt: options.now.toISOString(), keyFingerprint: options.keyFingerprint };
    await writer.line(headerLine(header));
    const tables: TableSummary[] = [];
    const sequences: SequenceValue[] = [];
    for (const section of await durableTables(client, options.readModels, options.processManagers)) {
      tables.push(await writeTable(client, writer, section));
      options.onTable?.(section.table, tables[tables.length - 1].rows);
      for (const { column, sequence } of await sequencesOf(client, section)) {
        const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${sequence}`);
        sequences.push({ table: section.table, column, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
      }
    }
    const leftOutTables = options.readModels.flatMap((projection) => projection.tables.map((table) => `public.${table}`));
    const manifest: BackupManifest = { ...header, tables, sequences, leftOut: { readModels: options.readModels.map((p) => p.name), tables: leftOutTables } };
    await writer.line(manifestLine(manifest));
    await client.query('COMMIT');
    await writer.finish();
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await writer.abandon();
    throw error;
  } finally {
    client.release();
  }
}

async function writeTable(client: SqlClient, writer: BackupFileWriter, section: TableSection): Promise<TableSummary> {
  const text = sectionLine(section);
  const hash = createHash('sha256').update(`${text}\n`);
  await writer.line(text);
  const key = await primaryKeyOf(client, section.table);
  const order = (key.length > 0 ? key : section.columns.map((c) => c.name)).map(quoteIdent).join(', ');
  const where = section.rowsOf ? `WHERE ${quoteIdent(section.rowsOf.column)} = ANY($1::text[])` : '';
  const values = section.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
  await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${values} FROM ${quoteTable(section.table)} ${where} ORDER BY ${order}`, section.rowsOf ? [section.rowsOf.names] : []);
  const batch = section.columns.some((c) => c.type === 'bytea') ? FETCH_ROWS_WITH_BYTES : FETCH_ROWS;
  let rows = 0;
  for (;;) {
    const fetched = await client.query<Record<string, string | null>>(`FETCH ${batch} FROM backup_rows`);
    for (const row of fetched.rows) {
      const line = rowLine(section.columns.map((c) => row[c.name]));
      hash.update(`${line}\n`);
      await writer.line(line);
    }
    rows += fetched.rows.length;
    if (fetched.rows.length < batch) break;
  }
  await client.query('CLOSE backup_rows');
  await writer.line(endLine(section.table));
  return { table: section.table, rows, sha256: hash.digest('hex') };
}

/** A backup whose fingerprint names another key than the one wrapping its data keys could never be restored. */
async function checkMasterKeyMatches(client: SqlClient, masterKeyId: string): Promise<void> {
  const { rows: exists } = await client.query("SELECT to_regclass('keystore.data_keys') IS NOT NULL AS present");
  if (!exists[0]?.present) return;
  const { rows } = await client.query<{ id: string }>('SELECT DISTINCT master_key_id AS id FROM keystore.data_keys WHERE master_key_id <> $1 LIMIT 1', [masterKeyId]);
  if (rows.length > 0) {
    throw new BackupRefused('master_key_mismatch', '这里的主密钥不是包装个人数据密钥的那把：请用本系统的 DATA_DIR 或 CASEWORK_MASTER_KEY 再备份。', 'The master key found here is not the one that wrapped the personal-data keys: back up with this system\'s DATA_DIR or CASEWORK_MASTER_KEY.');
  }
}
