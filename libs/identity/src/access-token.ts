import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from './user.entity.js';

/** What a bearer token asserts. Signed with HMAC-SHA256 (a JWT with alg HS256). */
export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly unit: string;
  readonly username: string;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function signAccessToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** The claims of a well-signed, unexpired token; `null` for anything else. */
export function verifyAccessToken(token: string, secret: string, now = new Date()): TokenClaims | null {
  const [header, payload, signature] = token.split('.');
  if (header !== HEADER || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    return claims.exp * 1000 > now.getTime() ? claims : null;
  } catch {
    return null;
  }
}
