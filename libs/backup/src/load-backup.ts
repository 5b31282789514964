import type pg from 'pg';
import type { BackupManifest, TableSection } from './backup-format.js';
import { readBackupLines } from './backup-file.js';
import { BackupRefused } from './backup-refused.js';
import { quoteIdent, quoteTable, type SqlClient } from './durable-tables.js';
import { EVENTS_TABLE, eventsLoader, translatePositions } from './load-events.js';
import { insertRows } from './insert-rows.js';

export interface LoadOptions {
  readonly onTable?: (table: string, rows: number) => void;
}

const BATCH_ROWS = 2000;
const BATCH_CHARS = 8_000_000;

/**
 * Puts a verified backup into a database whose schema the system has just created: in one
 * transaction, every table of the file is emptied (or, for the projections' bookkeeping, the process
 * managers' rows) and filled, the sequences are set, and the events get positions of this database
 * (load-events.ts). Read models are not touched: the caller rebuilds them afterwards.
 */
export async function loadBackup(pool: pg.Pool, file: string, manifest: BackupManifest, options: LoadOptions = {}): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'");
    const sections = await readSections(file);
    await checkTablesExist(client, sections);
    const whole = sections.filter((s) => !s.rowsOf).map((s) => quoteTable(s.table));
    if (whole.length > 0) await client.query(`TRUNCATE ${whole.join(', ')}`);
    for (const section of sections.filter((s) => s.rowsOf)) {
      await client.query(`DELETE FROM ${quoteTable(section.table)} WHERE ${quoteIdent(section.rowsOf!.column)} = ANY($1::text[])`, [section.rowsOf!.names]);
    }
    const events = await eventsLoader(client);
    let rows = 0;
    let section: TableSection | undefined;
    let batch: (readonly (string | null)[])[] = [];
    let chars = 0;
    let tableRows = 0;
    const flush = async () => {
      if (!section || batch.length === 0) return;
      if (section.table === EVENTS_TABLE) await events.insert(section, batch);
      else await insertRows(client, section, batch);
      batch = [];
      chars = 0;
    };
    for await (const line of readBackupLines(file)) {
      if (line.kind === 'section') {
        section = line.section;
        tableRows = 0;
      } else if (line.kind === 'row') {
        batch.push(line.values);
        chars += line.text.length;
        tableRows++;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      } else if (line.kind === 'end') {
        await flush();
        rows += tableRows;
        options.onTable?.(line.table, tableRows);
        section = undefined;
      }
    }
    await translatePositions(client, events, sections.find((s) => s.rowsOf)?.rowsOf?.names ?? []);
    await setSequences(client, manifest, events.count());
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { tables: sections.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function readSections(file: string): Promise<TableSection[]> {
  const sections: TableSection[] = [];
  for await (const line of readBackupLines(file)) if (line.kind === 'section') sections.push(line.section);
  return sections;
}

/** Each table of the file must be in this release's schema with every column: else the backup is of another release. */
async function checkTablesExist(client: SqlClient, sections: readonly TableSection[]): Promise<void> {
  for (const section of sections) {
    const { rows } = await client.query<{ name: string }>(
      'SELECT attname AS name FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped',
      [quoteTable(section.table)],
    );
    const present = new Set(rows.map((row) => row.name));
    const missing = section.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
    if (rows.length === 0 || missing.length > 0) {
      const what = rows.length === 0 ? section.table : `${section.table} (${missing.join(', ')})`;
      throw new BackupRefused('backup_schema_unknown', `本版本的数据库没有备份中的 ${what}：请用做备份的那个版本恢复。`, `This release's database has no ${what} from the backup: restore with the release that made it.`);
    }
  }
}

/** Each sequence where the backed-up one was, so no id is handed out twice; the events' at their new count. */
async function setSequences(client: SqlClient, manifest: BackupManifest, events: number): Promise<void> {
  for (const { table, column, lastValue, isCalled } of manifest.sequences) {
    const { rows } = await client.query<{ sequence: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS sequence', [quoteTable(table), column]);
    if (!rows[0]?.sequence) continue;
    const [value, called] = table === EVENTS_TABLE && column === 'global_position' ? [Math.max(events, 1), events > 0] : [lastValue, isCalled];
    await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [rows[0].sequence, value, called]);
  }
}
