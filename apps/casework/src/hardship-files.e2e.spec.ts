/**
 * 困难职工建档 over HTTP: one family from application through the home visit (with consent), the
 * public notice, registration approved by a supervisor, aid, lifted out and a relapse; the figures
 * count it; another district sees nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const DAY = 86_400_000;

describe('hardship files over HTTP', () => {
  let system: TestCasework;
  let cadre: ApiClient;
  let supervisor: ApiClient;
  let erqi: ApiClient;

  beforeAll(async () => {
    const lines = join(mkdtempSync(join(tmpdir(), 'casework-lines-')), 'poverty-lines.json');
    const year = Number(shanghaiDay().slice(0, 4));
    writeFileSync(lines, JSON.stringify({ '*': { [year]: 100_000, [year + 1]: 100_000 } }));
    system = await startTestCasework({ povertyLinesFile: lines });
    cadre = await system.userClient({ username: 'xu.station', role: 'caseworker', orgUnitId: '410105001' });
    supervisor = await system.userClient({ username: 'he.supervisor', role: 'supervisor', orgUnitId: '410105' });
    erqi = await system.userClient({ username: 'lv.erqi', role: 'caseworker', orgUnitId: '410103' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('turns a hardship-help complaint into an application for a file, linked, but not an anonymous one', async () => {
    const centre = await system.userClient({ username: 'wang.centre.hs', role: 'caseworker', orgUnitId: '410100' });
    const complaint = await post(centre, '/api/complaints', {
      channel: 'phone', caller: { name: '孔某', phone: '13700005678' }, employer: { name: '郑州某服装厂', district: '410105' },
      category: 'hardship_help', subcategory: 'medical_hardship', type: 'request_for_action', summary: '妻子患重病，家庭生活困难',
    });
    expect((await centre.get(`/api/complaints/${complaint.id}`)).body.allowedActions).toContain('escalate-hardship');
    const { hardshipFileId } = await post(centre, `/api/complaints/${complaint.id}/escalate-hardship`);
    await system.app.runtime.projections.waitUntilCaughtUp();
    const file = (await centre.get(`/api/hardship-files/${hardshipFileId}`)).body;
    expect(file).toMatchObject({ status: 'applied', source: { kind: 'complaint', complaintId: complaint.id }, head: { name: '孔某', phone: '137****5678', employer: '郑州某服装厂' }, district: '410105', unitId: '410100' });
    expect((await centre.get(`/api/complaints/${complaint.id}`)).body.links).toEqual([expect.objectContaining({ kind: 'hardship_application', id: hardshipFileId })]);
    expect((await centre.get(`/api/wage-cases/${hardshipFileId}`)).status).toBe(404);

    const anonymous = await post(centre, '/api/complaints', {
      channel: 'phone', caller: { anonymous: true }, employer: { name: '郑州某服装厂', district: '410105' },
      category: 'hardship_help', subcategory: 'living_hardship', type: 'request_for_action', summary: '生活困难',
    });
    const refused = await centre.post(`/api/complaints/${anonymous.id}/escalate-hardship`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('anonymous_caller');
  });

  it('lets a supervisor upload a legacy registry of their own units, once, and nobody else', async () => {
    const header = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';
    const ours = ['JS-L-1,褚某,,,某厂,是,410105,410105001,3,1500,因病,深度困难,2018-04-01,在档,,', 'JS-L-2,卫某,,,某厂,否,410105,410105,2,900,失业,相对困难,2019-05-01,已脱困,2021-06-30,'];
    const upload = (client: ApiClient, rows: string[]) => client.post('/api/hardship-files/import', { format: 'csv', content: [header, ...rows].join('\n') });
    const outside = await upload(supervisor, [...ours, 'EQ-L-3,蒋某,,,某厂,是,410103,410103,1,800,其他,相对困难,2019-05-01,在档,,']);
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'rows.4.unitId', rule: 'within_own_units' })]);
    expect((await upload(cadre, ours)).status).toBe(403);
    expect((await upload(supervisor, ours)).body).toEqual({ imported: 2, alreadyThere: 0, events: 5 });
    expect((await upload(supervisor, ours)).body).toEqual({ imported: 0, alreadyThere: 2, events: 0 });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const figures = (await supervisor.get('/api/stats/hardship?from=2018-01-01&to=2021-12-31&unit=410105')).body;
    expect(figures).toMatchObject({ registered: { inPeriod: 2 }, activeAtEnd: 1, lifted: 1 });
  });

  it('walks one family from application to lifted out and relapse, counted in the figures', async () => {
    const application = {
      source: { kind: 'application' }, district: '410105', causes: ['illness', 'schooling'], monthlyHouseholdIncome: 240_000,
      head: { name: '陈某', idNumber: '410105198001010017', phone: '13900001234', employer: '郑州某纺织厂', unionMember: true },
      members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }, { name: '陈子', relation: '子', age: 15, schooling: '初中' }],
    };
    const bad = await cadre.post('/api/hardship-files', { ...application, monthlyHouseholdIncome: 12.5, causes: ['gambling'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['monthlyHouseholdIncome']);
    const { id } = await post(cadre, '/api/hardship-files', application);

    const noConsent = await cadre.post(`/api/hardship-files/${id}/home-visit`, { visitedOn: shanghaiDay(), consentToIncomeCheck: false, findings: '入户', monthlyHouseholdIncome: 240_000 });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.errors[0]).toMatchObject({ field: 'consentToIncomeCheck', rule: 'consent_required' });
    await post(cadre, `/api/hardship-files/${id}/home-visit`, { visitedOn: shanghaiDay(), consentToIncomeCheck: true, findings: '妻子透析，儿子上学', monthlyHouseholdIncome: 240_000 });
    await post(cadre, `/api/hardship-files/${id}/notice`, { startedOn: shanghaiDay() });
    const early = await cadre.post(`/api/hardship-files/${id}/registration-requests`, { level: 'deep', causes: ['illness'] });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('notice_not_over');

    system.shiftClock(20 * DAY);
    const { requestId } = await post(cadre, `/api/hardship-files/${id}/registration-requests`, { level: 'deep', causes: ['illness', 'schooling'] });
    expect((await cadre.post(`/api/hardship-files/${id}/registration-requests/${requestId}/decision`, { approve: true, reason: '同意' })).status).toBe(403);
    await system.app.runtime.projections.waitUntilCaughtUp();
    const inbox = (await supervisor.get('/api/approvals?status=pending')).body;
    expect(inbox).toContainEqual(expect.objectContaining({ id: requestId, kind: 'hardship_registration', caseKind: 'hardship_file', caseId: id }));
    await post(supervisor, `/api/approvals/${requestId}/approve`, { reason: '符合深度困难条件' });
    // 金秋助学 for the son (the second listed member: place 2); a place outside the household of three is refused.
    const outsider = await cadre.post(`/api/hardship-files/${id}/aid`, { type: 'school', deliveredOn: shanghaiDay(20), amount: 200_000, fundingSource: '金秋助学专项', reached: [2, 3] });
    expect(outsider.status).toBe(400);
    expect(outsider.body.errors).toEqual([expect.objectContaining({ field: 'reached.1', rule: 'household_member' })]);
    await post(cadre, `/api/hardship-files/${id}/aid`, { type: 'school', deliveredOn: shanghaiDay(20), amount: 200_000, fundingSource: '金秋助学专项', reached: [2] });
    // 走访慰问: a visit to the family, besides the verification visit; none dated ahead.
    const visitAhead = await cadre.post(`/api/hardship-files/${id}/family-visits`, { visitedOn: shanghaiDay(21), note: '送慰问金', visitedBy: '王主席' });
    expect(visitAhead.status).toBe(400);
    expect(visitAhead.body.errors).toEqual([expect.objectContaining({ field: 'visitedOn', rule: 'future_date' })]);
    expect((await post(cadre, `/api/hardship-files/${id}/family-visits`, { visitedOn: shanghaiDay(20), note: '送慰问金', visitedBy: '王主席、李干事' })).visitId).toEqual(expect.any(String));
    // Registered today (day 20): a relief or aid dated the day before would count the family before it had a file, and aid dated tomorrow in a period still to come.
    const reliefBefore = await cadre.post(`/api/hardship-files/${id}/relief`, { relievedOn: shanghaiDay(19), reason: '长期病残' });
    expect(reliefBefore.status).toBe(400);
    expect(reliefBefore.body.errors).toEqual([expect.objectContaining({ field: 'relievedOn', rule: 'date_order' })]);
    const aidAhead = await cadre.post(`/api/hardship-files/${id}/aid`, { type: 'festival', deliveredOn: shanghaiDay(21), amount: 50_000, fundingSource: '送温暖资金' });
    expect(aidAhead.status).toBe(400);
    expect(aidAhead.body.errors).toEqual([expect.objectContaining({ field: 'deliveredOn', rule: 'future_date' })]);
    const { requestId: liftId } = await post(cadre, `/api/hardship-files/${id}/lift-out-requests`, { basis: 'stable_work', evidence: '户主签订三年劳动合同' });
    await post(supervisor, `/api/hardship-files/${id}/lift-out-requests/${liftId}/decision`, { approve: true, reason: '稳定就业' });
    system.shiftClock(40 * DAY);
    await post(cadre, `/api/hardship-files/${id}/relapse`, { relapsedOn: shanghaiDay(60), reason: '户主失业', level: 'relative' });

    const file = (await cadre.get(`/api/hardship-files/${id}`)).body;
    expect(file).toMatchObject({ status: 'active', level: 'relative', relapses: 1, head: { name: '陈某', idNumber: '410105********0017', phone: '139****1234' }, incomePerHead: 80_000, line: 100_000 });
    expect((await erqi.get(`/api/hardship-files/${id}`)).status).toBe(404);
    expect((await system.admin.get(`/api/hardship-files/${id}`)).status).toBe(404);

    await system.app.runtime.projections.waitUntilCaughtUp();
    const listed = (await supervisor.get('/api/cases?kind=hardship_file')).body.items;
    expect(listed.filter((item: { id: string }) => item.id === id)).toEqual([expect.objectContaining({ id, kind: 'hardship_file', status: 'active', nextDueStep: 'yearly_review' })]);
    expect(JSON.stringify(listed)).not.toContain('陈某');
    // The yearly review falls due a year after the relapse: in the list of what is due within 366 days, not within 30.
    const dueFor = async (days: number) => (await cadre.get(`/api/hardship-files/due?days=${days}`)).body.filter((item: { fileId: string }) => item.fileId === id);
    expect(await dueFor(366)).toEqual([expect.objectContaining({ fileId: id, step: 'yearly_review', overdue: false })]);
    expect(await dueFor(30)).toEqual([]);
    expect((await cadre.get('/api/hardship-files/due?days=abc')).status).toBe(400);
    expect((await erqi.get('/api/hardship-files/due?days=366')).body.some((item: { fileId: string }) => item.fileId === id)).toBe(false);
    const figures = (await supervisor.get(`/api/stats/hardship?from=${shanghaiDay(-1)}&to=${shanghaiDay(90)}&unit=410105`)).body;
    // The registry uploaded above is dated 2018–2021: registered and lifted before this period, but its
    // active file (JS-L-1) is still active at the period's end, beside this family.
    expect(figures).toMatchObject({ registered: { inPeriod: 1 }, activeAtEnd: 2, lifted: 1, relapses: { households: 1, reopenings: 1 }, aid: [{ type: 'school', amount: 200_000, households: 1, deliveries: 1, personsReached: 1, distinctPersons: 1 }] });
    expect(figures.visits.byKind).toEqual(expect.arrayContaining([{ kind: 'family', visits: 1, households: 1 }, { kind: 'verification', visits: 1, households: 1 }]));
  });

  it('moves a file to the district a family moved to: the new unit keeps it, sees it, and counts it; the old one no longer', async () => {
    const city = await system.userClient({ username: 'gao.city', role: 'caseworker', orgUnitId: '410100' });
    const { id } = await post(cadre, '/api/hardship-files', {
      source: { kind: 'screening' }, district: '410105', causes: ['disability'], monthlyHouseholdIncome: 90_000,
      head: { name: '林某', employer: '郑州某机械厂', unionMember: true }, members: [],
    });
    const outside = await cadre.post(`/api/hardship-files/${id}/transfer`, { unitId: '410103', reason: '全家搬到二七区' });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'unitId', rule: 'within_own_units' })]);
    const noReason = await city.post(`/api/hardship-files/${id}/transfer`, { unitId: '410103' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await post(city, `/api/hardship-files/${id}/transfer`, { unitId: '410103', reason: '全家搬到二七区' });

    expect((await erqi.get(`/api/hardship-files/${id}`)).body).toMatchObject({ unitId: '410103', district: '410103' });
    expect((await cadre.get(`/api/hardship-files/${id}`)).status).toBe(404);
    const history = (await city.get(`/api/hardship-files/${id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ type: 'FileTransferred', data: { fromUnitId: '410105001', toUnitId: '410103', reason: '全家搬到二七区' } });
    await system.app.runtime.projections.waitUntilCaughtUp();
    expect((await erqi.get('/api/cases?kind=hardship_file')).body.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('lets an administrator keep the minimum-living lines, with the reason of each change, and measures a home visit against them', async () => {
    // The year of today's visit (the clock has moved on in the walk above; both years are seeded).
    const year = Number(system.today().slice(0, 4));
    const seeded = (await system.admin.get('/api/admin/poverty-lines')).body.lines;
    expect(seeded).toContainEqual(expect.objectContaining({ district: '*', year, line: 100_000, updatedBy: 'POVERTY_LINES_FILE' }));

    const bad = await system.admin.request<any>('PUT', `/api/admin/poverty-lines/41010/${year}`, { line: 1.5, reason: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['district', 'line', 'reason']);
    expect(bad.body.message).toContain('行政区划代码');
    expect((await cadre.request<any>('PUT', `/api/admin/poverty-lines/410106/${year}`, { line: 120_000, reason: '郑政〔2026〕12号' })).status).toBe(403);
    const set = await system.admin.request<any>('PUT', `/api/admin/poverty-lines/410106/${year}`, { line: 120_000, reason: '郑政〔2026〕12号' });
    expect(set.status).toBe(200);
    expect((await system.admin.get('/api/admin/poverty-lines/changes')).body[0]).toMatchObject({ district: '410106', year, before: null, after: 120_000, reason: '郑政〔2026〕12号', changedBy: { username: 'admin' } });

    const { id } = await post(cadre, '/api/hardship-files', {
      source: { kind: 'application' }, district: '410106', causes: ['unemployment'], monthlyHouseholdIncome: 200_000,
      head: { name: '马某', employer: '郑州某商贸公司', unionMember: true }, members: [{ name: '马妻', relation: '配偶', age: 38 }],
    });
    await post(cadre, `/api/hardship-files/${id}/home-visit`, { visitedOn: system.today(), consentToIncomeCheck: true, findings: '夫妻均失业', monthlyHouseholdIncome: 200_000 });
    expect((await cadre.get(`/api/hardship-files/${id}`)).body).toMatchObject({ incomePerHead: 100_000, line: 120_000 });
  });

  it("pushes reminders to the file's cadres: ahead of the notice's end, again once overdue, gone once the step is done", async () => {
    const { id } = await post(cadre, '/api/hardship-files', {
      source: { kind: 'application' }, district: '410105', causes: ['accident'], monthlyHouseholdIncome: 90_000,
      head: { name: '黄某', employer: '郑州某建筑公司', unionMember: true }, members: [],
    });
    await post(cadre, `/api/hardship-files/${id}/home-visit`, { visitedOn: system.today(), consentToIncomeCheck: true, findings: '工伤致困', monthlyHouseholdIncome: 90_000 });
    await post(cadre, `/api/hardship-files/${id}/notice`, { startedOn: system.today() });
    const me = (await cadre.get('/api/auth/me')).body;
    await post(cadre, `/api/hardship-files/${id}/cadres`, { level: 'grassroots', userId: me.id });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const mine = async () => {
      await system.app.reminders.runOnce();
      await system.app.runtime.projections.waitUntilCaughtUp();
      return (await cadre.get('/api/hardship-files/reminders')).body.filter((r: { fileId: string }) => r.fileId === id);
    };

    const [soon] = await mine();
    expect(soon).toMatchObject({ fileId: id, step: 'notice_end', overdue: false, read: false });
    expect(await mine()).toEqual([soon]); // a second sweep sends nothing more
    expect((await erqi.post(`/api/hardship-files/reminders/${encodeURIComponent(soon.reminderId)}/read`)).status).toBe(404);
    await post(cadre, `/api/hardship-files/reminders/${encodeURIComponent(soon.reminderId)}/read`);
    expect(await mine()).toEqual([{ ...soon, read: true }]);

    system.shiftClock(15 * DAY);
    const [overdue] = await mine();
    expect(overdue).toMatchObject({ step: 'notice_end', dueOn: soon.dueOn, overdue: true, read: false });
    expect((await cadre.get(`/api/hardship-files/${id}/history`)).body.filter((e: { type: string }) => e.type === 'ReminderSent')).toHaveLength(2);
    await post(cadre, `/api/hardship-files/${id}/registration-requests`, { level: 'accident', causes: ['accident'] });
    await system.app.runtime.projections.waitUntilCaughtUp();
    expect((await cadre.get('/api/hardship-files/reminders')).body.filter((r: { fileId: string }) => r.fileId === id)).toEqual([]);
  });

  it('makes a cadre only of an active user who may see the file: not any string, an administrator, a mediator or another district', async () => {
    const { id } = await post(cadre, '/api/hardship-files', {
      source: { kind: 'application' }, district: '410105', unitId: '410105001', causes: ['illness'], monthlyHouseholdIncome: 90_000,
      head: { name: '唐某', employer: '郑州某机械厂', unionMember: true }, members: [],
    });
    const idOf = async (client: ApiClient) => (await client.get('/api/auth/me')).body.id as string;
    const mediator = await system.userClient({ username: 'cadre.mediator', role: 'mediator', orgUnitId: 'MR-410105' });
    const leaving = await system.userClient({ username: 'cadre.leaving', role: 'caseworker', orgUnitId: '410105001' });
    const leavingId = await idOf(leaving);
    await system.admin.post(`/api/users/${leavingId}/disable`);
    const refusals: Record<string, string> = {
      'not-a-user': 'active_user', '00000000-0000-4000-8000-000000000000': 'active_user', [leavingId]: 'active_user',
      [await idOf(system.admin)]: 'may_see_file', [await idOf(mediator)]: 'may_see_file', [await idOf(erqi)]: 'may_see_file',
    };
    for (const [userId, rule] of Object.entries(refusals)) {
      const refused = await cadre.post(`/api/hardship-files/${id}/cadres`, { level: 'grassroots', userId });
      expect([refused.status, refused.body.errors?.[0]?.field, refused.body.errors?.[0]?.rule]).toEqual([400, 'userId', rule]);
      expect(refused.body.errors[0].message).toMatch(/帮扶责任人/);
    }
    expect((await cadre.get(`/api/hardship-files/${id}`)).body.cadres).toEqual({});
    await post(cadre, `/api/hardship-files/${id}/cadres`, { level: 'district', userId: await idOf(supervisor) });
    await post(cadre, `/api/hardship-files/${id}/cadres`, { level: 'grassroots', userId: await idOf(cadre) });
    expect(Object.keys((await cadre.get(`/api/hardship-files/${id}`)).body.cadres).sort()).toEqual(['district', 'grassroots']);
  });
});
