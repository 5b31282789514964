/** 审批 over HTTP: a unit asks for more time, its supervisor approves or rejects from the inbox. */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';

describe('approvals over HTTP', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let jinshui: ApiClient;
  let jinshuiSupervisor: ApiClient;
  let erqiSupervisor: ApiClient;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'wang.hotline', role: 'caseworker', orgUnitId: '410100' });
    jinshui = await system.userClient({ username: 'li.jinshui', role: 'caseworker', orgUnitId: JINSHUI });
    jinshuiSupervisor = await system.userClient({ username: 'liu.supervisor', role: 'supervisor', orgUnitId: JINSHUI });
    erqiSupervisor = await system.userClient({ username: 'sun.supervisor', role: 'supervisor', orgUnitId: '410103' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function act(client: ApiClient, id: string, action: string, body: unknown = {}) {
    const { body: current } = await client.get(`/api/complaints/${id}`);
    const response = await client.post(`/api/complaints/${id}/${action}`, body, { version: current.version });
    if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** A complaint handled by 金水区, signed for and in progress. */
  async function inProgress(): Promise<string> {
    serial += 1;
    const { body } = await centre.post('/api/complaints', {
      channel: 'phone', caller: { name: '赵师傅', phone: `1370000${String(1000 + serial)}` }, employer: { name: `审批测试企业${serial}`, district: JINSHUI },
      category: 'pay', type: 'request_for_action', summary: '拖欠工资',
    });
    await act(centre, body.id, 'assign', { unitId: JINSHUI });
    await act(jinshui, body.id, 'sign-for');
    return body.id;
  }

  const inbox = async (client: ApiClient, status = 'pending') => {
    await system.app.runtime.projections.waitUntilCaughtUp();
    return (await client.get(`/api/approvals?status=${status}`)).body;
  };

  it('puts a unit\'s request in its supervisor\'s inbox, and approving it moves the deadline', async () => {
    const id = await inProgress();
    const before = (await jinshui.get(`/api/complaints/${id}`)).body.deadlines.resolveDueAt;
    const { approvalId } = await act(jinshui, id, 'extension-requests', { workingDays: 5, reason: '需调取工地考勤记录' });
    const pending = await inbox(jinshuiSupervisor);
    expect(pending).toEqual([expect.objectContaining({ id: approvalId, caseId: id, kind: 'hotline_extension', status: 'pending', details: { workingDays: 5, reason: '需调取工地考勤记录' } })]);
    expect(await inbox(erqiSupervisor)).toEqual([]);

    const approved = await jinshuiSupervisor.post(`/api/approvals/${approvalId}/approve`, { reason: '同意' });
    expect(approved.status).toBe(200);
    const after = (await jinshui.get(`/api/complaints/${id}`)).body.deadlines.resolveDueAt;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(await inbox(jinshuiSupervisor)).toEqual([]);
    expect(await inbox(jinshuiSupervisor, 'decided')).toEqual([expect.objectContaining({ id: approvalId, status: 'approved', reason: '同意' })]);
    const history = (await jinshui.get(`/api/complaints/${id}/history`)).body.map((e: { type: string }) => e.type);
    expect(history.slice(-3)).toEqual(['ExtensionRequested', 'ExtensionRequestApproved', 'ResolutionDeadlineExtended']);
  });

  it('rejects only with a reason, leaving the deadline where it was', async () => {
    const id = await inProgress();
    const before = (await jinshui.get(`/api/complaints/${id}`)).body.deadlines.resolveDueAt;
    const { approvalId } = await act(jinshui, id, 'extension-requests', { workingDays: 3, reason: '等待企业提供工资表' });
    await inbox(jinshuiSupervisor);
    const withoutReason = await jinshuiSupervisor.post(`/api/approvals/${approvalId}/reject`, {});
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await jinshuiSupervisor.post(`/api/approvals/${approvalId}/reject`, { reason: '材料已齐，应按期办结' })).status).toBe(200);
    expect((await jinshui.get(`/api/complaints/${id}`)).body.deadlines.resolveDueAt).toBe(before);
    expect((await jinshuiSupervisor.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(422);
  });

  it('keeps the inbox and the decision to supervisors of the unit', async () => {
    const id = await inProgress();
    const { approvalId } = await act(jinshui, id, 'extension-requests', { workingDays: 2, reason: '节后复工' });
    await inbox(jinshuiSupervisor);
    expect((await jinshui.get('/api/approvals')).status).toBe(403);
    expect((await erqiSupervisor.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(404);
    expect((await jinshui.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(403);
  });
});
