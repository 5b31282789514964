import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { BACKUP_FORMAT_VERSION, type BackupHeader, type BackupManifest, type TableSummary } from './backup-format.js';
import { readBackupLines } from './backup-file.js';
import { BackupRefused } from './backup-refused.js';

/**
 * Reads the whole file and checks it against its manifest: the header and the manifest agree, every
 * table's rows are all there and hash to the digest recorded, nothing is missing or added. Answers
 * the manifest; throws `BackupRefused` with what is wrong. Reads only, writes nothing.
 */
export async function verifyBackupFile(file: string): Promise<BackupManifest> {
  if (!existsSync(file)) throw new BackupRefused('backup_file_missing', `找不到备份文件 ${file}。`, `The backup file ${file} does not exist.`);
  try {
    return await checkedManifest(file);
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw corrupted(file, error instanceof Error ? error.message : String(error));
  }
}

async function checkedManifest(file: string): Promise<BackupManifest> {
  let header: BackupHeader | undefined;
  let manifest: BackupManifest | undefined;
  const found: TableSummary[] = [];
  let open: { table: string; rows: number; hash: Hash } | undefined;
  for await (const line of readBackupLines(file)) {
    if (manifest) throw new Error('lines after the manifest');
    if (line.kind === 'header') {
      if (line.header.version !== BACKUP_FORMAT_VERSION) {
        throw new BackupRefused('backup_format_unknown', `备份文件格式版本 ${line.header.version} 不是本版本能读取的（${BACKUP_FORMAT_VERSION}）。`, `Backup format version ${line.header.version} is not the one this release reads (${BACKUP_FORMAT_VERSION}).`);
      }
      header = line.header;
    } else if (line.kind === 'section') {
      if (open) throw new Error(`table ${open.table} has no end`);
      open = { table: line.section.table, rows: 0, hash: createHash('sha256').update(`${line.text}\n`) };
    } else if (line.kind === 'row') {
      if (!open) throw new Error('a row outside any table');
      open.rows++;
      open.hash.update(`${line.text}\n`);
    } else if (line.kind === 'end') {
      if (open?.table !== line.table) throw new Error(`the end of ${line.table} where none began`);
      found.push({ table: open.table, rows: open.rows, sha256: open.hash.digest('hex') });
      open = undefined;
    } else {
      if (open) throw new Error(`table ${open.table} has no end`);
      manifest = line.manifest;
    }
  }
  if (!header) throw new Error('the file is empty');
  if (!manifest) throw new Error('the manifest is missing (the file was cut short)');
  if (manifest.keyFingerprint !== header.keyFingerprint || manifest.createdAt !== header.createdAt) throw new Error('the manifest does not match the header');
  const expected = new Map(manifest.tables.map((t) => [t.table, t]));
  if (expected.size !== found.length) throw new Error(`the manifest lists ${expected.size} tables, the file holds ${found.length}`);
  for (const table of found) {
    const listed = expected.get(table.table);
    if (!listed) throw new Error(`table ${table.table} is not in the manifest`);
    if (listed.rows !== table.rows) throw new Error(`table ${table.table}: ${table.rows} rows, the manifest says ${listed.rows}`);
    if (listed.sha256 !== table.sha256) throw new Error(`table ${table.table}: its checksum does not match the manifest`);
  }
  return manifest;
}

function corrupted(file: string, why: string): BackupRefused {
  return new BackupRefused('backup_corrupted', `备份文件 ${file} 已损坏或不完整（${why}），不能恢复。`, `The backup file ${file} is damaged or incomplete (${why}); nothing was restored.`);
}
