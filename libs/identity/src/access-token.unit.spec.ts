import { readAccessToken, signAccessToken, verifyAccessToken, type TokenClaims } from './access-token.js';

const claims: TokenClaims = { sub: 'u1', role: 'caseworker', unit: '410105', username: 'li', jti: 's1', exp: 2_000_000_000 };

describe('access tokens', () => {
  it('verify the claims they were signed with', () => {
    expect(verifyAccessToken(signAccessToken(claims, 'secret'), 'secret')).toEqual(claims);
  });

  it('are refused when signed with another secret', () => {
    expect(verifyAccessToken(signAccessToken(claims, 'other'), 'secret')).toBeNull();
  });

  it('are refused when the payload was changed', () => {
    const [h, , s] = signAccessToken(claims, 'secret').split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(verifyAccessToken(`${h}.${forged}.${s}`, 'secret')).toBeNull();
  });

  it('are refused after they expire, and say so', () => {
    const token = signAccessToken({ ...claims, exp: 1_000 }, 'secret');
    expect(verifyAccessToken(token, 'secret', new Date(1_001_000))).toBeNull();
    expect(readAccessToken(token, 'secret', new Date(1_001_000))).toEqual({ problem: 'expired' });
    expect(readAccessToken(token, 'secret', new Date(999_000))).toEqual({ claims: { ...claims, exp: 1_000 } });
  });

  it('are invalid without a session id, even when well signed', () => {
    const { jti: _, ...withoutSession } = claims;
    expect(readAccessToken(signAccessToken(withoutSession as TokenClaims, 'secret'), 'secret')).toEqual({ problem: 'invalid' });
  });

  it('call a forged token invalid, not expired, whatever its expiry', () => {
    const expiredForgery = signAccessToken({ ...claims, exp: 1_000 }, 'other');
    expect(readAccessToken(expiredForgery, 'secret')).toEqual({ problem: 'invalid' });
  });
});
