import type { MasterKey } from '#personal-data';

/**
 * Names the master key a backup belongs to without holding it: an HMAC of a fixed label keyed with
 * the master key (its `deriveKey`). The key itself is never in a backup (docs/operations.md).
 */
export function keyFingerprintOf(masterKey: MasterKey): string {
  return `hmac-sha256:${masterKey.deriveKey('backup/key-fingerprint/v1')}`;
}
