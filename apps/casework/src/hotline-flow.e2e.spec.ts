/**
 * Issue 18, point 7 over HTTP: orders handed down and reported up the chain (逐级下派、逐级反馈), a
 * return that goes back to the unit that sent it, calls with no employer, a missing outcome named in
 * Chinese, new deadlines on reopening, and a caller's earlier orders found by phone or ID number.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';
const STATION = '410105001';
/** 淮河路街道职工维权服务站, a station of another district (二七区). */
const ERQI_STATION = '410103001';
const DAY = 86_400_000;

let serial = 0;
const newComplaint = (overrides: Record<string, unknown> = {}) => ({
  channel: 'phone',
  caller: { name: '孙师傅', phone: `137${String(20_000_000 + ++serial).slice(-8)}` },
  employer: { name: `郑州市第${serial}物流有限公司`, district: JINSHUI },
  category: 'pay',
  type: 'request_for_action',
  summary: '仓库拖欠五名装卸工一个月工资',
  ...overrides,
});

describe('the hotline flow through the chain of units', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let district: ApiClient;
  let station: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'wu.hotline', role: 'caseworker', orgUnitId: '410100' });
    district = await system.userClient({ username: 'he.jinshui', role: 'caseworker', orgUnitId: JINSHUI });
    station = await system.userClient({ username: 'ma.station', role: 'caseworker', orgUnitId: STATION });
  }, 60_000);

  afterAll(() => system?.stop());

  async function receive(overrides: Record<string, unknown> = {}) {
    const created = await centre.post('/api/complaints', newComplaint(overrides));
    if (created.status !== 201) throw new Error(`receive: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body as { id: string; version: number };
  }

  async function step(client: ApiClient, id: string, action: string, body: unknown = {}) {
    const { body: current } = await client.get(`/api/complaints/${id}`);
    const response = await client.post(`/api/complaints/${id}/${action}`, body, { version: current.version });
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number };
  }

  async function signedByDistrict() {
    const { id } = await receive();
    await step(centre, id, 'assign', { unitId: JINSHUI });
    await step(district, id, 'sign-for');
    return id;
  }

  it('a district that signed for an order hands it down to its station, and sees the station’s resolution', async () => {
    const id = await signedByDistrict();
    const { body: before } = await district.get(`/api/complaints/${id}`);
    expect(before.allowedActions).toContain('assign');
    await step(district, id, 'assign', { unitId: STATION, note: '请经八路站入企核实' });

    const { body: atStation } = await station.get(`/api/complaints/${id}`);
    expect(atStation).toMatchObject({ status: 'assigned', assignedUnitId: STATION, handedDownFrom: [JINSHUI] });
    expect(atStation.deadlines.resolveDueAt).toBe(before.deadlines.resolveDueAt);
    const { body: history } = await district.get(`/api/complaints/${id}/history`);
    expect(history.at(-1)).toMatchObject({ type: 'ComplaintHandedDown', data: { fromUnitId: JINSHUI, unitId: STATION, instructions: '请经八路站入企核实' } });
    // The station's own sign-for limit, counted from the hand-down.
    expect(atStation.deadlines.signForDueAt).toBe(history.at(-1).data.signForDueAt);

    await step(station, id, 'sign-for');
    await step(station, id, 'contact', { reached: true, method: 'phone', summary: '已联系来电人' });
    await step(station, id, 'resolve', { outcome: 'solved', summary: '企业已补发工资' });
    for (const above of [district, centre]) {
      const { body: view } = await above.get(`/api/complaints/${id}`);
      expect(view).toMatchObject({ status: 'resolved', outcome: 'solved', resolution: { summary: '企业已补发工资', onTime: true } });
    }
  });

  it('a unit hands down only to units below it', async () => {
    const id = await signedByDistrict();
    const { body: view } = await district.get(`/api/complaints/${id}`);
    const sideways = await district.post(`/api/complaints/${id}/assign`, { unitId: ERQI_STATION }, { version: view.version });
    expect([sideways.status, sideways.body.errors?.[0]?.rule]).toEqual([400, 'within_own_units']);
    const itself = await district.post(`/api/complaints/${id}/assign`, { unitId: JINSHUI }, { version: view.version });
    expect([itself.status, itself.body.code]).toEqual([422, 'hand_down_to_unit_below']);
    const centreTries = await centre.post(`/api/complaints/${id}/assign`, { unitId: STATION }, { version: view.version });
    expect([centreTries.status, centreTries.body.code]).toEqual([403, 'hand_down_by_handling_unit_only']);
  });

  it('a station’s return goes back to the district with its reason; the station no longer sees the order', async () => {
    const id = await signedByDistrict();
    await step(district, id, 'assign', { unitId: STATION });
    await step(station, id, 'return', { reason: 'not_our_jurisdiction', note: '该企业实际在二七区' });

    expect((await station.get(`/api/complaints/${id}`)).status).toBe(404);
    const { body: back } = await district.get(`/api/complaints/${id}`);
    expect(back).toMatchObject({
      status: 'returned',
      assignedUnitId: JINSHUI,
      lastReturn: { unitId: STATION, toUnitId: JINSHUI, reason: 'not_our_jurisdiction', explanation: '该企业实际在二七区' },
    });
    // The district passes it to another station, or handles it itself (a contact first, then the resolution).
    expect(back.allowedActions).toEqual(expect.arrayContaining(['assign', 'contact', 'request-extension']));
    const { body: history } = await district.get(`/api/complaints/${id}/history`);
    expect(history.at(-1)).toMatchObject({ type: 'ComplaintReturned', data: { reason: 'not_our_jurisdiction', toUnitId: JINSHUI } });

    await system.app.runtime.projections.waitUntilCaughtUp();
    const { body: list } = await district.get('/api/cases?kind=complaint&status=returned');
    expect(list.items.find((row: { id: string }) => row.id === id)).toMatchObject({ status: 'returned', unitId: JINSHUI });
  });

  it('takes a policy question without an employer or a district; other categories still need one', async () => {
    const { id } = await receive({ employer: undefined, category: 'policy_questions', type: 'inquiry', summary: '咨询灵活就业人员社保缴费政策' });
    const { body: view } = await centre.get(`/api/complaints/${id}`);
    expect(view.employer).toBeNull();
    const refused = await centre.post('/api/complaints', newComplaint({ employer: undefined }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'employer', rule: 'required', message: expect.stringContaining('政策咨询') })]);
    const blank = await centre.post('/api/complaints', newComplaint({ employer: { name: '', district: '' }, category: 'other', type: 'suggestion' }));
    expect(blank.status).toBe(201);
  });

  it('a resolution without an outcome is a 400 asking for the 办结结果 in Chinese, with no code in it', async () => {
    const id = await signedByDistrict();
    await step(district, id, 'contact', { reached: true, summary: '已联系' });
    const { body: view } = await district.get(`/api/complaints/${id}`);
    const refused = await district.post(`/api/complaints/${id}/resolve`, { summary: '已协调' }, { version: view.version });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'outcome', message: '请选择办结结果' })]);
    expect(JSON.stringify(refused.body.errors)).not.toMatch(/solved|explained/);
  });

  it('a reopening sets a new resolve deadline, counted from the reopening', async () => {
    const id = await signedByDistrict();
    await step(district, id, 'contact', { reached: true, summary: '已联系' });
    await step(district, id, 'resolve', { outcome: 'explained', summary: '已解释政策' });
    await step(centre, id, 'follow-up', { reached: true, satisfaction: 'dissatisfied' });
    const { body: before } = await centre.get(`/api/complaints/${id}`);
    system.shiftClock(7 * DAY);
    try {
      await step(centre, id, 'reopen', { reason: '来电人不满意，要求重新办理' });
    } finally {
      system.shiftClock(-7 * DAY);
    }
    const { body: after } = await district.get(`/api/complaints/${id}`);
    const { body: history } = await district.get(`/api/complaints/${id}/history`);
    expect(after.deadlines.resolveDueAt).toBe(history.at(-1).data.resolveDueAt);
    expect(Date.parse(after.deadlines.resolveDueAt)).toBeGreaterThan(Date.parse(before.deadlines.resolveDueAt ?? after.receivedAt));
    expect(after.deadlines.followUpDueAt).toBeNull();
  });

  it('lists a caller’s earlier orders by phone or by ID number while they are typed, never echoing the number', async () => {
    const phone = '13655556666';
    const idNumber = '41010519900301012X';
    const first = await receive({ caller: { name: '周女士', phone, idNumber } });
    const second = await receive({ caller: { name: '周女士', phone: '13677778888', idNumber } });
    await system.app.runtime.projections.waitUntilCaughtUp();

    const byPhone = await centre.post('/api/hotline/earlier-orders', { phone: `+86 ${phone}` });
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.items.map((o: { id: string }) => o.id)).toEqual([first.id]);
    const byId = await centre.post('/api/hotline/earlier-orders', { idNumber: idNumber.toLowerCase() });
    expect(byId.body.items.map((o: { id: string }) => o.id).sort()).toEqual([first.id, second.id].sort());
    expect(byId.body.items[0]).toEqual(expect.objectContaining({ title: expect.any(String), status: expect.any(String), receivedAt: expect.any(String) }));
    expect(JSON.stringify(byId.body)).not.toContain(idNumber);
    // The second call repeats the first by the ID number alone.
    expect((await centre.get(`/api/complaints/${second.id}`)).body.repeatOf).toEqual([first.id]);

    expect((await station.post('/api/hotline/earlier-orders', { phone })).body.items).toEqual([]);
    const bad = await centre.post('/api/hotline/earlier-orders', { phone: '123' });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'phone']);
  });
});
