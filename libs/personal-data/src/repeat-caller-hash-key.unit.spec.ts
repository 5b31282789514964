import { createHmac } from 'node:crypto';
import { parseMasterKey } from './cipher/load-master-key.js';
import { MasterKey } from './cipher/master-key.js';
import { keyedHash } from './keyed-hash.js';
import { deriveRepeatCallerHashKey, REPEAT_CALLER_HASH_KEY_INFO, repeatCallerHashKey } from './repeat-caller-hash-key.js';

const MASTER_HEX = 'ab'.repeat(32);

/** RFC 5869 written out by hand (extract with an all-zero salt, one expand block): what HKDF-SHA256 must give. */
function hkdfSha256ByHand(key: Buffer, info: string): Buffer {
  const prk = createHmac('sha256', Buffer.alloc(32)).update(key).digest();
  return createHmac('sha256', prk).update(Buffer.concat([Buffer.from(info, 'utf8'), Buffer.from([1])])).digest();
}

describe('the repeat-caller hash key, derived from the master key', () => {
  it('is HKDF-SHA256 of the master key under its fixed label', () => {
    expect(REPEAT_CALLER_HASH_KEY_INFO).toBe('union-casework/hotline/repeat-caller-keyed-hash/v1');
    const expected = hkdfSha256ByHand(Buffer.from(MASTER_HEX, 'hex'), REPEAT_CALLER_HASH_KEY_INFO).toString('base64url');
    expect(deriveRepeatCallerHashKey(parseMasterKey(MASTER_HEX))).toBe(expected);
  });

  it('is the same every time for the same master key, so the hashes can be rebuilt from it alone', () => {
    const key = deriveRepeatCallerHashKey(parseMasterKey(MASTER_HEX));
    expect(deriveRepeatCallerHashKey(parseMasterKey(Buffer.from(MASTER_HEX, 'hex').toString('base64')))).toBe(key);
    expect(keyedHash('13800138000', key)).toBe(keyedHash('13800138000', deriveRepeatCallerHashKey(parseMasterKey(MASTER_HEX))));
  });

  it('differs for another master key', () => {
    expect(deriveRepeatCallerHashKey(parseMasterKey('cd'.repeat(32)))).not.toBe(deriveRepeatCallerHashKey(parseMasterKey(MASTER_HEX)));
    expect(deriveRepeatCallerHashKey(MasterKey.generate())).not.toBe(deriveRepeatCallerHashKey(MasterKey.generate()));
  });

  it('is not the master key in any spelling, nor the key store’s own derived key', () => {
    const master = Buffer.from(MASTER_HEX, 'hex');
    const key = deriveRepeatCallerHashKey(parseMasterKey(MASTER_HEX));
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(Buffer.from(key, 'base64url').equals(master)).toBe(false);
    expect([MASTER_HEX, master.toString('base64'), master.toString('base64url')]).not.toContain(key);
    expect(key).not.toBe(parseMasterKey(MASTER_HEX).deriveKey('key-store/person-identifiers'));
  });

  it('gives way to a secret an installation already stored, without loading the master key', () => {
    let loads = 0;
    const masterKey = () => (loads++, parseMasterKey(MASTER_HEX));
    expect(repeatCallerHashKey(masterKey, 'stored-secret-of-an-old-installation')).toBe('stored-secret-of-an-old-installation');
    expect(loads).toBe(0);
    expect(repeatCallerHashKey(masterKey, undefined)).toBe(deriveRepeatCallerHashKey(parseMasterKey(MASTER_HEX)));
  });
});
