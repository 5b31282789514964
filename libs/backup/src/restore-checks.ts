import { existsSync, readdirSync } from 'node:fs';
import type { MasterKey } from '#personal-data';
import type { BackupManifest } from './backup-format.js';
import { BackupRefused } from './backup-refused.js';
import { keyFingerprintOf } from './key-fingerprint.js';

/** What an operator puts in DATA_DIR before a restore: the master key, which no backup holds. */
export const MASTER_KEY_FILE = 'master.key';

/**
 * A restore writes into an empty DATA_DIR only (the master key aside): it never mixes a backup with
 * what a running or older installation left there.
 */
export function checkRestoreTarget(dataDir: string): void {
  const present = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => name !== MASTER_KEY_FILE) : [];
  if (present.length > 0) {
    throw new BackupRefused(
      'data_dir_not_empty',
      `DATA_DIR（${dataDir}）不是空的（有 ${present.slice(0, 5).join('、')}${present.length > 5 ? ' 等' : ''}）：恢复只写入空目录，目录中只能有 master.key。`,
      `DATA_DIR (${dataDir}) is not empty (it holds ${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}): a restore writes only into an empty directory, with nothing in it but master.key.`,
    );
  }
}

/** The master key at hand must be the backup's: with another one every person's data would be unreadable. */
export function checkMasterKey(manifest: BackupManifest, masterKey: MasterKey): void {
  if (keyFingerprintOf(masterKey) !== manifest.keyFingerprint) {
    throw new BackupRefused(
      'master_key_mismatch',
      '主密钥与备份不符：请把做备份时那套系统的 master.key（或 CASEWORK_MASTER_KEY）放进 DATA_DIR 再恢复。什么也没有写入。',
      "The master key does not match the backup's: put the master.key of the system the backup was made from into DATA_DIR (or set CASEWORK_MASTER_KEY) and restore again. Nothing was written.",
    );
  }
}

/** No master key at all: the same refusal, before anything is written. */
export function missingMasterKey(dataDir: string): BackupRefused {
  return new BackupRefused(
    'master_key_missing',
    `没有主密钥：备份中不含主密钥，请先把原系统的 master.key 复制到 ${dataDir}（权限 600），或设置 CASEWORK_MASTER_KEY。什么也没有写入。`,
    `No master key: a backup never holds it. Copy the original system's master.key into ${dataDir} (mode 600) or set CASEWORK_MASTER_KEY first. Nothing was written.`,
  );
}
