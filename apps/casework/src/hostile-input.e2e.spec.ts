/**
 * What one hostile or careless request used to do to the whole system (issue 15): ids that name a
 * member of every object, dates in year 0, NUL bytes, impossible instants, JSON nested 10,000 levels
 * and 10 MB bodies before log-in. Each is a 400 (or 413) naming the field with a stable code, writes
 * nothing, and every read model keeps running.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const JINSHUI = '410105';
const ROOM = 'MR-410105';
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

describe('hostile input over HTTP', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let supervisor: ApiClient;
  let mediator: ApiClient;
  let wageCaseId: string;
  let claimantId: string;

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'hu.caseworker', role: 'caseworker', orgUnitId: JINSHUI });
    supervisor = await system.userClient({ username: 'ma.supervisor', role: 'supervisor', orgUnitId: JINSHUI });
    mediator = await system.userClient({ username: 'he.mediator', role: 'mediator', orgUnitId: ROOM });
    const opened = await caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某餐饮公司', district: JINSHUI }, summary: '两名厨师工资未付' });
    wageCaseId = opened.body.id;
    const added = await caseworker.post(`/api/wage-cases/${wageCaseId}/claimants`, { claimants: [{ name: '丁一', workedFrom: '2025-01-01', claimed: 500_000 }] });
    claimantId = added.body.claimantIds[0];
    await caseworker.post(`/api/wage-cases/${wageCaseId}/start-verification`);
    await caseworker.post(`/api/wage-cases/${wageCaseId}/verify`, { claims: [{ claimantId, verified: 500_000, basis: '欠条' }] });
    await caseworker.post(`/api/wage-cases/${wageCaseId}/complete-verification`);
  }, 60_000);

  afterAll(() => system?.stop());

  async function eventCount(): Promise<number> {
    const [{ count }] = await system.app.runtime.dataSource.query('SELECT count(*)::int AS count FROM event_store.events');
    return count;
  }

  /** Sends a request that must be refused: a 4xx with a stable code and a Chinese message, and no event written. */
  async function refused(send: () => Promise<{ status: number; body: any }>, status = 400) {
    const before = await eventCount();
    const response = await send();
    expect({ status: response.status, code: response.body?.code }).toEqual({ status, code: expect.stringMatching(/^[a-z_]+$/) });
    expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await eventCount()).toBe(before);
    return response.body;
  }

  async function everyProjectionRunning() {
    await system.app.runtime.projections.waitUntilCaughtUp();
    const health = (await system.admin.get('/health')).body;
    expect(health.status).toBe('ok');
  }

  it('refuses a payment, an advance or an amendment for a claimant named like a member of every object, and the read models go on', async () => {
    for (const name of PROTOTYPE_NAMES) {
      const payment = await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/payments`, { amount: 100, paidOn: system.today(), payer: '某公司', allocations: [{ claimantId: name, amount: 100 }] }));
      expect(payment.errors[0].field).toBe('allocations.0.claimantId');
      await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/advances`, { allocations: [{ claimantId: name, amount: 100 }], reason: '困难' }));
      await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/claimants/${name}/amend`, { claimed: 1, reason: '更正' }));
      await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/claimants`, { claimants: [{ claimantId: name, name: '某人', workedFrom: '2025-01-01', claimed: 100 }] }));
    }
    expect((await caseworker.get(`/api/wage-cases/${wageCaseId}`)).status).toBe(200);
    await everyProjectionRunning();
    const listed = (await caseworker.get('/api/cases?kind=wage_case')).body.items.map((c: { id: string }) => c.id);
    expect(listed).toContain(wageCaseId);
  });

  it('refuses dates in year 0000 and dates that do not exist, naming the field', async () => {
    const payment = await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/payments`, { amount: 100, paidOn: '0000-01-01', payer: '某公司', allocations: [{ claimantId, amount: 100 }] }));
    expect(payment.errors[0]).toMatchObject({ field: 'paidOn', rule: 'date' });
    const referral = await refused(() => mediator.post('/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调77号', referralType: 'assigned' },
      roomId: ROOM, referredOn: '0000-01-01', applicants: [{ name: '王五' }], respondent: { name: '某公司' }, claims: [{ item: '工资', amount: 100 }], summary: '追索工资',
    }));
    expect(referral.errors[0]).toMatchObject({ field: 'referredOn', rule: 'date' });
    for (const from of ['2026-02-30', '0000-01-01', '9999-12-31']) {
      const stats = await refused(() => supervisor.get(`/api/stats/wage?from=${from}&to=2026-12-31`));
      expect(stats.errors[0]).toMatchObject({ field: 'from', rule: 'date' });
    }
    await everyProjectionRunning();
  });

  it('refuses a session at an instant that is not a real time between 1900 and 2100', async () => {
    const referred = await mediator.post('/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调78号', referralType: 'assigned' },
      roomId: ROOM, referredOn: shanghaiDay(), applicants: [{ name: '王五' }], respondent: { name: '某公司' }, claims: [{ item: '工资', amount: 100 }], summary: '追索工资',
    });
    expect(referred.status).toBe(201);
    const id = referred.body.id;
    for (const startsAt of ['1', '4101', '+275760-09-13', '-000001-01-01', '2026-02-30T01:00:00Z', '2026-13-01T01:00:00Z', '2026-11-26T25:00:00Z']) {
      const body = await refused(() => mediator.post(`/api/mediation-cases/${id}/sessions`, { startsAt, endsAt: '2026-11-26T03:00:00Z', mode: 'in_room', attendees: ['王五'] }));
      expect(body.errors[0]).toMatchObject({ field: 'startsAt', rule: 'instant' });
    }
  });

  it('refuses a NUL byte or another control character in free text, filters, ids and the log-in name', async () => {
    const nul = 'a\u0000b';
    const complaint = await refused(() => caseworker.post('/api/complaints', { channel: 'phone', caller: { anonymous: true }, employer: { name: '某公司', district: JINSHUI }, category: 'pay', type: 'request_for_action', summary: nul }));
    expect(complaint.errors[0]).toMatchObject({ field: 'summary', rule: 'control_character' });
    const filter = await refused(() => caseworker.get(`/api/cases?status=${encodeURIComponent(nul)}`));
    expect(filter.errors[0]).toMatchObject({ field: 'status', rule: 'control_character' });
    const reason = await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/claimants/${claimantId}/withdraw`, { reason: nul }));
    expect(reason.errors[0]).toMatchObject({ field: 'reason', rule: 'control_character' });
    const id = await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/claimants/${encodeURIComponent('x\u0001')}/withdraw`, { reason: '撤回' }));
    expect(id.errors[0]).toMatchObject({ field: 'claimantId' });
    const user = await refused(() => system.admin.post('/api/users', { username: 'new.user', password: 'a-Long-passw0rd', displayName: nul, role: 'caseworker', orgUnitId: JINSHUI }));
    expect(user.errors[0]).toMatchObject({ field: 'displayName', rule: 'control_character' });
    const login = await fetch(`${system.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: nul, password: 'whatever-password' }) });
    expect(login.status).toBe(400);
    expect(((await login.json()) as { errors: unknown[] }).errors[0]).toMatchObject({ field: 'username', rule: 'control_character' });
    await everyProjectionRunning();
  });

  it('refuses JSON nested thousands of levels deep, signed in or not, without parsing it', async () => {
    const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    const anonymous = await fetch(`${system.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":${nested(5_000)}}` });
    expect(anonymous.status).toBe(400);
    expect(await anonymous.json()).toMatchObject({ code: 'json_too_deep', message: expect.stringMatching(/嵌套/) });
    const deep = nested(10_000);
    const signedIn = await fetch(`${system.app.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caseworker.token}`, 'idempotency-key': 'deep-json-0001' }, body: `{"summary":${deep}}` });
    expect(signedIn.status).toBe(400);
    expect(await signedIn.json()).toMatchObject({ code: 'json_too_deep' });
  });

  it('refuses fields named like members of every object, bodies that are not objects, and broken escapes in the path, in Chinese', async () => {
    for (const key of ['toString', 'hasOwnProperty', 'valueOf']) {
      const extra = await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/claimants/${claimantId}/evidence`, { kind: 'iou', description: '欠条', [key]: 'x' }));
      expect(extra.errors[0]).toMatchObject({ field: key, rule: 'forbidden_key' });
    }
    const list = await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/claimants`, [1, 2]));
    expect(list.errors[0]).toMatchObject({ field: 'body', rule: 'object' });
    const nested = await refused(() => caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: 'x', summary: '某案' }));
    expect(nested.message).toMatch(/[\u4e00-\u9fff]/);
    const escape = await refused(() => caseworker.post(`/api/wage-cases/${wageCaseId}/claimants/%E0%A4%A/withdraw`, { reason: '撤回' }));
    expect(escape.errors[0]).toMatchObject({ field: 'path', rule: 'encoding' });
    for (const name of PROTOTYPE_NAMES) {
      const reveal = await caseworker.post(`/api/wage-cases/${wageCaseId}/claimants/${name}/reveal`, { field: 'phone', reason: '核实身份' });
      expect(reveal.status).toBeGreaterThanOrEqual(400);
      expect(reveal.status).toBeLessThan(500);
    }
  });

  it('takes no more than a small body before log-in, and a workbook-sized one after', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(10 * 1024 * 1024) });
    const anonymous = await fetch(`${system.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(anonymous.status).toBe(413);
    expect(await anonymous.json()).toMatchObject({ code: 'payload_too_large' });
    const forged = await fetch(`${system.app.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' }, body: JSON.stringify({ summary: 'x'.repeat(100_000) }) });
    expect(forged.status).toBe(413);
    const signedIn = await fetch(`${system.app.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caseworker.token}`, 'idempotency-key': 'big-body-0001' }, body: JSON.stringify({ summary: 'x'.repeat(100_000) }) });
    expect(signedIn.status).toBe(400);
  });
});
