import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key that wraps every person's data key (envelope encryption). It never leaves the process:
 * the key store holds only wrapped data keys, so a copy of the key store alone decrypts nothing.
 */
export class MasterKey {
  /** Stored beside each wrapped key: a wrong master key is reported as such, not as tampering. */
  readonly id: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new RangeError(`A master key has ${KEY_BYTES} bytes, not ${key.length}`);
    this.id = createHash('sha256').update('casework-master-key-id\u0000').update(key).digest('hex').slice(0, 16);
  }

  static generate(): MasterKey {
    return new MasterKey(randomBytes(KEY_BYTES));
  }

  /** A fresh random data key for one person. */
  static newDataKey(): Buffer {
    return randomBytes(KEY_BYTES);
  }

  /** `iv ‖ tag ‖ ciphertext`, bound to the subject: a wrapped key moved to another subject does not unwrap. */
  wrap(dataKey: Buffer, subject: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(subject, 'utf8'));
    const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  }

  unwrap(wrapped: Buffer, subject: string): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(subject, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /**
   * A secret for one purpose, derived from the master key (HMAC-SHA256), so it lives wherever the
   * master key lives — never in a database beside what it protects.
   */
  deriveKey(purpose: string): string {
    return createHmac('sha256', this.key).update(`union-casework/${purpose}`).digest('base64url');
  }

  /**
   * HKDF-SHA256 (RFC 5869) of the master key, without salt, for a fixed `info` label: a secret that
   * this master key alone reproduces, in any process and after any restore of the database.
   */
  hkdf(info: string, bytes = KEY_BYTES): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), info, bytes));
  }

  /** Never print the key by accident (`console.log(masterKey)`, a JSON dump of the runtime). */
  toJSON(): string {
    return `MasterKey(${this.id})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toJSON();
  }
}
