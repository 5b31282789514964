/**
 * 参考数据维护 over HTTP, on the whole system: an administrator corrects a label, retires and restores
 * items and adds second-level categories and return reasons; new input follows at once, old cases
 * keep their labels, and every change is in the history with who, when and why.
 */
import { ReferenceItems } from '#gateway';
import { startTestCasework, TEST_START, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';

describe('hotline reference data, kept by an administrator', () => {
  let system: TestCasework;
  let admin: ApiClient;
  let centre: ApiClient;
  let jinshui: ApiClient;
  let supervisor: ApiClient;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestCasework();
    admin = system.admin;
    centre = await system.userClient({ username: 'wang.hotline', role: 'caseworker', orgUnitId: '410100' });
    jinshui = await system.userClient({ username: 'li.jinshui', role: 'caseworker', orgUnitId: JINSHUI });
    supervisor = await system.userClient({ username: 'chen.supervisor', role: 'supervisor', orgUnitId: '410100' });
  }, 60_000);

  afterAll(() => system?.stop());

  const receive = (overrides: Record<string, unknown> = {}) =>
    centre.post('/api/complaints', {
      channel: 'phone', caller: { anonymous: true }, employer: { name: `参考数据测试企业${++serial}`, district: JINSHUI },
      category: 'pay', type: 'request_for_action', summary: '拖欠工资', ...overrides,
    });
  const reference = async (query = '') => (await centre.get(`/api/reference/hotline${query}`)).body;
  const codes = (items: { code: string }[]) => items.map((item) => item.code);
  const adminList = async (name: string) =>
    (await admin.get('/api/admin/reference/hotline')).body.lists.find((list: { name: string }) => list.name === name);

  async function assigned(): Promise<string> {
    const { body } = await receive();
    const response = await centre.post(`/api/complaints/${body.id}/assign`, { unitId: JINSHUI });
    expect(response.status).toBe(200);
    return body.id;
  }

  it('corrects a label: everyone reads the new one, the code stays, the history says who, when and why', async () => {
    const relabelled = await admin.request<any>('PATCH', '/api/admin/reference/hotline/returnReasons/duplicate_order', {
      label: '重复交办工单', reason: '与省平台退回原因名称保持一致',
    });
    expect(relabelled.status).toBe(200);
    expect(relabelled.body.item).toEqual({ list: 'returnReasons', code: 'duplicate_order', label: '重复交办工单', labelEn: 'Duplicate order', active: true });

    expect((await reference()).returnReasons.find((r: { code: string }) => r.code === 'duplicate_order').label).toBe('重复交办工单');
    const { body: history } = await admin.get('/api/admin/reference/hotline/changes?list=returnReasons&code=duplicate_order');
    expect(history).toEqual([
      expect.objectContaining({
        change: 'relabelled', reason: '与省平台退回原因名称保持一致', changedBy: { userId: expect.any(String), username: 'admin' },
        before: expect.objectContaining({ label: '重复工单' }), after: expect.objectContaining({ label: '重复交办工单' }),
      }),
    ]);
    // Recorded on the system's clock, which starts at TEST_START and runs on with the real time.
    expect(Date.parse(history[0].changedAt) - Date.parse(TEST_START)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(history[0].changedAt) - Date.parse(TEST_START)).toBeLessThan(15 * 60_000);
  });

  it('retires a channel: gone from the lists for new input, refused in a new complaint naming the field, still labelled for old ones', async () => {
    const byLetter = await receive({ channel: 'letter' });
    expect(byLetter.status).toBe(201);

    const retired = await admin.post('/api/admin/reference/hotline/channels/letter/retire', { reason: '来信统一转为网站留言受理' });
    expect([retired.status, retired.body.item.active]).toEqual([200, false]);

    expect(codes((await reference()).channels)).not.toContain('letter');
    expect((await reference('?includeRetired=true')).channels).toContainEqual({ code: 'letter', label: '来信', labelEn: 'Letter', active: false });
    const refused = await receive({ channel: 'letter' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'channel', rule: 'retired' }] });
    expect(refused.body.errors[0].message).toContain('"来信"已停用');
    expect((await centre.get(`/api/complaints/${byLetter.body.id}`)).body).toMatchObject({ channel: 'letter', allowedActions: expect.arrayContaining(['assign']) });

    const restored = await admin.post('/api/admin/reference/hotline/channels/letter/restore', { reason: '恢复来信受理' });
    expect(restored.body.item.active).toBe(true);
    expect((await receive({ channel: 'letter' })).status).toBe(201);
  });

  it('adds a second-level category that new complaints may use at once', async () => {
    const added = await admin.post('/api/admin/reference/hotline/subcategories', {
      code: 'wage_guarantee_deposit', parentCode: 'pay', label: '工资保证金', labelEn: 'Wage guarantee deposit', reason: '省总新增分类口径',
    });
    expect(added.status).toBe(201);
    const pay = (await reference()).categories.find((c: { code: string }) => c.code === 'pay');
    expect(pay.subcategories.at(-1)).toEqual({ code: 'wage_guarantee_deposit', label: '工资保证金', labelEn: 'Wage guarantee deposit', active: true });
    const received = await receive({ subcategory: 'wage_guarantee_deposit' });
    expect(received.status).toBe(201);
    expect((await centre.get(`/api/complaints/${received.body.id}`)).body.subcategory).toBe('wage_guarantee_deposit');

    const clash = await admin.post('/api/admin/reference/hotline/subcategories', { code: 'wage_guarantee_deposit', parentCode: 'other', label: '保证金', labelEn: 'Deposit', reason: '重复' });
    expect([clash.status, clash.body.errors[0].field, clash.body.errors[0].rule]).toEqual([400, 'code', 'unique']);
  });

  it('adds a return reason a unit may use, then refuses it once retired', async () => {
    const added = await admin.post('/api/admin/reference/hotline/returnReasons', {
      code: 'employer_dissolved', label: '用人单位已注销', labelEn: 'Employer dissolved', reason: '基层反映常见退回情形',
    });
    expect(added.status).toBe(201);
    const first = await assigned();
    expect((await jinshui.post(`/api/complaints/${first}/return`, { reason: 'employer_dissolved' })).status).toBe(200);

    await admin.post('/api/admin/reference/hotline/returnReasons/employer_dissolved/retire', { reason: '并入"不属于本单位管辖"' });
    const second = await assigned();
    const refused = await jinshui.post(`/api/complaints/${second}/return`, { reason: 'employer_dissolved' });
    expect([refused.status, refused.body.errors?.[0]?.field, refused.body.errors?.[0]?.rule]).toEqual([400, 'reason', 'retired']);
    const history = (await centre.get(`/api/complaints/${first}/history`)).body; // returned: the centre's again
    expect(history.find((e: { type: string }) => e.type === 'ComplaintReturned').data.reason).toBe('employer_dissolved');
    expect((await reference('?includeRetired=true')).returnReasons).toContainEqual(expect.objectContaining({ code: 'employer_dissolved', label: '用人单位已注销', active: false }));
  });

  it('shows the figures by category under the corrected label', async () => {
    await admin.request('PATCH', '/api/admin/reference/hotline/categories/pay', { label: '劳动报酬（工资）', reason: '统计报表名称调整' });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const { body } = await supervisor.get('/api/stats/hotline');
    expect(body.received.byCategory.find((row: { code: string }) => row.code === 'pay').label).toBe('劳动报酬（工资）');
  });

  it('tells the administrator what each list allows, and refuses what it does not', async () => {
    expect(await adminList('subcategories')).toMatchObject({ label: '二级分类', canAdd: true, canRetire: true });
    expect(await adminList('urgencies')).toMatchObject({ canAdd: false, canRetire: false, items: [expect.objectContaining({ code: 'normal' }), expect.objectContaining({ code: 'urgent' })] });
    const closed = await admin.post('/api/admin/reference/hotline/channels', { code: 'douyin', label: '抖音', labelEn: 'Douyin', reason: '新渠道' });
    expect([closed.status, closed.body.code]).toEqual([422, 'reference_list_closed']);
    const notRetirable = await admin.post('/api/admin/reference/hotline/urgencies/urgent/retire', { reason: '试试' });
    expect([notRetirable.status, notRetirable.body.code]).toEqual([422, 'reference_list_not_retirable']);
    const noReason = await admin.post('/api/admin/reference/hotline/channels/web/retire', {});
    expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'reason']);
    expect((await admin.post('/api/admin/reference/hotline/colours/red/retire', { reason: '无' })).body.code).toBe('reference_list_not_found');
    expect((await admin.post('/api/admin/reference/hotline/channels/fax/retire', { reason: '无' })).body.code).toBe('reference_item_not_found');
  });

  it('lets nobody but an administrator change the lists or read their history', async () => {
    for (const client of [centre, jinshui, supervisor]) {
      expect((await client.get('/api/admin/reference/hotline')).status).toBe(403);
      expect((await client.get('/api/admin/reference/hotline/changes')).status).toBe(403);
      expect((await client.post('/api/admin/reference/hotline/channels/web/retire', { reason: '无' })).status).toBe(403);
    }
    expect(codes((await reference()).channels)).toContain('web');
  });

  it('keeps the changes across a restart: the lists load from the database', async () => {
    const reloaded = new ReferenceItems(system.app.runtime.dataSource);
    await reloaded.ensureSchemaAndLoad();
    expect(reloaded.current()).toEqual(system.app.runtime.referenceItems.current());
    expect(reloaded.current().categories.find((c) => c.code === 'pay')?.label).toBe('劳动报酬（工资）');
    const kinds = (await reloaded.changes()).map((entry) => `${entry.list}/${entry.code}/${entry.change}`);
    expect(kinds).toEqual(expect.arrayContaining(['channels/letter/retired', 'channels/letter/restored', 'subcategories/wage_guarantee_deposit/added']));
  });
});
