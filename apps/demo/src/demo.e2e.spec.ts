/**
 * `npm run demo`, end to end: the whole system in-process on a fresh database, the demo's core run
 * against it over HTTP, then checked through the API as a user would see it — and run again to
 * show that a re-run adds nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type RunningCasework } from '../../casework/src/bootstrap.js';
import { ApiClient } from './api-client.js';
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';
import { DEMO_COMPLAINTS, runDemo, waitForProjections, type DemoReport } from './run-demo.js';

const ADMIN_PASSWORD = 'test-warden-password';
const DEMO_TIMEOUT = 180_000;

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

  const listComplaints = (query = '') => hotline.get<{ items: { id: string; status: string }[]; total: number }>(`/api/cases?kind=complaint&pageSize=200${query}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'casework-demo-'));
    app = await startCasework({ databaseUrl: db.url, dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false });
    adminToken = (await ApiClient.login(app.url, 'admin', ADMIN_PASSWORD)).client.token!;
    first = await runDemo({ url: app.url, adminToken });
    hotline = (await ApiClient.login(app.url, 'demo.rexian', DEFAULT_DEMO_PASSWORD)).client;
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
  }, DEMO_TIMEOUT);
});
