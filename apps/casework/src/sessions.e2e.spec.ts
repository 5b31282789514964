/**
 * Sessions over HTTP: every token names a session (`user_sessions`), which log-out, disabling the
 * user and a password reset end at once (401 `session_revoked`), and which expires on its own
 * (401 `session_expired`, here with the short-lifetime option).
 */
import { startTestCasework, TEST_ADMIN_PASSWORD, type TestCasework } from '#casework-testing';
import { ApiClient } from '#casework-testing';
import { randomUUID } from 'node:crypto';
import { signAccessToken } from '#identity';

const JINSHUI = '410105';

describe('sessions over HTTP', () => {
  let system: TestCasework;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestCasework();
  }, 60_000);

  afterAll(() => system?.stop());

  /** A caseworker of 金水区 created by the administrator; returns their id, password and a way to log in. */
  async function newUser() {
    const username = `session.user${++serial}`;
    const password = `Quiet-harbour-${serial}-passw0rd`;
    const created = await system.admin.post('/api/users', { username, password, displayName: '会话测试', role: 'caseworker', orgUnitId: JINSHUI });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, username, password, logIn: () => ApiClient.login(system.app.url, username, password) };
  }

  const logout = (client: ApiClient) => client.request('POST', '/api/auth/logout');
  const me = (client: ApiClient) => client.get('/api/auth/me');
  const codeOf = async (client: ApiClient) => {
    const answer = await me(client);
    return answer.status === 200 ? 200 : `${answer.status} ${answer.body.code}`;
  };

  it('logs out: that token stops working at once, the same user\'s other sessions carry on', async () => {
    const user = await newUser();
    const [laptop, phone] = [await user.logIn(), await user.logIn()];
    expect((await logout(laptop)).status).toBe(204);
    expect(await codeOf(laptop)).toBe('401 session_revoked');
    expect((await me(laptop)).body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await codeOf(phone)).toBe(200);
    expect((await logout(laptop)).status).toBe(401);
  });

  it('records each session: who, when issued, when it expires, when and why it ended', async () => {
    const user = await newUser();
    const client = await user.logIn();
    await logout(client);
    const rows = await system.app.runtime.dataSource.query('SELECT issued_at, expires_at, revoked_at, revoked_reason FROM user_sessions WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].expires_at.getTime() - rows[0].issued_at.getTime()).toBe(8 * 3600 * 1000);
    expect(rows[0]).toMatchObject({ revoked_reason: 'logout', revoked_at: expect.any(Date) });
  });

  it('ends every session of a disabled user, refuses their log-in like a wrong password, and lets them back when enabled', async () => {
    const user = await newUser();
    const sessions = [await user.logIn(), await user.logIn()];
    const disabled = await system.admin.post(`/api/users/${user.id}/disable`);
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    for (const session of sessions) expect(await codeOf(session)).toBe('401 session_revoked');
    const refused = await new ApiClient(system.app.url).post('/api/auth/login', { username: user.username, password: user.password });
    const wrong = await new ApiClient(system.app.url).post('/api/auth/login', { username: user.username, password: 'not-the-password' });
    expect(refused).toEqual(wrong);
    expect((await system.admin.post(`/api/users/${user.id}/enable`)).body.disabled).toBe(false);
    expect(await codeOf(await user.logIn())).toBe(200);
    expect(await codeOf(sessions[0])).toBe('401 session_revoked');
  });

  it('resets a password: a temporary one shown once, every session ended, only the new password works', async () => {
    const user = await newUser();
    const before = await user.logIn();
    const reset = await system.admin.post(`/api/users/${user.id}/reset-password`);
    expect(reset.status).toBe(200);
    const { temporaryPassword } = reset.body;
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await codeOf(before)).toBe('401 session_revoked');
    await expect(user.logIn()).rejects.toThrow(/401/);
    expect(await codeOf(await ApiClient.login(system.app.url, user.username, temporaryPassword))).toBe(200);
    const everything = JSON.stringify([(await system.admin.get('/api/users')).body, await system.app.runtime.dataSource.query('SELECT * FROM identity_audit')]);
    expect(everything).not.toContain(temporaryPassword);
  });

  it('applies a change of unit at the next request, without a new log-in', async () => {
    const user = await newUser();
    const client = await user.logIn();
    expect((await client.get('/api/stats/hotline?unit=410103')).status).toBe(403);
    await system.admin.request('PATCH', `/api/users/${user.id}`, { orgUnitId: '410103' });
    expect((await client.get('/api/stats/hotline?unit=410103')).status).toBe(200);
    expect((await me(client)).body).toMatchObject({ orgUnitId: '410103', orgUnitName: '二七区总工会' });
  });

  it('refuses a missing, malformed, forged or session-less token as unauthenticated', async () => {
    const user = await newUser();
    const token = (await new ApiClient(system.app.url).post('/api/auth/login', { username: user.username, password: user.password })).body.accessToken as string;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    const secret = system.app.runtime.tokenSecret;
    const noSuchSession = signAccessToken({ ...claims, jti: randomUUID() }, secret);
    const { jti: _, ...withoutSession } = claims;
    const sessionless = signAccessToken(withoutSession, secret);
    for (const bearer of [undefined, 'garbage', forged, `${token}x`, noSuchSession, sessionless]) {
      expect(await codeOf(new ApiClient(system.app.url, bearer))).toBe('401 unauthenticated');
    }
    expect(claims).toEqual(expect.objectContaining({ jti: expect.any(String), sub: user.id }));
  });
});

describe('sessions with a short lifetime', () => {
  const LIFETIME_SECONDS = 4;
  let system: TestCasework;

  beforeAll(async () => {
    system = await startTestCasework({ sessionLifetimeSeconds: LIFETIME_SECONDS });
  }, 60_000);

  afterAll(() => system?.stop());

  it('expire on their own with 401 session_expired, and a new log-in works', async () => {
    const login = await new ApiClient(system.app.url).post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    const expiresAt = Date.parse(login.body.expiresAt);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(LIFETIME_SECONDS * 1000);
    const client = new ApiClient(system.app.url, login.body.accessToken);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt - Date.now() + 100));
    const expired = await client.get('/api/auth/me');
    expect([expired.status, expired.body.code]).toEqual([401, 'session_expired']);
    expect(expired.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await (await ApiClient.login(system.app.url, 'admin', TEST_ADMIN_PASSWORD)).get('/api/auth/me')).status).toBe(200);
  });
});
