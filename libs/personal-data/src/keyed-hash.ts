import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of a personal value under a deployment secret: lets us find "the same phone number"
 * or "the same ID number" without storing the value in clear, and cannot be reversed by trying
 * every phone number without the key. Normalise the value before hashing.
 */
export function keyedHash(value: string, key: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}
