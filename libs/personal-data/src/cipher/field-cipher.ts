import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How an encrypted personal value is stored inside an event's data (base64url strings). */
export interface EncryptedValue {
  /** The person whose data key encrypted it (a random id, not derived from the value). */
  readonly subject: string;
  readonly iv: string;
  readonly data: string;
  readonly tag: string;
}

export interface EncryptedField {
  readonly $enc: EncryptedValue;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

export function isEncryptedField(value: unknown): value is EncryptedField {
  if (value === null || typeof value !== 'object' || !('$enc' in value)) return false;
  const enc = (value as EncryptedField).$enc;
  return enc !== null && typeof enc === 'object' && typeof enc.subject === 'string' && typeof enc.data === 'string';
}

/**
 * The authenticated context of a field: the event and the path it sits at. A ciphertext copied into
 * another event or another field fails to decrypt instead of showing one person's value as another's.
 */
export function fieldContext(eventId: string, path: string): string {
  return `${eventId}\u0000${path}`;
}

/**
 * AES-256-GCM of the value's JSON under the person's data key, with a fresh random 96-bit IV every
 * time: an IV is never reused with one key, whatever is encrypted (see the ADR on why not a
 * deterministic IV). A data key encrypts only one person's few fields, far below GCM's limits.
 */
export function encryptField(value: unknown, key: Buffer, subject: string, context: string): EncryptedField {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(`${subject}\u0000${context}`, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { $enc: { subject, iv: iv.toString('base64url'), data: data.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') } };
}

/** The value, or an error when the key, the context or the stored bytes do not match (tampering). */
export function decryptField(field: EncryptedField, key: Buffer, context: string): unknown {
  const { subject, iv, data, tag } = field.$enc;
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`${subject}\u0000${context}`, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}
