/**
 * 用户管理 over HTTP: administrators list, create, change, disable, enable users and reset their
 * passwords; nobody else may. No answer carries a password or a hash, and every change is in the
 * identity audit (who, when, what, whom).
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { identityChangesOf } from '#identity';

describe('user administration over HTTP', () => {
  let system: TestCasework;
  let admin: ApiClient;
  let adminId: string;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestCasework();
    admin = system.admin;
    adminId = (await admin.get('/api/auth/me')).body.id;
  }, 60_000);

  afterAll(() => system?.stop());

  const newUserBody = (overrides: Record<string, unknown> = {}) => ({
    username: `admin.test${++serial}`,
    password: 'a-long-passw0rd',
    displayName: '张敏',
    role: 'caseworker',
    orgUnitId: '410105',
    ...overrides,
  });
  const patch = (id: string, body: unknown) => admin.request<any>('PATCH', `/api/users/${id}`, body);

  it('creates a user and lists every user with unit name, role and disabled flag — never a password or hash', async () => {
    const body = newUserBody();
    const created = await admin.post('/api/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: body.username, role: 'caseworker', orgUnitId: '410105', orgUnitName: '金水区总工会', disabled: false });
    const { body: users } = await admin.get('/api/users');
    expect(users.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', body.username]));
    expect(users.find((u: { username: string }) => u.username === 'admin')).toMatchObject({ role: 'admin', orgUnitName: '郑州市总工会', disabled: false });
    const text = JSON.stringify([created.body, users]);
    expect(text).not.toMatch(/password|argon2|a-long-passw0rd/i);
  });

  it('refuses a taken username, bad fields and a mediator outside a mediation room, naming each field in Chinese', async () => {
    const body = newUserBody();
    await admin.post('/api/users', body);
    const taken = await admin.post('/api/users', { ...body, displayName: '另一人' });
    expect([taken.status, taken.body.errors]).toEqual([400, [expect.objectContaining({ field: 'username', rule: 'unique' })]]);
    const bad = await admin.post('/api/users', newUserBody({ username: 'X', password: 'short', orgUnitId: '999999' }));
    expect(bad.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(['username:pattern', 'password:min_length', 'orgUnitId:exists']);
    const mediator = await admin.post('/api/users', newUserBody({ role: 'mediator', orgUnitId: '410105' }));
    expect(mediator.body.errors).toEqual([expect.objectContaining({ field: 'orgUnitId', rule: 'role_matches_unit', message: expect.stringMatching(/调解/) })]);
  });

  it('changes a user\'s name, role and unit, and only those', async () => {
    const { body: user } = await admin.post('/api/users', newUserBody());
    const changed = await patch(user.id, { displayName: '张敏华', role: 'supervisor', orgUnitId: '410103' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: user.id, username: user.username, displayName: '张敏华', role: 'supervisor', orgUnitId: '410103', orgUnitName: '二七区总工会' });
    expect((await patch(user.id, { username: 'renamed' })).body.errors).toEqual([expect.objectContaining({ field: 'username', rule: 'unknown_field' })]);
    expect((await patch(user.id, { orgUnitId: '999999' })).body.errors).toEqual([expect.objectContaining({ field: 'orgUnitId', rule: 'exists' })]);
    expect((await patch(user.id, { role: 'root' })).body.errors).toEqual([expect.objectContaining({ field: 'role', rule: 'one_of' })]);
  });

  it('answers 404 user_not_found for an unknown or malformed user id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-user']) {
      for (const response of [await patch(id, { displayName: '某人' }), await admin.post(`/api/users/${id}/disable`), await admin.post(`/api/users/${id}/reset-password`)]) {
        expect([response.status, response.body.code]).toEqual([404, 'user_not_found']);
      }
    }
  });

  it('lets no administrator disable themselves or change their own role', async () => {
    const disable = await admin.post(`/api/users/${adminId}/disable`);
    expect([disable.status, disable.body.code]).toEqual([422, 'cannot_disable_self']);
    const demote = await patch(adminId, { role: 'caseworker' });
    expect([demote.status, demote.body.code]).toEqual([422, 'cannot_change_own_role']);
    expect((await admin.get('/api/auth/me')).body.role).toBe('admin');
  });

  it('refuses every user endpoint to anyone but an administrator, changing nothing', async () => {
    const { body: target } = await admin.post('/api/users', newUserBody());
    const supervisor = await system.userClient({ username: `admin.sup${++serial}`, role: 'supervisor', orgUnitId: '410100' });
    const attempts = [
      await supervisor.get('/api/users'),
      await supervisor.post('/api/users', newUserBody()),
      await supervisor.request<any>('PATCH', `/api/users/${target.id}`, { role: 'admin' }),
      await supervisor.post(`/api/users/${target.id}/disable`),
      await supervisor.post(`/api/users/${target.id}/enable`),
      await supervisor.post(`/api/users/${target.id}/reset-password`),
    ];
    expect(attempts.map((a) => `${a.status} ${a.body.code}`)).toEqual(Array(6).fill('403 forbidden'));
    expect((await admin.get('/api/users')).body.find((u: { id: string }) => u.id === target.id)).toMatchObject({ role: 'caseworker', disabled: false });
  });

  it('records every change in the identity audit: who, when, what and whom, never a password', async () => {
    const { body: user } = await admin.post('/api/users', newUserBody());
    await patch(user.id, { role: 'supervisor' });
    await patch(user.id, { role: 'supervisor' }); // no change, no entry
    await admin.post(`/api/users/${user.id}/disable`);
    await admin.post(`/api/users/${user.id}/enable`);
    const { body: reset } = await admin.post(`/api/users/${user.id}/reset-password`);
    const changes = await identityChangesOf(system.app.runtime.dataSource, 'user', user.id);
    expect(changes.map((c) => c.action)).toEqual(['user_created', 'user_updated', 'user_disabled', 'user_enabled', 'user_password_reset']);
    for (const change of changes) expect(change).toMatchObject({ actor: { userId: adminId, username: 'admin' }, targetKind: 'user', targetId: user.id, at: expect.any(Date) });
    expect(changes[1].details).toEqual({ changes: { role: { from: 'caseworker', to: 'supervisor' } } });
    expect(JSON.stringify(changes)).not.toMatch(new RegExp(`password_hash|argon2|a-long-passw0rd|${reset.temporaryPassword}`));
  });
});
