/**
 * 热线转欠薪案件 about a construction site (issue 18, point 10): the case the escalation opens names the
 * complaint's employer only; a later step records the project and its chain (建设单位/总包/分包/班组长),
 * as the open-case form records it for a case opened directly; the list and the case show it after.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

describe('the project chain of a wage case escalated from a complaint', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let erqi: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'wang.centre.chain', role: 'caseworker', orgUnitId: '410100' });
    erqi = await system.userClient({ username: 'lv.erqi.chain', role: 'caseworker', orgUnitId: '410103' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function post(path: string, body: unknown = {}) {
    const response = await centre.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const chain = [
    { role: 'developer', name: '郑州某置业有限公司' },
    { role: 'main_contractor', name: '某建工集团有限公司', creditCode: '91410100MA3X1234X5' },
    { role: 'team_leader', name: '张某' },
  ];

  it('records the project and its chain on the escalated case, refuses a bad chain by row, and asks a reason to correct it', async () => {
    const complaint = await post('/api/complaints', {
      channel: 'phone', caller: { name: '冯师傅', phone: '13700001239' }, employer: { name: '郑州某劳务分包公司', district: '410105' },
      category: 'pay', type: 'request_for_action', summary: '安置房工地 12 名木工工资被拖欠',
    });
    const { wageCaseId: id } = await post(`/api/complaints/${complaint.id}/escalate`);
    await system.app.runtime.projections.waitUntilCaughtUp();
    const opened = (await centre.get(`/api/wage-cases/${id}`)).body;
    expect(opened.respondent).toEqual({ kind: 'employer', name: '郑州某劳务分包公司', district: '410105' });
    expect(opened.allowedActions).toContain('record-chain');

    const noName = await centre.post(`/api/wage-cases/${id}/project-chain`, { projectName: '', chain });
    expect(noName.status).toBe(400);
    expect(noName.body.errors.map((e: { field: string }) => e.field)).toEqual(['projectName']);
    const bad = await centre.post(`/api/wage-cases/${id}/project-chain`, { projectName: '某项目', chain: [chain[0], { role: 'boss', name: '某公司' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['chain.1.role']);

    const recorded = await post(`/api/wage-cases/${id}/project-chain`, { projectName: '金水区某安置房项目', chain });
    expect(recorded.version).toBe(opened.version + 1);
    const kase = (await centre.get(`/api/wage-cases/${id}`)).body;
    expect(kase.respondent).toEqual({ kind: 'project', name: '金水区某安置房项目', district: '410105', chain });
    expect(kase.source).toEqual({ kind: 'complaint', complaintId: complaint.id });

    const noReason = await centre.post(`/api/wage-cases/${id}/project-chain`, { projectName: '金水区某安置房项目', chain: chain.slice(1) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason', rule: 'required', message: '更正原因不能为空' })]);
    await post(`/api/wage-cases/${id}/project-chain`, { projectName: '金水区某安置房项目', chain: chain.slice(1), reason: '建设单位核实有误' });
    const history = (await centre.get(`/api/wage-cases/${id}/history`)).body;
    expect(history.filter((e: { type: string }) => e.type === 'ProjectChainRecorded')).toHaveLength(2);

    expect((await erqi.post(`/api/wage-cases/${id}/project-chain`, { projectName: '某项目', chain })).status).toBe(404);
    await system.app.runtime.projections.waitUntilCaughtUp();
    const list = (await centre.get('/api/cases?kind=wage_case')).body.items;
    expect(list).toContainEqual(expect.objectContaining({ id, category: 'project', title: expect.stringContaining('金水区某安置房项目') }));
  });
});
