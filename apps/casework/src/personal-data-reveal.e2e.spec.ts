/**
 * Revealing a personal field in full (who may, for what reason) and the access log of views and
 * reveals that supervisors read for their subtree.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { complaintFrom, residentId } from '#casework-testing';

const JINSHUI = '410105';
const ERQI = '410103';
const PHONE = '13812345678';
const ID_NUMBER = residentId('41010519900101123');

describe('revealing personal data, and the access log', () => {
  let system: TestCasework;
  let jinshui: ApiClient;
  let erqi: ApiClient;
  let mediator: ApiClient;
  let citySupervisor: ApiClient;
  let erqiSupervisor: ApiClient;
  let id: string;
  let jinshuiUserId: string;

  beforeAll(async () => {
    system = await startTestCasework();
    jinshui = await system.userClient({ username: 'li.jinshui', role: 'caseworker', orgUnitId: JINSHUI });
    erqi = await system.userClient({ username: 'zhao.erqi', role: 'caseworker', orgUnitId: ERQI });
    mediator = await system.userClient({ username: 'sun.mediator', role: 'mediator', orgUnitId: 'MR-410105' });
    citySupervisor = await system.userClient({ username: 'chen.city', role: 'supervisor', orgUnitId: '410100' });
    erqiSupervisor = await system.userClient({ username: 'zhou.erqi', role: 'supervisor', orgUnitId: ERQI });
    jinshuiUserId = (await jinshui.get('/api/auth/me')).body.id;
    id = (await jinshui.post('/api/complaints', complaintFrom({ name: '王建国', phone: PHONE, idNumber: ID_NUMBER }, '某建筑公司', JINSHUI))).body.id;
    await system.app.runtime.projections.waitUntilCaughtUp();
  }, 60_000);

  afterAll(() => system?.stop());

  const reveal = (client: ApiClient, field: string, reason?: string) => client.post(`/api/complaints/${id}/reveal`, { field, ...(reason !== undefined ? { reason } : {}) });

  it('reveals the phone and the ID number to a caseworker and a supervisor who may see the case', async () => {
    const phone = await reveal(jinshui, 'caller.phone', '回访来电人');
    expect([phone.status, phone.body]).toEqual([200, { field: 'caller.phone', value: PHONE }]);
    const idNumber = await reveal(citySupervisor, 'caller.idNumber', '核实身份');
    expect([idNumber.status, idNumber.body]).toEqual([200, { field: 'caller.idNumber', value: ID_NUMBER }]);
  });

  it('asks for a reason and a known field, in Chinese', async () => {
    const noReason = await reveal(jinshui, 'caller.phone');
    expect([noReason.status, noReason.body.code, noReason.body.errors[0].field]).toEqual([400, 'validation_failed', 'reason']);
    expect(noReason.body.errors[0].message).toMatch(/查看理由/);
    const blank = await reveal(jinshui, 'caller.phone', '');
    expect(blank.status).toBe(400);
    const name = await reveal(jinshui, 'caller.name', '核实');
    expect([name.status, name.body.errors[0].field]).toEqual([400, 'field']);
  });

  it('answers another district 404, exactly as for a case that does not exist, and mediators and administrators 403', async () => {
    const foreign = await reveal(erqi, 'caller.phone', '好奇');
    const unknown = await erqi.post('/api/complaints/00000000-0000-4000-8000-000000000000/reveal', { field: 'caller.phone', reason: '好奇' });
    expect([foreign.status, foreign.body]).toEqual([unknown.status, unknown.body]);
    expect(foreign.body.code).toBe('complaint_not_found');
    expect((await reveal(mediator, 'caller.phone', '调解需要')).status).toBe(403);
    expect((await reveal(system.admin, 'caller.phone', '管理')).status).toBe(403);
  });

  it('says when the caller gave no such field', async () => {
    const anonymous = (await jinshui.post('/api/complaints', complaintFrom({ phone: '13900002222' }, '另一公司', JINSHUI))).body.id;
    const response = await jinshui.post(`/api/complaints/${anonymous}/reveal`, { field: 'caller.idNumber', reason: '核实' });
    expect([response.status, response.body.code]).toEqual([404, 'personal_data_not_recorded']);
  });

  it('logs every reveal with its field and reason, and every view, but never the value', async () => {
    await jinshui.get(`/api/complaints/${id}`);
    await jinshui.get(`/api/complaints/${id}/history`);
    await erqi.get(`/api/complaints/${id}`); // refused: not a view
    const { status, body: log } = await citySupervisor.get(`/api/audit/access-log?caseId=${id}`);
    expect(status).toBe(200);
    expect(log.filter((e: { action: string }) => e.action === 'reveal')).toEqual([
      expect.objectContaining({ username: 'chen.city', role: 'supervisor', action: 'reveal', caseKind: 'complaint', caseId: id, field: 'caller.idNumber', reason: '核实身份' }),
      expect.objectContaining({ username: 'li.jinshui', role: 'caseworker', action: 'reveal', field: 'caller.phone', reason: '回访来电人' }),
    ]);
    const views = log.filter((e: { action: string }) => e.action === 'view');
    expect(views.map((e: { username: string }) => e.username)).toEqual(['li.jinshui', 'li.jinshui']);
    expect(views[0]).toMatchObject({ userId: jinshuiUserId, unitId: JINSHUI, caseKind: 'complaint', caseId: id });
    expect(JSON.stringify(log)).not.toContain(PHONE);
    expect(JSON.stringify(log)).not.toContain(ID_NUMBER);
  });

  it('filters by user and time, and shows a supervisor only their subtree', async () => {
    const byUser = (await citySupervisor.get(`/api/audit/access-log?userId=${jinshuiUserId}`)).body;
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e: { userId: string }) => e.userId === jinshuiUserId)).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await citySupervisor.get(`/api/audit/access-log?from=${encodeURIComponent(future)}`)).body).toEqual([]);
    expect((await erqiSupervisor.get(`/api/audit/access-log?caseId=${id}`)).body).toEqual([]);
    expect((await citySupervisor.get('/api/audit/access-log?from=yesterday')).status).toBe(400);
  });

  it('is for supervisors only', async () => {
    expect((await jinshui.get('/api/audit/access-log')).status).toBe(403);
    expect((await system.admin.get('/api/audit/access-log')).status).toBe(403);
  });
});
