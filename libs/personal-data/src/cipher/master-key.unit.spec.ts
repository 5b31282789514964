import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { loadMasterKey, parseMasterKey } from './load-master-key.js';
import { MasterKey } from './master-key.js';

describe('the master key', () => {
  it('wraps a data key so that only it, for the same subject, unwraps it', () => {
    const master = MasterKey.generate();
    const dataKey = MasterKey.newDataKey();
    const wrapped = master.wrap(dataKey, 'subject-1');

    expect(wrapped.includes(dataKey)).toBe(false);
    expect(master.unwrap(wrapped, 'subject-1').equals(dataKey)).toBe(true);
    expect(() => master.unwrap(wrapped, 'subject-2')).toThrow();
    expect(() => MasterKey.generate().unwrap(wrapped, 'subject-1')).toThrow();
  });

  it('derives a secret per purpose that only the same master key reproduces', () => {
    const master = parseMasterKey('ab'.repeat(32));
    expect(master.deriveKey('a')).toBe(parseMasterKey('ab'.repeat(32)).deriveKey('a'));
    expect(master.deriveKey('a')).not.toBe(master.deriveKey('b'));
    expect(MasterKey.generate().deriveKey('a')).not.toBe(master.deriveKey('a'));
  });

  it('is read from CASEWORK_MASTER_KEY as 64 hex digits or base64, and never printed', () => {
    const hex = 'ab'.repeat(32);
    const fromHex = parseMasterKey(hex);
    expect(parseMasterKey(Buffer.from(hex, 'hex').toString('base64')).id).toBe(fromHex.id);
    expect(() => parseMasterKey('too-short')).toThrow(/32 bytes/);
    expect(inspect(fromHex)).not.toContain(hex);
    expect(JSON.stringify({ fromHex })).not.toContain(hex);
  });

  it('is generated once into a file only its owner can read, and read back the same', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'master-key-')), 'data', 'master.key');
    expect(() => loadMasterKey({ file, createIfMissing: false })).toThrow(/No master key/);

    const created = loadMasterKey({ file, createIfMissing: true });

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ file, createIfMissing: true }).id).toBe(created.id);
    expect(loadMasterKey({ file, createIfMissing: false }).id).toBe(created.id);
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(43);
  });

  it('prefers the environment over the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'master-key-')), 'master.key');
    const fromEnv = loadMasterKey({ fromEnv: 'cd'.repeat(32), file, createIfMissing: true });
    expect(fromEnv.id).toBe(parseMasterKey('cd'.repeat(32)).id);
  });

  it('refuses a key file that other users can read', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'master-key-')), 'master.key');
    loadMasterKey({ file, createIfMissing: true });
    chmodSync(file, 0o644);
    expect(() => loadMasterKey({ file, createIfMissing: false })).toThrow(/chmod 600/);
  });
});
