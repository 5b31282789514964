/**
 * `npm run demo`, end to end: the whole system in-process on a fresh database, the demo's core run
 * against it over HTTP, then checked through the API as a user would see it — complaints, wage
 * cases, hardship files and mediation cases — and run again to show that a re-run adds nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { ApiClient } from './api-client.js';
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';
import { DEMO_COMPLAINTS, runDemo, waitForProjections, type DemoReport } from './run-demo.js';

const ADMIN_PASSWORD = 'test-warden-password';
// The demo writes ~90 cases step by step over HTTP: ~60 s on a quiet machine, three times that under a loaded CI run.
const DEMO_TIMEOUT = 360_000;

type CaseList = { items: { id: string; status: string }[]; total: number };

function shanghaiDate(daysAgo: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

describe('npm run demo', () => {
  let db: TestDatabase;
  let dataDir: string;
  let app: RunningCasework;
  let adminToken: string;
  let first: DemoReport;
  let hotline: ApiClient;
  let city: ApiClient;

  const listComplaints = (query = '') => hotline.get<{ items: { id: string; status: string }[]; total: number }>(`/api/cases?kind=complaint&pageSize=200${query}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'casework-demo-'));
    app = await startCasework({ databaseUrl: db.url, dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false });
    adminToken = (await ApiClient.login(app.url, 'admin', ADMIN_PASSWORD)).client.token!;
    first = await runDemo({ url: app.url, adminToken });
    hotline = (await ApiClient.login(app.url, 'demo.rexian', DEFAULT_DEMO_PASSWORD)).client;
    city = (await ApiClient.login(app.url, 'demo.shidudao', DEFAULT_DEMO_PASSWORD)).client;
  }, DEMO_TIMEOUT);

  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('every step of the dataset is accepted by the API', () => {
    expect(first.problems).toEqual([]);
    expect(first.complaints).toHaveLength(DEMO_COMPLAINTS.length);
  });

  it('creates the demo users, and each can log in with the demo password at their unit', async () => {
    expect(first.users.created.sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    for (const demoUser of DEMO_USERS) {
      const { user } = await ApiClient.login(app.url, demoUser.username, DEFAULT_DEMO_PASSWORD);
      expect(user).toMatchObject({ username: demoUser.username, role: demoUser.role, orgUnitId: demoUser.orgUnitId, displayName: demoUser.displayName });
    }
  });

  it('lists the complaints in GET /api/cases', async () => {
    const list = await listComplaints();
    expect(list.total).toBe(DEMO_COMPLAINTS.length);
    expect(new Set(list.items.map((item) => item.id))).toEqual(new Set(first.complaints.map((c) => c.id)));
  });

  it('leaves the complaints at many different stages of their lifecycle', async () => {
    const statuses = new Set((await listComplaints()).items.map((item) => item.status));
    for (const status of ['received', 'classified', 'assigned', 'in_progress', 'resolved', 'followed_up', 'closed', 'merged']) {
      expect(statuses).toContain(status);
    }
    expect(first.byStatus.closed).toBeGreaterThan(first.complaints.length / 3);
  });

  it('merges the repeat calls into the earlier orders they were flagged against', async () => {
    const repeats = first.complaints.filter((c) => c.key === 'r1' || c.key === 'r2');
    expect(repeats).toHaveLength(2);
    for (const repeat of repeats) {
      const view = await hotline.get<{ status: string; repeatOf: string[]; mergedInto: string | null }>(`/api/complaints/${repeat.id}`);
      expect(view.status).toBe('merged');
      expect(view.repeatOf).toEqual([view.mergedInto]);
    }
  });

  it('gives hotline figures over the two months: calls received and a satisfaction rate', async () => {
    const stats = await hotline.get<{ received: { total: number }; satisfaction: { reached: number; rate: number | null } }>(
      `/api/stats/hotline?from=${shanghaiDate(70)}&to=${shanghaiDate(0)}`,
    );
    expect(stats.received.total).toBe(DEMO_COMPLAINTS.length);
    expect(stats.satisfaction.reached).toBeGreaterThan(0);
    expect(stats.satisfaction.rate).toBeGreaterThan(0);
    expect(stats.satisfaction.rate).toBeLessThan(1);
  });

  const listOf = (kind: string) => city.get<CaseList>(`/api/cases?kind=${kind}&pageSize=200`);
  const idOf = (report: { cases: readonly { key: string; id: string }[] }, key: string) => report.cases.find((c) => c.key === key)!.id;

  it('fills the wage, hardship and mediation lists too, every step accepted', async () => {
    expect((await listOf('wage_case')).total).toBe(5);
    expect((await listOf('hardship_file')).total).toBe(10);
    expect((await listOf('mediation_case')).total).toBe(5);
    for (const kind of [first.wage, first.hardship, first.mediation]) expect(kind.writtenBefore).toBe(0);
  });

  it('writes wage cases with several workers, payments pro rata and to one worker, an advance approved by another user, and one closed', async () => {
    const statuses = new Set((await listOf('wage_case')).items.map((item) => item.status));
    for (const status of ['opened', 'verifying', 'negotiating', 'closed']) expect(statuses).toContain(status);

    type Wage = { claimants: { verified: number | null; recovered: number; advanced: number }[]; payments: { allocations: unknown[] }[]; advances: { status: string }[]; closure: { outcome: string } | null };
    const w1 = await city.get<Wage>(`/api/wage-cases/${idOf(first.wage, 'wage:W1')}`);
    expect(w1.claimants).toHaveLength(8);
    expect(w1.payments.map((p) => p.allocations.length)).toEqual([8, 1]);
    expect(w1.advances.map((a) => a.status)).toEqual(['approved']);
    // Four eyes: the caseworker asked for the advance, the district supervisor approved it.
    const history = await city.get<{ type: string; actor: { userId: string; role: string } }[]>(`/api/wage-cases/${idOf(first.wage, 'wage:W1')}/history`);
    const actorOf = (type: string) => history.find((e) => e.type === type)?.actor;
    const idOfUser = async (username: string) => (await ApiClient.login(app.url, username, DEFAULT_DEMO_PASSWORD)).user.id;
    expect(actorOf('EmergencyAdvanceRequested')).toMatchObject({ userId: await idOfUser('demo.jsqianxin'), role: 'caseworker' });
    expect(actorOf('EmergencyAdvanceApproved')).toMatchObject({ userId: await idOfUser('demo.jsdudao'), role: 'supervisor' });

    const w2 = await city.get<Wage>(`/api/wage-cases/${idOf(first.wage, 'wage:W2')}`);
    expect(w2.closure?.outcome).toBe('fully_recovered');
    expect(w2.claimants.every((c) => c.recovered === c.verified)).toBe(true);

    const stats = await city.get<{ amounts: { recovered: number; advanced: number }; workersHelped: number }>(`/api/stats/wage?from=${shanghaiDate(0)}&to=${shanghaiDate(0)}`);
    expect(stats.amounts.recovered).toBeGreaterThan(0);
    expect(stats.amounts.advanced).toBeGreaterThan(0);
    expect(stats.workersHelped).toBeGreaterThanOrEqual(13);
  });

  it('keeps hardship files in every state, with households, aid, visits, a lift-out, a relapse and endings', async () => {
    const statuses = (await listOf('hardship_file')).items.map((item) => item.status);
    for (const status of ['applied', 'verified', 'in_notice', 'active', 'lifted', 'relieved', 'cancelled']) expect(statuses).toContain(status);

    type File = { status: string; members: unknown[]; aid: { type: string }[]; cadres: Record<string, string>; relapses: number; liftedOn: string | null; wishes: Record<string, unknown> };
    const file = (key: string) => city.get<File>(`/api/hardship-files/${idOf(first.hardship, `hardship:${key}`)}`);
    const applied = await file('H1');
    expect(applied).toMatchObject({ status: 'applied' });
    expect(applied.members).toHaveLength(2);
    const helped = await file('L1');
    expect(helped.aid.map((a) => a.type)).toEqual(['festival', 'school', 'micro_wish']);
    expect(Object.keys(helped.cadres).sort()).toEqual(['district', 'grassroots']);
    expect(Object.keys(helped.wishes)).toHaveLength(1);
    expect(await file('L2')).toMatchObject({ status: 'lifted', liftedOn: shanghaiDate(0) });
    const relapsed = await file('L3');
    expect(relapsed.status).toBe('active');
    expect(relapsed.relapses).toBe(1);

    const stats = await city.get<{ relapses: { households: number }; relieved: number; cancelled: number; aid: { type: string; households: number; personsReached: number }[] }>(
      `/api/stats/hardship?from=${shanghaiDate(120)}&to=${shanghaiDate(0)}`,
    );
    expect(stats.relapses.households).toBe(1);
    expect(stats.relieved).toBe(1);
    expect(stats.cancelled).toBe(1);
    // 金秋助学 reached one child in one family and two in another.
    expect(stats.aid.find((a) => a.type === 'school')).toMatchObject({ households: 2, personsReached: 3 });
  });

  it('writes mediation cases with sessions held and to come, an agreement and a failure, and the system generates their documents', async () => {
    const statuses = new Set((await listOf('mediation_case')).items.map((item) => item.status));
    for (const status of ['referred', 'in_mediation', 'agreed', 'failed', 'fulfilled']) expect(statuses).toContain(status);
    expect(first.documents.map((d) => [d.key, d.document, d.generated])).toEqual([
      ['mediation:M1', 'agreement', true],
      ['mediation:M2', 'feedback-letter', true],
      ['mediation:M5', 'agreement', true],
    ]);
    const agreement = await fetch(`${app.url}/api/mediation-cases/${idOf(first.mediation, 'mediation:M1')}/documents/agreement`, { headers: { Authorization: `Bearer ${city.token}` } });
    expect(await agreement.text()).toContain('郑州锦华物业服务有限公司');
    const m3 = await city.get<{ sessions: { status: string }[] }>(`/api/mediation-cases/${idOf(first.mediation, 'mediation:M3')}`);
    expect(m3.sessions.map((session) => session.status)).toEqual(['held', 'scheduled']);
  });

  it('a second run finds the users and the dataset already there and adds nothing', async () => {
    const second = await runDemo({ url: app.url, adminToken });
    await waitForProjections(app.url);
    expect(second.problems).toEqual([]);
    expect(second.users.created).toEqual([]);
    expect(second.users.existing).toHaveLength(DEMO_USERS.length);
    expect(second.complaints.map((c) => c.id)).toEqual(first.complaints.map((c) => c.id));
    expect(second.byStatus).toEqual(first.byStatus);
    expect(second.complaintsInSystem).toBe(first.complaintsInSystem);
    expect((await listComplaints()).total).toBe(DEMO_COMPLAINTS.length);
    for (const kind of ['wage', 'hardship', 'mediation'] as const) {
      expect(second[kind].cases).toEqual(first[kind].cases);
      expect(second[kind].inSystem).toBe(first[kind].inSystem);
    }
    expect(second.povertyLinesRecorded).toEqual([]);
  }, DEMO_TIMEOUT);
});
