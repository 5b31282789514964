import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { MasterKey } from './master-key.js';

export interface MasterKeySource {
  /** `CASEWORK_MASTER_KEY`: 32 bytes as 64 hex digits or base64/base64url. Wins over the file. */
  readonly fromEnv?: string;
  /** Where the key is kept when none is configured, e.g. `<DATA_DIR>/master.key` (mode 0600). */
  readonly file: string;
  /** Create the file on first start (the main app); other processes only read it. */
  readonly createIfMissing: boolean;
}

/** Parses a configured master key; the error never quotes it. */
export function parseMasterKey(text: string): MasterKey {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url');
  if (bytes.length !== 32) throw new Error('The master key must be 32 bytes, written as 64 hex digits or in base64');
  return new MasterKey(bytes);
}

/**
 * The master key from the environment, else from its file — generated once with mode 0600 by the
 * process allowed to create it. A file others can read is refused: the key would be as good as public.
 */
export function loadMasterKey(source: MasterKeySource): MasterKey {
  if (source.fromEnv) return parseMasterKey(source.fromEnv);
  if (!existsSync(source.file)) {
    if (!source.createIfMissing) {
      throw new Error(`No master key: set CASEWORK_MASTER_KEY or point DATA_DIR at the directory holding master.key (${source.file} is missing)`);
    }
    mkdirSync(dirname(source.file), { recursive: true });
    const bytes = randomBytes(32);
    // 'wx': if another process created it meanwhile, fail here and read theirs below.
    try {
      writeFileSync(source.file, `${bytes.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
      return new MasterKey(bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const mode = statSync(source.file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${source.file} can be read by other users (mode ${mode.toString(8)}): run "chmod 600 ${source.file}"`);
  }
  return parseMasterKey(readFileSync(source.file, 'utf8'));
}
