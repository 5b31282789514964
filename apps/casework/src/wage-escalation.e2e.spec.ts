/**
 * 热线转欠薪案件 over HTTP: a wage-arrears complaint escalated opens a linked wage case in the unit
 * handling it; closing the case sends the outcome back to the complaint.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

describe('escalating a complaint to a wage case', () => {
  let system: TestCasework;
  let centre: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'wang.centre', role: 'caseworker', orgUnitId: '410100' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function post(path: string, body: unknown = {}) {
    const response = await centre.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('opens the linked case once, and the complaint learns the outcome when the case closes', async () => {
    const complaint = await post('/api/complaints', {
      channel: 'phone', caller: { name: '冯师傅', phone: '13700001234' }, employer: { name: '郑州某劳务分包公司', district: '410105' },
      category: 'pay', type: 'request_for_action', summary: '12 名工人 2025 年工资被拖欠',
    });
    expect((await centre.get(`/api/complaints/${complaint.id}`)).body.allowedActions).toContain('escalate');
    const escalated = await post(`/api/complaints/${complaint.id}/escalate`);
    // A second click (a new request, not a retry) opens nothing new: the same case, the same version.
    const again = await post(`/api/complaints/${complaint.id}/escalate`);
    expect(again).toEqual({ ...escalated, wageCaseId: escalated.wageCaseId });

    await system.app.runtime.projections.waitUntilCaughtUp();
    const kase = (await centre.get(`/api/wage-cases/${escalated.wageCaseId}`)).body;
    expect(kase).toMatchObject({ status: 'opened', unitId: '410100', source: { kind: 'complaint', complaintId: complaint.id }, respondent: { kind: 'employer', name: '郑州某劳务分包公司' } });

    const id = escalated.wageCaseId;
    const added = await post(`/api/wage-cases/${id}/claimants`, { claimants: [{ name: '冯师傅', workedFrom: '2025-03-01', workedUntil: '2025-12-20', claimed: 2_000_000 }] });
    await post(`/api/wage-cases/${id}/start-verification`);
    await post(`/api/wage-cases/${id}/verify`, { claims: [{ claimantId: added.claimantIds[0], verified: 1_800_000, basis: '考勤卡' }] });
    await post(`/api/wage-cases/${id}/payments`, { amount: 1_800_000, paidOn: system.today(), payer: '郑州某劳务分包公司', allocations: [{ claimantId: added.claimantIds[0], amount: 1_800_000 }] });
    await post(`/api/wage-cases/${id}/close`, { outcome: 'fully_recovered', reason: '全部追回' });

    await system.app.runtime.projections.waitUntilCaughtUp();
    const links = (await centre.get(`/api/complaints/${complaint.id}`)).body.links;
    expect(links).toEqual([expect.objectContaining({ kind: 'wage_case', id, outcome: expect.objectContaining({ outcome: 'fully_recovered', summary: '全额追回：核实 18,000.00 元，追回 18,000.00 元，垫付 0.00 元' }) })]);
    const history = (await centre.get(`/api/wage-cases/${id}/history`)).body;
    expect(history.filter((e: { type: string }) => e.type === 'WageCaseOpened')).toHaveLength(1);

    const list = (await centre.get('/api/cases?kind=wage_case')).body;
    expect(list.items).toContainEqual(expect.objectContaining({ id, kind: 'wage_case', status: 'closed', progress: expect.objectContaining({ recovered: 1_800_000, verified: 1_800_000 }) }));
  });
});
