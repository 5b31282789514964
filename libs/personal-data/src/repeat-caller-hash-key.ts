import type { MasterKey } from './cipher/master-key.js';

/** The HKDF `info` label of the repeat-caller hash key. Changing it changes every hash: never do. */
export const REPEAT_CALLER_HASH_KEY_INFO = 'union-casework/hotline/repeat-caller-keyed-hash/v1';

/**
 * The key of the keyed hashes (HMAC-SHA256) that find the same caller's phone again without keeping
 * it in clear, derived from the master key with HKDF-SHA256: the hashes can be rebuilt from the master
 * key alone, and a copy of the database without it cannot test a known phone number against them.
 */
export function deriveRepeatCallerHashKey(masterKey: MasterKey): string {
  return masterKey.hkdf(REPEAT_CALLER_HASH_KEY_INFO).toString('base64url');
}

/**
 * The key to use: the random secret an installation stored before the key was derived, if it has
 * one (its hashes were made with it), else the derived key. The master key is only asked for then.
 */
export function repeatCallerHashKey(masterKey: MasterKey | (() => MasterKey), storedSecret: string | undefined): string {
  if (storedSecret) return storedSecret;
  return deriveRepeatCallerHashKey(typeof masterKey === 'function' ? masterKey() : masterKey);
}

/** The HKDF `info` label of the key that signs access tokens. Changing it ends every session. */
export const TOKEN_SIGNING_KEY_INFO = 'union-casework/identity/token-signing/v1';

/**
 * The key that signs access tokens, derived from the master key (HKDF-SHA256): it lives wherever the
 * master key lives — DATA_DIR or CASEWORK_MASTER_KEY — and never in the database, so a copy of every
 * table cannot sign a token (issue 17).
 */
export function deriveTokenSigningKey(masterKey: MasterKey): string {
  return masterKey.hkdf(TOKEN_SIGNING_KEY_INFO).toString('base64url');
}
