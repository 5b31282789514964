/**
 * 单位管理 over HTTP: administrators add districts, stations and mediation rooms and rename units;
 * the tree in memory reloads at once, so users, access and figures follow the new unit.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { identityChangesOf } from '#identity';

describe('org unit administration over HTTP', () => {
  let system: TestCasework;
  let admin: ApiClient;
  let jinshui: ApiClient;
  let erqi: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    admin = system.admin;
    jinshui = await system.userClient({ username: 'unit.jinshui', role: 'caseworker', orgUnitId: '410105' });
    erqi = await system.userClient({ username: 'unit.erqi', role: 'caseworker', orgUnitId: '410103' });
  }, 60_000);

  afterAll(() => system?.stop());

  const station = { id: '410105004', name: '大石桥街道职工维权服务站', kind: 'township', parentId: '410105' };
  const units = async () => (await jinshui.get('/api/org-units')).body as Array<{ id: string; name: string }>;

  it('adds a station under its district: it is in the tree, can have users, and lies within the district at once', async () => {
    const created = await admin.post('/api/org-units', station);
    expect([created.status, created.body]).toEqual([201, { ...station, code: station.id }]);
    expect(await units()).toContainEqual({ ...station, code: station.id });
    const worker = await admin.post('/api/users', { username: 'dashiqiao', password: 'a-long-passw0rd', displayName: '周强', role: 'caseworker', orgUnitId: station.id });
    expect([worker.status, worker.body.orgUnitName]).toEqual([201, station.name]);
    expect((await jinshui.get(`/api/stats/hotline?unit=${station.id}`)).status).toBe(200);
    expect((await erqi.get(`/api/stats/hotline?unit=${station.id}`)).status).toBe(403);
  });

  it('adds a mediation room, whose mediators can then be created', async () => {
    const room = { id: 'MR-410106', name: '上街区人民法院工会调解工作室', kind: 'mediation_room', parentId: '410106' };
    expect((await admin.post('/api/org-units', room)).status).toBe(201);
    const mediator = await admin.post('/api/users', { username: 'shangjie.mediator', password: 'a-long-passw0rd', displayName: '吴敏', role: 'mediator', orgUnitId: room.id });
    expect(mediator.status).toBe(201);
  });

  it('refuses malformed, taken and misplaced units, naming each field in Chinese', async () => {
    const refused = async (body: Record<string, unknown>) => {
      const response = await admin.post('/api/org-units', { ...station, id: '410105009', name: '新站', ...body });
      expect(response.status).toBe(400);
      for (const error of response.body.errors) expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      return response.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    };
    expect(await refused({ id: '410105001' })).toEqual(['id:unique']);
    expect(await refused({ id: '4101-05' })).toEqual(['id:pattern']);
    expect(await refused({ id: '410103009' })).toEqual(['id:within_parent_code']);
    expect(await refused({ kind: 'province' })).toEqual(['kind:one_of']);
    expect(await refused({ kind: 'city' })).toEqual(['id:pattern', 'parentId:parent_kind']);
    expect(await refused({ parentId: '999999' })).toEqual(['parentId:exists']);
    expect(await refused({ parentId: '410105001', id: '410105001009' })).toEqual(['id:pattern', 'parentId:parent_kind']);
    expect(await refused({ name: '经八路街道职工维权服务站' })).toEqual(['name:unique']);
    expect((await refused({ name: '', color: 'red' })).sort()).toEqual(['color:unknown_field', 'name:required']);
  });

  it('renames a unit; the tree and the user list show the new name', async () => {
    await admin.post('/api/org-units', { id: '410105005', name: '临时名称服务站', kind: 'township', parentId: '410105' });
    await admin.post('/api/users', { username: 'renamed.unit', password: 'a-long-passw0rd', displayName: '郑红', role: 'caseworker', orgUnitId: '410105005' });
    const renamed = await admin.request<any>('PATCH', '/api/org-units/410105005', { name: '北林路街道职工维权服务站' });
    expect([renamed.status, renamed.body.name]).toEqual([200, '北林路街道职工维权服务站']);
    expect((await units()).find((u) => u.id === '410105005')?.name).toBe('北林路街道职工维权服务站');
    const { body: users } = await admin.get('/api/users');
    expect(users.find((u: { username: string }) => u.username === 'renamed.unit').orgUnitName).toBe('北林路街道职工维权服务站');
    const unknown = await admin.request<any>('PATCH', '/api/org-units/999999', { name: '不存在' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'org_unit_not_found']);
  });

  it('lets only administrators change units; everyone signed in reads the tree', async () => {
    const add = await jinshui.post('/api/org-units', { ...station, id: '410105006', name: '越权服务站' });
    const rename = await jinshui.request<any>('PATCH', '/api/org-units/410105', { name: '改名' });
    expect([add.status, add.body.code, rename.status, rename.body.code]).toEqual([403, 'forbidden', 403, 'forbidden']);
    expect((await units()).map((u) => u.id)).not.toContain('410105006');
    expect((await units()).find((u) => u.id === '410105')?.name).toBe('金水区总工会');
  });

  it('records additions and renamings in the identity audit', async () => {
    await admin.post('/api/org-units', { id: '410105007', name: '文化路街道职工维权服务站', kind: 'township', parentId: '410105' });
    await admin.request('PATCH', '/api/org-units/410105007', { name: '文化路街道服务站' });
    const changes = await identityChangesOf(system.app.runtime.dataSource, 'org_unit', '410105007');
    expect(changes.map((c) => [c.action, c.actor?.username, c.details])).toEqual([
      ['org_unit_created', 'admin', { name: '文化路街道职工维权服务站', kind: 'township', parentId: '410105' }],
      ['org_unit_renamed', 'admin', { name: { from: '文化路街道职工维权服务站', to: '文化路街道服务站' } }],
    ]);
  });
});
