import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Bound to the key's subject and the attachment: bytes moved to another attachment or person do not decrypt. */
function context(subject: string, attachmentId: string): Buffer {
  return Buffer.from(`${subject}\u0000attachment\u0000${attachmentId}`, 'utf8');
}

/** AES-256-GCM as the field cipher does, with a fresh random IV: `iv | tag | ciphertext`. */
export function encryptContent(plain: Buffer, key: Buffer, subject: string, attachmentId: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(context(subject, attachmentId));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

export function decryptContent(stored: Buffer, key: Buffer, subject: string, attachmentId: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(0, IV_BYTES));
  decipher.setAAD(context(subject, attachmentId));
  decipher.setAuthTag(stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
