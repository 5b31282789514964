/**
 * The distributed runtime end to end: a real Kafka broker and PostgreSQL, and every service its own
 * process (gateway, four context services, relay, projector, process managers). One scenario goes
 * through the gateway — a complaint escalated to a wage case, referred to a mediation room, agreed
 * and paid; a hardship family applied, visited and on public notice — while the projector and the mediation
 * service are killed (SIGKILL) in the middle and started again. At the end every read model and
 * process manager's table equals a rebuild from the events, and the figures count what was done.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildProjection } from '#projections';
import { createTestDatabase, kafkaSuite, residentIdNumber, snapshotTables, startKafkaBroker, type RunningKafka, type TestDatabase } from '#testing';
import { connectProjector, type ProjectorConnection } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { wallClockShanghaiDay as shanghaiDay } from '#casework-testing';
import { DistributedStack, type ProcessName } from './testing/distributed-stack.js';

const ADMIN_PASSWORD = 'dist-Warden-passw0rd';
const ROOM = 'MR-410105';

kafkaSuite('the distributed runtime', () => {
  let db: TestDatabase;
  let kafka: RunningKafka;
  let stack: DistributedStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'casework-distributed-'));
    const lines = join(dataDir, 'poverty-lines.json');
    const year = Number(shanghaiDay().slice(0, 4));
    writeFileSync(lines, JSON.stringify({ '*': { [year - 1]: 100_000, [year]: 100_000, [year + 1]: 100_000 } }));
    [db, kafka] = await Promise.all([createTestDatabase(), startKafkaBroker()]);
    stack = await DistributedStack.start({ databaseUrl: db.url, brokers: kafka.brokers, dataDir, adminPassword: ADMIN_PASSWORD, env: { POVERTY_LINES_FILE: lines } });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await kafka?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Read models are built asynchronously, by another process: ask until the answer is there. */
  async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last answer: ${JSON.stringify(value)?.slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('runs a scenario through the gateway across crashes, and every read model equals a rebuild from the events', async () => {
    expect(await fetch(`${stack.gatewayUrl}/ready`).then((r) => r.json())).toMatchObject({ status: 'ready' });
    const metrics = await fetch(`${stack.opsUrl('hotline')}/metrics`).then((r) => r.text());
    expect(metrics).toContain('# TYPE casework_command_conflicts_total counter');
    const admin = await ApiClient.login(stack.gatewayUrl, 'admin', ADMIN_PASSWORD);
    const user = async (username: string, role: string, orgUnitId: string) => {
      await post(admin, '/api/users', { username, password: `Quiet-harbour-${username.length}-passw0rd`, displayName: username, role, orgUnitId });
      return ApiClient.login(stack.gatewayUrl, username, `Quiet-harbour-${username.length}-passw0rd`);
    };
    const caseworker = await user('li.caseworker', 'caseworker', '410105');
    const supervisor = await user('sun.supervisor', 'supervisor', '410105');
    const mediator = await user('zhao.mediator', 'mediator', ROOM);
    const cadre = await user('xu.station', 'caseworker', '410105001');
    const mediatorId = (await mediator.get('/api/auth/me')).body.id;
    const today = shanghaiDay();

    // A bad request is refused by the hotline service as it is in one process: 400, every field named, in Chinese.
    const bad = await caseworker.post('/api/complaints', { channel: 'phone', caller: { name: '冯师傅' }, employer: { name: '', district: '999999' }, category: 'pay', type: 'request_for_action', summary: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['employer.name', 'summary']));

    // 1. A complaint, escalated to a wage case (the process managers open it).
    const complaint = await post(caseworker, '/api/complaints', {
      channel: 'phone', caller: { name: '冯师傅', phone: '13700001234' }, employer: { name: '郑州某劳务分包公司', district: '410105' },
      category: 'pay', type: 'request_for_action', summary: '2 名工人 2026 年工资被拖欠',
    });
    const { wageCaseId } = await post(caseworker, `/api/complaints/${complaint.id}/escalate`);
    await eventually('the wage case opened from the complaint', () => caseworker.get(`/api/wage-cases/${wageCaseId}`), (r) => r.status === 200);
    const { claimantIds } = await post(caseworker, `/api/wage-cases/${wageCaseId}/claimants`, { claimants: [
      { name: '冯师傅', idNumber: '410105198001010017', workedFrom: '2026-01-01', workedUntil: '2026-09-30', claimed: 600_000 },
      { name: '钱二', workedFrom: '2026-02-01', workedUntil: '2026-09-30', claimed: 400_000 },
    ] });
    const { mediationCaseId } = await post(caseworker, `/api/wage-cases/${wageCaseId}/referrals`, { target: 'mediation', referredOn: today, roomId: ROOM, note: '双方同意调解' });

    // 2. The projector and the mediation service die in the middle.
    await stack.kill('projector');
    await stack.kill('mediation');
    const refused = await mediator.post(`/api/mediation-cases/${mediationCaseId}/accept`, { acceptedOn: today });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'service_unavailable' });
    // Work for the other contexts goes on meanwhile: a hardship family is registered.
    const { id: fileId } = await post(cadre, '/api/hardship-files', {
      source: { kind: 'application' }, district: '410105', causes: ['illness'], monthlyHouseholdIncome: 240_000,
      head: { name: '陈某', idNumber: residentIdNumber('41010519820303', 3), phone: '13900001234', employer: '郑州某纺织厂', unionMember: true },
      members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }, { name: '陈子', relation: '子', age: 15, schooling: '初中' }],
    });
    // Visited and put on public notice the day it applied: the stack's processes run on the real clock,
    // which a test cannot move past the five working days of the notice, and no fact may predate the
    // application (DOMAIN.md), so registration and lift-out are covered in one process (hardship-files.e2e).
    await post(cadre, `/api/hardship-files/${fileId}/home-visit`, { visitedOn: today, consentToIncomeCheck: true, findings: '妻子透析', monthlyHouseholdIncome: 240_000 });
    await post(cadre, `/api/hardship-files/${fileId}/notice`, { startedOn: today });
    await stack.start('mediation');
    await stack.start('projector');

    // 3. The mediation: accepted, a mediator assigned, an agreement, paid in full.
    const kase = await eventually('the linked mediation case', () => mediator.get(`/api/mediation-cases/${mediationCaseId}`), (r) => r.status === 200);
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/accept`, { acceptedOn: today });
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/mediator`, { mediatorId });
    const [feng, qian] = kase.body.applicants.map((a: { partyId: string }) => a.partyId);
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/agreement`, {
      agreedOn: today, effectiveOn: today, terms: '公司分期支付',
      items: [{ item: '拖欠工资', amount: 500_000, partyId: feng }, { item: '拖欠工资', amount: 400_000, partyId: qian }],
      schedule: [{ dueOn: today, amount: 500_000, partyId: feng }, { dueOn: shanghaiDay(15), amount: 400_000, partyId: qian }],
    });
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/payments`, { installmentId: 'i1', paidOn: today, amount: 500_000 });
    // A refusal by the mediation service's decider (only it knows what is left to pay) comes back
    // through the gateway as it would in one process: 400, the field and the rule named, in Chinese.
    const over = await mediator.post(`/api/mediation-cases/${mediationCaseId}/payments`, { installmentId: 'i2', paidOn: today, amount: 800_000 });
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([expect.objectContaining({ field: expect.stringContaining('amount'), message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]);
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/payments`, { installmentId: 'i2', paidOn: today, amount: 400_000 });
    // The payments come back to the wage case (a process manager), once each.
    const wage = await eventually('the payments on the wage case', () => caseworker.get(`/api/wage-cases/${wageCaseId}`), (r) => r.body?.totals?.recovered === 900_000);
    expect(wage.body.payments).toHaveLength(2);
    expect(wage.body.claimants.map((c: { claimantId: string }) => c.claimantId).sort()).toEqual([...claimantIds].sort());

    // 4. The family, on public notice (公示中).
    await eventually('the family on notice', () => cadre.get(`/api/hardship-files/${fileId}`), (r) => r.body?.status === 'in_notice');

    // 5. The figures, read from read models built by the restarted projector.
    const mediation = await eventually('the mediation figures', () => supervisor.get(`/api/stats/mediation?from=${today}&to=${today}`), (r) => r.body?.amountPaid === 900_000);
    expect(mediation.body).toMatchObject({ referrals: 1, accepted: 1, agreements: 1, amountAgreed: 900_000, amountPaid: 900_000 });
    const list = await eventually('the case list', () => supervisor.get('/api/cases?pageSize=50'), (r) => r.body?.items?.length === 4);
    expect(list.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['complaint', 'hardship_file', 'mediation_case', 'wage_case']);

    // Each service counted its own commands, with their outcomes.
    expect(await fetch(`${stack.opsUrl('mediation')}/metrics`).then((r) => r.text())).toMatch(/casework_commands_total\{service="mediation-service",type="RecordAgreedPayment",outcome="validation_failed"\} 1/);

    // 6. Quiet: every event published and consumed. Then each read model and process manager's tables against a rebuild.
    await eventually('the relay to publish everything', () => fetch(`${stack.opsUrl("relay")}/ready`).then((r) => r.json() as Promise<{ lagEvents: number }>), (s: { lagEvents: number }) => s.lagEvents === 0);
    await eventually('every consumer group to catch up', () => fetch(`${stack.gatewayUrl}/health`).then((r) => r.json() as Promise<{ projections: { lagEvents: number; state: string }[] }>),
      (h: { projections: { lagEvents: number; state: string }[] }) => h.projections.every((p) => p.lagEvents === 0 && p.state === 'running'));
    const codes = await stack.stop();
    const failed = Object.entries(codes).filter(([, code]) => code !== 0).map(([name, code]) => `${name} exited ${code}: ${stack.output(name as ProcessName)}`);
    expect(failed).toEqual([]);

    process.env.CASEWORK_MASTER_KEY = stack.masterKey;
    let connection: ProjectorConnection | undefined;
    try {
      connection = await connectProjector(db.url, dataDir);
      for (const projection of connection.projections) {
        const live = await snapshotTables(connection.dataSource, projection.tables);
        const rebuilt = await rebuildProjection(connection.dataSource, connection.store, projection, { swap: false });
        expect({ [projection.name]: await snapshotTables(connection.dataSource, projection.tables, rebuilt.schema) }).toEqual({ [projection.name]: live });
      }
    } finally {
      delete process.env.CASEWORK_MASTER_KEY;
      await connection?.close();
    }
  }, 420_000);
});
