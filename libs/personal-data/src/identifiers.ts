import { keyedHash } from './keyed-hash.js';

/** What finds a person again across cases: their resident ID number, else their phone number. */
export type IdentifierKind = 'id_number' | 'phone';

/** A person's identifier as the key store keeps it: a keyed hash, never the value. */
export interface PersonIdentifier {
  readonly kind: IdentifierKind;
  readonly hash: string;
}

/** `41010519900101123x ` → `41010519900101123X`. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/** Digits only, without the +86 / 0086 prefix of a mobile number (as the hotline stores phones). */
export function normalisePhoneNumber(raw: string): string {
  const digits = raw.replace(/[\s\-()（）]/g, '').replace(/^\+/, '');
  return /^(0086|86)1\d{10}$/.test(digits) ? digits.replace(/^(0086|86)/, '') : digits;
}

export function identifierHash(kind: IdentifierKind, raw: string, hashKey: string): string {
  const value = kind === 'id_number' ? normaliseIdNumber(raw) : normalisePhoneNumber(raw);
  // The kind is hashed with the value: the key store's hashes never equal a read model's phone hashes.
  return keyedHash(`${kind}:${value}`, hashKey);
}

/**
 * The identifiers of a person object (`{idNumber?, phone?}`), the one that finds them first: the ID
 * number when given, else the phone. Empty when neither is given (anonymous callers).
 */
export function personIdentifiers(person: unknown, hashKey: string): PersonIdentifier[] {
  if (person === null || typeof person !== 'object') return [];
  const { idNumber, phone } = person as { idNumber?: unknown; phone?: unknown };
  const identifiers: PersonIdentifier[] = [];
  if (typeof idNumber === 'string' && idNumber.trim()) identifiers.push({ kind: 'id_number', hash: identifierHash('id_number', idNumber, hashKey) });
  if (typeof phone === 'string' && phone.trim()) identifiers.push({ kind: 'phone', hash: identifierHash('phone', phone, hashKey) });
  return identifiers;
}
