import { randomBytes } from 'node:crypto';
import { decryptField, encryptField, fieldContext, isEncryptedField } from './field-cipher.js';

describe('encrypting one personal field (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const context = fieldContext('6f1c7c1e-0000-4000-8000-000000000001', 'caller.phone');

  it('gives the value back with the same key and context', () => {
    const field = encryptField('13812345678', key, 'subject-1', context);

    expect(isEncryptedField(field)).toBe(true);
    expect(field.$enc.subject).toBe('subject-1');
    expect(JSON.stringify(field)).not.toContain('13812345678');
    expect(decryptField(field, key, context)).toBe('13812345678');
  });

  it('keeps the type of non-text values', () => {
    expect(decryptField(encryptField({ street: '花园路1号' }, key, 's', context), key, context)).toEqual({ street: '花园路1号' });
  });

  it('uses a fresh IV every time, so the same value never encrypts to the same bytes', () => {
    const first = encryptField('13812345678', key, 's', context);
    const second = encryptField('13812345678', key, 's', context);

    expect(first.$enc.iv).not.toBe(second.$enc.iv);
    expect(first.$enc.data).not.toBe(second.$enc.data);
  });

  it('refuses a wrong key', () => {
    const field = encryptField('13812345678', key, 's', context);
    expect(() => decryptField(field, randomBytes(32), context)).toThrow();
  });

  it('refuses a ciphertext moved to another field or another event', () => {
    const field = encryptField('13812345678', key, 's', context);
    expect(() => decryptField(field, key, fieldContext('6f1c7c1e-0000-4000-8000-000000000001', 'caller.idNumber'))).toThrow();
    expect(() => decryptField(field, key, fieldContext('6f1c7c1e-0000-4000-8000-000000000002', 'caller.phone'))).toThrow();
  });

  it('refuses a ciphertext moved to another subject', () => {
    const field = encryptField('13812345678', key, 's', context);
    expect(() => decryptField({ $enc: { ...field.$enc, subject: 'other' } }, key, context)).toThrow();
  });

  it('refuses altered bytes', () => {
    const field = encryptField('13812345678', key, 's', context);
    const bytes = Buffer.from(field.$enc.data, 'base64url');
    bytes[0] ^= 1;
    expect(() => decryptField({ $enc: { ...field.$enc, data: bytes.toString('base64url') } }, key, context)).toThrow();
  });
});
