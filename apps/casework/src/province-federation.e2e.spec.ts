/**
 * A province federation (省总工会) above several cities (docs/configuration.md, "A province
 * federation"): an installation that ran one city is restarted with PROVINCE_UNIT_ID/NAME, and
 * everybody still sees what they saw, with the same figures; the province's administrator then adds
 * a second city; the province's supervisor sees both cities' cases and figures that sum, each city's
 * supervisor their own city only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { ApiClient, TEST_ADMIN_PASSWORD, TEST_USER_PASSWORD } from '#casework-testing';

const HENAN = { id: '410000', name: '河南省总工会' };

/** The users of the single-city installation, by unit. */
const CITY_USERS = [
  { username: 'zz.supervisor', role: 'supervisor', orgUnitId: '410100' },
  { username: 'zz.centre', role: 'caseworker', orgUnitId: '410100' },
  { username: 'jinshui.caseworker', role: 'caseworker', orgUnitId: '410105' },
  { username: 'erqi.caseworker', role: 'caseworker', orgUnitId: '410103' },
  { username: 'jinshui.supervisor', role: 'supervisor', orgUnitId: '410105' },
] as const;

/** What one user sees: the ids of their case list, and their hotline figures' totals by unit. */
interface Seen {
  readonly caseIds: string[];
  readonly received: number;
  readonly byUnit: Record<string, number>;
}

describe('a province federation above the cities', () => {
  let db: TestDatabase;
  let dataDir: string;
  let app: RunningCasework | undefined;
  const seenBefore = new Map<string, Seen>();

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'casework-province-'));
  });

  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (province?: typeof HENAN) =>
    (app = await startCasework({ databaseUrl: db.url, dataDir, port: 0, adminPassword: TEST_ADMIN_PASSWORD, log: false, ...(province ? { province } : {}) }));
  const login = (username: string) => ApiClient.login(app!.url, username, username === 'admin' ? TEST_ADMIN_PASSWORD : TEST_USER_PASSWORD);

  async function createUser(admin: ApiClient, user: { username: string; role: string; orgUnitId: string }): Promise<void> {
    const created = await admin.post('/api/users', { ...user, password: TEST_USER_PASSWORD, displayName: user.username });
    expect([created.status, created.body.code]).toEqual([201, undefined]);
  }

  async function receiveComplaints(username: string, district: string, count: number): Promise<string[]> {
    const client = await login(username);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const received = await client.post('/api/complaints', {
        channel: 'phone', caller: { name: '王建国', phone: `1391234${String(ids.length).padStart(4, '0')}` },
        employer: { name: `${username}测试${i}有限公司`, district }, category: 'pay', type: 'request_for_action', summary: '拖欠工资',
      });
      expect(received.status).toBe(201);
      ids.push(received.body.id);
    }
    return ids;
  }

  async function seenBy(username: string, unit?: string): Promise<Seen> {
    const client = await login(username);
    const list = await client.get(`/api/cases?pageSize=200`);
    expect(list.status).toBe(200);
    const figures = await client.get(`/api/stats/hotline${unit ? `?unit=${unit}` : ''}`);
    expect(figures.status).toBe(200);
    const byUnit = Object.fromEntries((figures.body.received.byUnit as { code: string; count: number }[]).map((row) => [row.code, row.count]));
    return { caseIds: (list.body.items as { id: string }[]).map((item) => item.id).sort(), received: figures.body.received.total, byUnit };
  }

  it('runs as one city first: cases in the city centre and two districts', async () => {
    await start();
    const admin = await login('admin');
    for (const user of CITY_USERS) await createUser(admin, user);
    await receiveComplaints('zz.centre', '410105', 1);
    await receiveComplaints('jinshui.caseworker', '410105', 2);
    await receiveComplaints('erqi.caseworker', '410103', 3);
    await app!.runtime.projections.waitUntilCaughtUp();
    for (const { username } of CITY_USERS) seenBefore.set(username, await seenBy(username));
    expect(seenBefore.get('zz.supervisor')).toMatchObject({ received: 6, byUnit: { '410100': 1, '410105': 2, '410103': 3 } });
    expect(seenBefore.get('jinshui.supervisor')?.caseIds).toHaveLength(2);
  }, 120_000);

  it('is put under a province at a restart, and everybody still sees every case and figure they saw', async () => {
    await app!.stop();
    await start(HENAN);
    await app!.runtime.projections.waitUntilCaughtUp();
    const units = (await (await login('zz.supervisor')).get('/api/org-units')).body as { id: string; kind: string; parentId: string | null }[];
    expect(units.find((u) => u.parentId === null)).toMatchObject({ id: HENAN.id, kind: 'province' });
    expect(units.find((u) => u.id === '410100')).toMatchObject({ kind: 'city', parentId: HENAN.id });
    for (const { username } of CITY_USERS) expect(await seenBy(username)).toEqual(seenBefore.get(username));
    const zhengzhou = await login('zz.supervisor');
    for (const id of seenBefore.get('zz.supervisor')!.caseIds) expect((await zhengzhou.get(`/api/complaints/${id}`)).status).toBe(200);
  }, 120_000);

  it('moves the first administrator up to the province, who adds a second city with its district and people', async () => {
    const admin = await login('admin');
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ orgUnitId: HENAN.id });
    const kaifeng = await admin.post('/api/org-units', { id: '410200', name: '开封市总工会', kind: 'city', parentId: HENAN.id });
    expect([kaifeng.status, kaifeng.body]).toEqual([201, { id: '410200', code: '410200', name: '开封市总工会', kind: 'city', parentId: HENAN.id }]);
    expect((await admin.post('/api/org-units', { id: '410204', name: '鼓楼区总工会', kind: 'district', parentId: '410200' })).status).toBe(201);
    for (const user of [
      { username: 'hn.supervisor', role: 'supervisor', orgUnitId: HENAN.id },
      { username: 'hn.caseworker', role: 'caseworker', orgUnitId: HENAN.id },
      { username: 'kf.supervisor', role: 'supervisor', orgUnitId: '410200' },
      { username: 'kf.centre', role: 'caseworker', orgUnitId: '410200' },
      { username: 'gulou.caseworker', role: 'caseworker', orgUnitId: '410204' },
      { username: 'zz.admin', role: 'admin', orgUnitId: '410100' },
    ]) await createUser(admin, user);
    // A city's administrator adds no city: the province is above them.
    const refused = await (await login('zz.admin')).post('/api/org-units', { id: '410300', name: '洛阳市总工会', kind: 'city', parentId: HENAN.id });
    expect([refused.status, refused.body.code]).toEqual([403, 'outside_admin_scope']);
  }, 60_000);

  it("shows the province's supervisor both cities, with figures that add up: province = its own + each city's", async () => {
    const kaifengCases = await receiveComplaints('gulou.caseworker', '410204', 4);
    const provinceCases = await receiveComplaints('hn.caseworker', '410204', 1);
    await app!.runtime.projections.waitUntilCaughtUp();
    const province = await seenBy('hn.supervisor');
    const zhengzhou = await seenBy('hn.supervisor', '410100');
    const kaifeng = await seenBy('hn.supervisor', '410200');
    const provinceOwn = await seenBy('hn.caseworker');
    expect(province.caseIds).toEqual([...seenBefore.get('zz.supervisor')!.caseIds, ...kaifengCases, ...provinceCases].sort());
    expect([zhengzhou.received, kaifeng.received, province.received]).toEqual([6, 4, 11]);
    expect(province.received).toBe(zhengzhou.received + kaifeng.received + provinceOwn.byUnit[HENAN.id]);
    expect(province.byUnit).toEqual({ [HENAN.id]: 1, '410100': 1, '410105': 2, '410103': 3, '410204': 4 });
    expect(zhengzhou.byUnit).toEqual(seenBefore.get('zz.supervisor')!.byUnit);
  }, 120_000);

  it("keeps each city's supervisor to their own city: cases, figures and the hash-chain check", async () => {
    const kaifeng = await seenBy('kf.supervisor');
    expect(kaifeng).toMatchObject({ received: 4, byUnit: { '410204': 4 } });
    expect(await seenBy('zz.supervisor')).toEqual(seenBefore.get('zz.supervisor'));
    const zhengzhou = await login('zz.supervisor');
    expect((await zhengzhou.get(`/api/complaints/${kaifeng.caseIds[0]}`)).status).toBe(404);
    expect((await zhengzhou.get('/api/stats/hotline?unit=410200')).status).toBe(403);
    expect((await zhengzhou.get(`/api/stats/hotline?unit=${HENAN.id}`)).status).toBe(403);
    expect((await zhengzhou.get('/api/audit/verify')).status).toBe(403);
    expect((await (await login('hn.supervisor')).get('/api/audit/verify')).status).toBe(200);
  }, 60_000);

  it('does nothing more at the next start with the same setting, and refuses to start under another province', async () => {
    await app!.stop();
    app = undefined;
    await expect(start({ id: '420000', name: '湖北省总工会' })).rejects.toThrow(/already under the province 410000/);
    await start(HENAN);
    expect(app!.runtime.orgUnits.root().id).toBe(HENAN.id);
    expect(await seenBy('kf.supervisor')).toMatchObject({ received: 4 });
  }, 120_000);

  it("refers a complaint to mediation only within the sender's city; the province reaches every city's rooms", async () => {
    const claims = [{ item: '经济补偿金', amount: 1_500_000 }];
    const [kaifengComplaint] = await receiveComplaints('kf.centre', '410204', 1);
    const acrossCities = await (await login('kf.centre')).post(`/api/complaints/${kaifengComplaint}/escalate-mediation`, { roomId: 'MR-410100', claims });
    expect([acrossCities.status, acrossCities.body.errors?.[0]]).toEqual([400, expect.objectContaining({ field: 'roomId', rule: 'room_out_of_reach' })]);
    const [provinceComplaint] = await receiveComplaints('hn.caseworker', '410105', 1);
    expect((await (await login('hn.caseworker')).post(`/api/complaints/${provinceComplaint}/escalate-mediation`, { roomId: 'MR-410100', claims })).status).toBe(201);
  }, 60_000);
});
