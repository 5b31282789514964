/**
 * 管理范围 over HTTP (issue 17.2): a district's administrator manages the users and units of that
 * district only — never the city's, never another district's, never their own role or unit — and
 * every change to a user is shown to the supervisors of the units it concerns, by name.
 */
import { startTestCasework, TEST_USER_PASSWORD, type TestCasework } from '#casework-testing';
import { ApiClient } from '#casework-testing';

describe('administrators act within their own unit and below', () => {
  let system: TestCasework;
  let cityAdmin: ApiClient;
  let jinshuiAdmin: ApiClient;
  let jinshuiAdminId: string;
  let cityAdminId: string;
  let citySupervisorId: string;
  let erqiSupervisorId: string;
  let jinshuiSupervisor: ApiClient;
  let erqiSupervisor: ApiClient;
  let citySupervisor: ApiClient;
  let serial = 0;

  const idOf = async (client: ApiClient) => (await client.get('/api/auth/me')).body.id as string;
  const newUser = (overrides: Record<string, unknown>) => ({ username: `scope.user${++serial}`, password: 'Tq8-jade-river-Kw3m', displayName: `用户${serial}`, role: 'caseworker', orgUnitId: '410105', ...overrides });
  const codeOf = (response: { status: number; body: { code?: string } }) => `${response.status} ${response.body.code}`;

  beforeAll(async () => {
    system = await startTestCasework();
    cityAdmin = system.admin;
    cityAdminId = await idOf(cityAdmin);
    jinshuiAdmin = await system.userClient({ username: 'jinshui.admin', role: 'admin', orgUnitId: '410105' });
    jinshuiAdminId = await idOf(jinshuiAdmin);
    citySupervisor = await system.userClient({ username: 'city.supervisor', role: 'supervisor', orgUnitId: '410100' });
    citySupervisorId = await idOf(citySupervisor);
    erqiSupervisor = await system.userClient({ username: 'erqi.supervisor', role: 'supervisor', orgUnitId: '410103' });
    erqiSupervisorId = await idOf(erqiSupervisor);
    jinshuiSupervisor = await system.userClient({ username: 'jinshui.supervisor', role: 'supervisor', orgUnitId: '410105' });
  }, 60_000);

  afterAll(() => system?.stop());

  it('refuses a district administrator a city supervisor, a move to the city, demoting the city administrator and resetting a supervisor elsewhere', async () => {
    const citySupervisorCreated = await jinshuiAdmin.post('/api/users', newUser({ role: 'supervisor', orgUnitId: '410100' }));
    const moveSelf = await jinshuiAdmin.request<any>('PATCH', `/api/users/${jinshuiAdminId}`, { orgUnitId: '410100' });
    const demote = await jinshuiAdmin.request<any>('PATCH', `/api/users/${cityAdminId}`, { role: 'caseworker' });
    const disableCityAdmin = await jinshuiAdmin.post(`/api/users/${cityAdminId}/disable`);
    const resetCity = await jinshuiAdmin.post(`/api/users/${citySupervisorId}/reset-password`);
    const resetErqi = await jinshuiAdmin.post(`/api/users/${erqiSupervisorId}/reset-password`);
    expect([citySupervisorCreated, moveSelf, demote, disableCityAdmin, resetCity, resetErqi].map(codeOf)).toEqual([
      '403 outside_admin_scope', '422 cannot_change_own_unit', '404 user_not_found', '404 user_not_found', '404 user_not_found', '404 user_not_found',
    ]);
    expect(citySupervisorCreated.body.message).toMatch(/本单位及下级单位/);
    // Nothing changed: the city administrator is one, the supervisors still log in with their own passwords.
    expect((await cityAdmin.get('/api/auth/me')).body).toMatchObject({ role: 'admin', orgUnitId: '410100' });
    expect((await jinshuiAdmin.get('/api/auth/me')).body.orgUnitId).toBe('410105');
    for (const username of ['city.supervisor', 'erqi.supervisor']) await expect(ApiClient.login(system.app.url, username, TEST_USER_PASSWORD)).resolves.toBeDefined();
    const { body: users } = await cityAdmin.get('/api/users');
    expect(users.filter((u: { username: string }) => u.username.startsWith('scope.user'))).toEqual([]);
  });

  it('lets a district administrator create, move, reset and disable the users of its district, and list only those', async () => {
    const { body: worker } = await jinshuiAdmin.post('/api/users', newUser({}));
    expect(worker.orgUnitId).toBe('410105');
    const supervisor = await jinshuiAdmin.post('/api/users', newUser({ role: 'supervisor', orgUnitId: '410105001' }));
    expect(supervisor.status).toBe(201);
    const moved = await jinshuiAdmin.request<any>('PATCH', `/api/users/${worker.id}`, { orgUnitId: '410105001' });
    expect([moved.status, moved.body.orgUnitId]).toEqual([200, '410105001']);
    const outward = await jinshuiAdmin.request<any>('PATCH', `/api/users/${worker.id}`, { orgUnitId: '410103' });
    expect(codeOf(outward)).toBe('403 outside_admin_scope');
    expect((await jinshuiAdmin.post(`/api/users/${worker.id}/reset-password`)).status).toBe(200);
    expect((await jinshuiAdmin.post(`/api/users/${worker.id}/disable`)).body.disabled).toBe(true);
    const { body: listed } = await jinshuiAdmin.get('/api/users');
    const units = new Set(listed.map((u: { orgUnitId: string }) => u.orgUnitId));
    expect([...units].every((unit) => String(unit).startsWith('410105'))).toBe(true);
    expect(listed.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['jinshui.admin', 'jinshui.supervisor', worker.username]));
    expect(listed.map((u: { username: string }) => u.username)).not.toContain('admin');
  });

  it('lets no administrator change their own role or unit, or disable themselves', async () => {
    const own = [
      await jinshuiAdmin.request<any>('PATCH', `/api/users/${jinshuiAdminId}`, { role: 'supervisor' }),
      await jinshuiAdmin.request<any>('PATCH', `/api/users/${jinshuiAdminId}`, { orgUnitId: '410105001' }),
      await jinshuiAdmin.post(`/api/users/${jinshuiAdminId}/disable`),
    ];
    expect(own.map(codeOf)).toEqual(['422 cannot_change_own_role', '422 cannot_change_own_unit', '422 cannot_disable_self']);
    expect((await jinshuiAdmin.request<any>('PATCH', `/api/users/${jinshuiAdminId}`, { displayName: '金水区管理员' })).status).toBe(200);
  });

  it('gives a mediator only rooms within the administrator\'s district, keeping rooms an administrator above gave', async () => {
    const { body: mediator } = await cityAdmin.post('/api/users', newUser({ role: 'mediator', orgUnitId: 'MR-410105' }));
    expect((await cityAdmin.request<any>('PUT', `/api/users/${mediator.id}/rooms`, { roomIds: ['MR-410100'] })).body.roomIds).toEqual(['MR-410100']);
    const elsewhere = await jinshuiAdmin.request<any>('PUT', `/api/users/${mediator.id}/rooms`, { roomIds: ['MR-410103'] });
    expect(codeOf(elsewhere)).toBe('403 outside_admin_scope');
    const cleared = await jinshuiAdmin.request<any>('PUT', `/api/users/${mediator.id}/rooms`, { roomIds: [] });
    expect(cleared.body.roomIds).toEqual(['MR-410100']);
  });

  it('lets a district administrator add and rename units only below its own unit', async () => {
    const station = { id: '410105011', name: '东风路街道职工维权服务站', kind: 'township', parentId: '410105' };
    expect((await jinshuiAdmin.post('/api/org-units', station)).status).toBe(201);
    const attempts = [
      await jinshuiAdmin.post('/api/org-units', { id: '410103011', name: '越权服务站', kind: 'township', parentId: '410103' }),
      await jinshuiAdmin.post('/api/org-units', { id: 'MR-410199', name: '越权调解室', kind: 'mediation_room', parentId: '410100' }),
      await jinshuiAdmin.request<any>('PATCH', '/api/org-units/410103', { name: '改名' }),
      await jinshuiAdmin.request<any>('PATCH', '/api/org-units/410105', { name: '改名' }),
    ];
    expect(attempts.map(codeOf)).toEqual(['403 outside_admin_scope', '403 outside_admin_scope', '404 org_unit_not_found', '403 outside_admin_scope']);
    expect((await jinshuiAdmin.request<any>('PATCH', `/api/org-units/${station.id}`, { name: '东风路街道服务站' })).status).toBe(200);
    const names = new Map(((await jinshuiAdmin.get('/api/org-units')).body as { id: string; name: string }[]).map((u) => [u.id, u.name]));
    expect([names.get('410103'), names.get('410105'), names.has('410103011'), names.has('MR-410199')]).toEqual(['二七区总工会', '金水区总工会', false, false]);
  });

  it('shows every change to a user to the supervisors of the user\'s units and above, by name, and to nobody else', async () => {
    const { body: worker } = await jinshuiAdmin.post('/api/users', newUser({ displayName: '审计对象' }));
    await jinshuiAdmin.request('PATCH', `/api/users/${worker.id}`, { role: 'supervisor' });
    await jinshuiAdmin.post(`/api/users/${worker.id}/reset-password`);
    await cityAdmin.request('PATCH', `/api/users/${worker.id}`, { orgUnitId: '410103' });
    const about = (items: any[]) => items.filter((i) => i.targetId === worker.id);

    const jinshuiView = about((await jinshuiSupervisor.get('/api/identity-audit')).body);
    expect(jinshuiView.map((i) => i.action)).toEqual(['user_updated', 'user_password_reset', 'user_updated', 'user_created']);
    expect(jinshuiView[3]).toMatchObject({
      actor: { username: 'jinshui.admin', displayName: '金水区管理员' }, targetName: '审计对象', targetUsername: worker.username,
      units: [{ id: '410105', name: '金水区总工会' }], details: expect.not.objectContaining({ password: expect.anything() }),
    });
    expect(jinshuiView[0]).toMatchObject({ actor: { username: 'admin', displayName: '系统管理员' }, units: [{ id: '410103', name: '二七区总工会' }, { id: '410105', name: '金水区总工会' }] });
    // 二七区 sees the user from the move on; the city sees everything.
    expect(about((await erqiSupervisor.get('/api/identity-audit')).body).map((i) => i.action)).toEqual(['user_updated']);
    expect(about((await citySupervisor.get('/api/identity-audit?unit=410105')).body)).toHaveLength(4);
    expect(JSON.stringify((await citySupervisor.get('/api/identity-audit')).body)).not.toMatch(/argon2|passwordHash|temporaryPassword/);

    const caseworker = await system.userClient({ username: `scope.cw${++serial}`, role: 'caseworker', orgUnitId: '410105' });
    const refused = [
      await caseworker.get('/api/identity-audit'),
      await jinshuiSupervisor.get('/api/identity-audit?unit=410103'),
      await jinshuiSupervisor.get('/api/identity-audit?unit=999999'),
      await jinshuiSupervisor.get('/api/identity-audit?from=2026-02-30'),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 400, 400]);
    expect(refused[2].body.errors[0]).toMatchObject({ field: 'unit', rule: 'exists' });
    expect(refused[3].body.errors[0]).toMatchObject({ field: 'from' });
  });
});
