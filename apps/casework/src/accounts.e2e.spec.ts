/**
 * 账号与密码 over HTTP (issue 17.3): a user changes their own password; a temporary password must be
 * changed before anything else; passwords people choose pass the policy; failed log-ins are slowed
 * per source address as well as per username, and a burst of correct log-ins is never refused.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '#testing';
import { startCasework } from '#casework-runtime';
import { startTestCasework, type TestCasework } from '#casework-testing';
import { ApiClient } from '#casework-testing';
import { postFrom } from '#casework-testing';

const JINSHUI = '410105';
const CHINESE = /[\u4e00-\u9fa5]/;

describe('accounts and passwords', () => {
  let system: TestCasework;
  let serial = 0;
  let address = 10;

  beforeAll(async () => {
    system = await startTestCasework();
  }, 60_000);

  afterAll(() => system?.stop());

  /** A fresh loopback address per test: the address throttle counts each apart. */
  const nextAddress = () => `127.0.0.${++address}`;
  const logInFrom = (from: string, username: string, password: string) => postFrom(from, `${system.app.url}/api/auth/login`, { username, password });

  async function newUser(extra: Record<string, unknown> = {}) {
    const username = `account.user${++serial}`;
    const password = `Quiet-lantern-${serial}-harbour`;
    const created = await system.admin.post('/api/users', { username, password, displayName: '账号测试', role: 'caseworker', orgUnitId: JINSHUI, ...extra });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, username, password };
  }

  const changePassword = (client: ApiClient, currentPassword: string, newPassword: string) => client.post('/api/auth/password', { currentPassword, newPassword });

  it('changes the signed-in user\'s own password: the old one and every old session stop working, the answered token works', async () => {
    const user = await newUser();
    const [first, second] = [await ApiClient.login(system.app.url, user.username, user.password), await ApiClient.login(system.app.url, user.username, user.password)];
    const changed = await changePassword(first, user.password, 'Moonlit-ferry-crossing-88');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ accessToken: expect.any(String), mustChangePassword: false, user: { username: user.username } });
    expect(JSON.stringify(changed.body)).not.toContain('Moonlit');
    for (const old of [first, second]) expect((await old.get('/api/auth/me')).body.code).toBe('session_revoked');
    expect((await new ApiClient(system.app.url, changed.body.accessToken).get('/api/auth/me')).status).toBe(200);
    expect((await new ApiClient(system.app.url).post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(401);
    expect((await new ApiClient(system.app.url).post('/api/auth/login', { username: user.username, password: 'Moonlit-ferry-crossing-88' })).status).toBe(200);
    const audit = JSON.stringify(await system.app.runtime.dataSource.query("SELECT * FROM identity_audit WHERE action = 'user_password_changed' AND target_id = $1", [user.id]));
    expect(audit).toContain('user_password_changed');
    expect(audit).not.toMatch(/Moonlit|Quiet-lantern/);
  });

  it('refuses a wrong current password with a Chinese message on that field, and slows repeated guesses like log-ins', async () => {
    const user = await newUser();
    const client = await ApiClient.login(system.app.url, user.username, user.password);
    const wrong = await changePassword(client, 'not-my-password', 'Moonlit-ferry-crossing-88');
    expect([wrong.status, wrong.body.code]).toEqual([400, 'validation_failed']);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'currentPassword', rule: 'wrong_password', message: expect.stringMatching(CHINESE) });
    for (let i = 0; i < 4; i++) await changePassword(client, `guess-${i}`, 'Moonlit-ferry-crossing-88');
    const slowed = await changePassword(client, user.password, 'Moonlit-ferry-crossing-88');
    expect([slowed.status, slowed.body.code]).toEqual([429, 'too_many_attempts']);
  });

  it.each([
    ['ten spaces', '          '],
    ['aaaaaaaaaa', 'aaaaaaaaaa'],
    ['1234567890', '1234567890'],
    ['the username itself', '<username>'],
    ['zhangwei1990', 'zhangwei1990'],
    ['13812345678', '13812345678'],
    ['19900101abc', '19900101abc'],
  ])('refuses %s as a new password, saying why in Chinese', async (_, weak) => {
    const user = await newUser();
    const client = await ApiClient.login(system.app.url, user.username, user.password);
    const refused = await changePassword(client, user.password, weak === '<username>' ? user.username : weak);
    expect([refused.status, refused.body.code]).toEqual([400, 'validation_failed']);
    expect(refused.body.errors[0]).toMatchObject({ field: 'newPassword', rule: expect.stringMatching(/^(weak_password|min_length)$/), message: expect.stringMatching(CHINESE) });
    if (weak !== '<username>') expect(refused.body.errors[0].rule).toBe('weak_password');
  });

  it('applies the policy to a password an administrator chooses for a new user', async () => {
    const refused = await system.admin.post('/api/users', { username: 'weak.choice', password: 'weak.choice2024', displayName: '弱密码', role: 'caseworker', orgUnitId: JINSHUI });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'password', rule: 'weak_password' });
  });

  it('makes a user with a reset password change it before anything else', async () => {
    const user = await newUser();
    const { temporaryPassword } = (await system.admin.post(`/api/users/${user.id}/reset-password`)).body;
    const loggedIn = await new ApiClient(system.app.url).post('/api/auth/login', { username: user.username, password: temporaryPassword });
    expect(loggedIn.body.mustChangePassword).toBe(true);
    const client = new ApiClient(system.app.url, loggedIn.body.accessToken);
    for (const refused of [await client.get('/api/cases'), await client.get('/api/complaints/overdue'), await client.post('/api/complaints', {})]) {
      expect([refused.status, refused.body.code]).toEqual([403, 'password_change_required']);
      expect(refused.body.message).toMatch(CHINESE);
    }
    expect((await client.get('/api/auth/me')).body).toMatchObject({ username: user.username, mustChangePassword: true });
    const changed = await changePassword(client, temporaryPassword, 'Moonlit-ferry-crossing-77');
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await new ApiClient(system.app.url, changed.body.accessToken).get('/api/cases')).status).toBe(200);
  });

  it('makes a new user change a password the administrator marked temporary, and only then', async () => {
    const temporary = await newUser({ mustChangePassword: true });
    const chosen = await newUser();
    const forced = await ApiClient.login(system.app.url, temporary.username, temporary.password);
    expect((await forced.get('/api/cases')).body.code).toBe('password_change_required');
    const free = await ApiClient.login(system.app.url, chosen.username, chosen.password);
    expect((await free.get('/api/cases')).status).toBe(200);
    expect((await forced.request('POST', '/api/auth/logout')).status).toBe(204);
  });

  it('slows one source address spraying a few passwords over many usernames', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => newUser()));
    const from = nextAddress();
    const statuses: number[] = [];
    for (const guess of ['123456789a', 'Password1!', 'zhangwei1990', 'qwertyuiop'])
      for (const user of users) statuses.push((await logInFrom(from, user.username, guess)).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(20);
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect((await logInFrom(from, users[0].username, users[0].password)).status).toBe(429);
    expect((await logInFrom(nextAddress(), users[0].username, users[0].password)).status).toBe(200);
  });

  it('does not let a client escape the address limit by sending X-Forwarded-For (no proxy is trusted)', async () => {
    const user = await newUser();
    const from = nextAddress();
    for (let i = 0; i < 20; i++) await postFrom(from, `${system.app.url}/api/auth/login`, { username: `nobody.${i}`, password: 'wrong-password-1' }, { 'x-forwarded-for': `10.0.${i}.1` });
    const answer = await postFrom(from, `${system.app.url}/api/auth/login`, { username: user.username, password: user.password }, { 'x-forwarded-for': '10.1.1.1' });
    expect(answer.status).toBe(429);
  });

  it('lets sixteen parallel correct log-ins of one user all succeed', async () => {
    const user = await newUser();
    const from = nextAddress();
    const answers = await Promise.all(Array.from({ length: 16 }, () => logInFrom(from, user.username, user.password)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(16).fill(200));
  });

  it('still stops a burst of parallel wrong guesses after five', async () => {
    const user = await newUser();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => logInFrom(nextAddress(), user.username, `wrong-guess-${i}`)));
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(7);
  });

  it('answers a NUL byte or another control character in the log-in name with 400 naming the field', async () => {
    for (const username of ['a\u0000b', '\u0000', 'admin\u0000', 'ad\u007fmin', 'ad\u2028min']) {
      const answer = await new ApiClient(system.app.url).post('/api/auth/login', { username, password: 'whatever-password' });
      expect([answer.status, answer.body.errors?.[0]?.field]).toEqual([400, 'username']);
    }
  });
});

describe('the administrator created on first start', () => {
  it('must change a generated password before anything else, but not one set by the operator', async () => {
    const db = await createTestDatabase();
    const app = await startCasework({ databaseUrl: db.url, dataDir: mkdtempSync(join(tmpdir(), 'casework-accounts-')), port: 0, log: false });
    try {
      const admin = await ApiClient.login(app.url, 'admin', app.generatedAdminPassword!);
      expect((await admin.get('/api/users')).body.code).toBe('password_change_required');
      const changed = await admin.post('/api/auth/password', { currentPassword: app.generatedAdminPassword, newPassword: 'Federation-ledger-Quiet-19' });
      expect(changed.status).toBe(200);
      expect((await new ApiClient(app.url, changed.body.accessToken).get('/api/users')).status).toBe(200);
    } finally {
      await app.stop();
      await db.drop();
    }
  }, 60_000);
});
