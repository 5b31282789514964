import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from './user.entity.js';

/** What a bearer token asserts. Signed with HMAC-SHA256 (a JWT with alg HS256). */
export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly unit: string;
  readonly username: string;
  /** The session (`user_sessions.id`): revoking it ends the token before it expires. */
  readonly jti: string;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

/** A token read: its claims, or why it cannot be used. */
export type TokenReading = { readonly claims: TokenClaims } | { readonly problem: 'invalid' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export function signAccessToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** Checks the signature, then the expiry; a token without a session id is invalid. */
export function readAccessToken(token: string, secret: string, now = new Date()): TokenReading {
  const [header, payload, signature, extra] = token.split('.');
  if (header !== HEADER || !payload || !signature || extra !== undefined) return { problem: 'invalid' };
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'invalid' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { problem: 'invalid' };
  }
  if (typeof claims.jti !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return { problem: 'invalid' };
  return claims.exp * 1000 > now.getTime() ? { claims } : { problem: 'expired' };
}

/** The claims of a well-signed, unexpired token; `null` for anything else. */
export function verifyAccessToken(token: string, secret: string, now = new Date()): TokenClaims | null {
  const reading = readAccessToken(token, secret, now);
  return 'claims' in reading ? reading.claims : null;
}
