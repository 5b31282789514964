import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from a name: the same command retried yields the same event ids
 * and the same new case id, so a concurrent duplicate is written once by the store.
 */
export function deterministicUuid(...parts: readonly string[]): string {
  const bytes = createHash('sha1').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A short stable digest of what a request asks for, to tell a retry from a different request. */
export function requestFingerprint(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
