/**
 * The hotline over HTTP, against the whole system on a real PostgreSQL: the lifecycle of DOMAIN.md
 * section 1, the command conventions (If-Match, Idempotency-Key, 400/401/404/409/422) and the figures.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';
const ERQI = '410103';
const DAY = 86_400_000;

let serial = 0;
/** A complaint from its own caller about its own employer, so that no test's order repeats another's. */
const newComplaint = (overrides: Record<string, unknown> = {}) => ({
  channel: 'phone',
  caller: { name: '王建国', phone: `138${String(10_000_000 + ++serial).slice(-8)}` },
  employer: { name: `郑州市第${serial}建筑劳务有限公司`, district: JINSHUI },
  category: 'pay',
  type: 'request_for_action',
  summary: '工地拖欠三名工人两个月工资',
  ...overrides,
});

describe('hotline complaints over HTTP', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let jinshui: ApiClient;
  let erqi: ApiClient;
  let supervisor: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'wang.hotline', role: 'caseworker', orgUnitId: '410100' });
    jinshui = await system.userClient({ username: 'li.jinshui', role: 'caseworker', orgUnitId: JINSHUI });
    erqi = await system.userClient({ username: 'zhao.erqi', role: 'caseworker', orgUnitId: ERQI });
    supervisor = await system.userClient({ username: 'chen.supervisor', role: 'supervisor', orgUnitId: '410100' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function receive(overrides: Record<string, unknown> = {}) {
    const created = await centre.post('/api/complaints', newComplaint(overrides));
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  }

  const caughtUp = () => system.app.runtime.projections.waitUntilCaughtUp();

  async function step(client: ApiClient, id: string, action: string, body: unknown = {}) {
    const { body: current } = await client.get(`/api/complaints/${id}`);
    const response = await client.post(`/api/complaints/${id}/${action}`, body, { version: current.version });
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; version: number };
  }

  it('publishes its OpenAPI document at /api/docs-json and the UI at /api/docs', async () => {
    const json = await fetch(`${system.app.url}/api/docs-json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/complaints', '/api/complaints/{id}/sign-for', '/api/cases', '/api/stats/hotline', '/api/auth/login']));
    expect((await fetch(`${system.app.url}/api/docs`)).status).toBe(200);
  });

  it('refuses a request without a token, and a wrong password, with stable codes', async () => {
    const anonymous = await fetch(`${system.app.url}/api/cases`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('unauthenticated');
    const wrong = await fetch(`${system.app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'not-the-password' }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码不正确' });
  });

  it('receives a complaint, shows it with the phone masked and records who did it', async () => {
    const { id, version } = await receive({ caller: { name: '王建国', phone: '13812345678' } });
    expect(version).toBe(2); // received + classified
    const { body: view } = await centre.get(`/api/complaints/${id}`);
    expect(view).toMatchObject({ id, version: 2, status: 'classified', category: 'pay', caller: { name: '王建国', phone: '138****5678' } });
    expect(view.allowedActions).toEqual(expect.arrayContaining(['assign', 'answer', 'classify']));
    const { body: history } = await centre.get(`/api/complaints/${id}/history`);
    expect(history.map((e: { type: string }) => e.type)).toEqual(['ComplaintReceived', 'ComplaintClassified']);
    expect(history[0].actor).toMatchObject({ role: 'caseworker', orgUnitId: '410100' });
    expect(JSON.stringify(history)).not.toContain('13812345678');
  });

  it('answers bad input with 400 naming every bad field in Chinese, and writes nothing', async () => {
    await caughtUp();
    const before = (await centre.get('/api/cases?pageSize=1')).body.total;
    const response = await centre.post('/api/complaints', {
      channel: 'fax',
      caller: { phone: '12' },
      employer: { name: '', district: '4101' },
      category: 'pay',
      type: 'complaint',
      summary: '',
      workersAffected: 'many',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['workersAffected']));
    const second = await centre.post('/api/complaints', { ...newComplaint(), channel: 'fax', employer: { name: '', district: '4101' }, type: 'x', summary: '' });
    expect(second.status).toBe(400);
    const secondFields = second.body.errors.map((e: { field: string }) => e.field);
    expect(secondFields).toEqual(expect.arrayContaining(['channel', 'employer.name', 'employer.district', 'type', 'summary']));
    for (const error of second.body.errors) {
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(error.rule).toMatch(/^[a-z_]+$/);
    }
    await caughtUp();
    expect((await centre.get('/api/cases?pageSize=1')).body.total).toBe(before);
  });

  it('rejects a stale If-Match with 409 and the current version, writing nothing', async () => {
    const { id } = await receive();
    const stale = await centre.post(`/api/complaints/${id}/note`, { text: '第一次' }, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect((await centre.get(`/api/complaints/${id}/history`)).body).toHaveLength(2);
  });

  it('returns the first answer to a retried Idempotency-Key and writes once', async () => {
    const key = 'retry-key-0001';
    const body = newComplaint();
    const first = await centre.post('/api/complaints', body, { key });
    const retry = await centre.post('/api/complaints', body, { key });
    expect(retry.body).toEqual(first.body);
    const { id } = first.body;
    const note = await centre.post(`/api/complaints/${id}/note`, { text: '补充' }, { key: 'retry-key-0002', version: 2 });
    const noteAgain = await centre.post(`/api/complaints/${id}/note`, { text: '补充' }, { key: 'retry-key-0002', version: 2 });
    expect(noteAgain.status).toBe(200);
    expect(noteAgain.body).toEqual(note.body);
    expect((await centre.get(`/api/complaints/${id}/history`)).body).toHaveLength(3);
  });

  it('writes one complaint when the same command arrives several times at once', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `concurrent-key-000${round}`;
      const body = newComplaint();
      const answers = await Promise.all([1, 2, 3, 4].map(() => centre.post('/api/complaints', body, { key })));
      expect(answers.map((a) => [a.status, a.body.id])).toEqual(answers.map(() => [201, answers[0].body.id]));
      expect((await centre.get(`/api/complaints/${answers[0].body.id}/history`)).body).toHaveLength(2);
    }
  });

  it('answers 404 for an unknown or malformed id without saying more', async () => {
    expect((await centre.get('/api/complaints/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await centre.get('/api/complaints/not-an-id')).body.code).toBe('complaint_not_found');
  });

  it('lets only the assigned unit sign for, and follows the order to closure and into the figures', async () => {
    const { id } = await receive();
    await step(centre, id, 'assign', { unitId: JINSHUI });
    // Another district neither sees the order nor learns that it exists.
    const foreign = await erqi.post(`/api/complaints/${id}/sign-for`, {}, { version: 3 });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'complaint_not_found']);
    expect((await erqi.get(`/api/complaints/${id}`)).status).toBe(404);
    expect((await centre.get(`/api/complaints/${id}`)).body.allowedActions).not.toContain('sign-for');
    await step(jinshui, id, 'sign-for');
    await step(jinshui, id, 'contact', { reached: true, method: 'phone', summary: '已联系来电人，核实欠薪人数' });
    await step(jinshui, id, 'resolve', { outcome: 'solved', summary: '经协调，企业已支付全部欠薪' });
    await step(centre, id, 'follow-up', { reached: true, satisfaction: 'satisfied' });
    await step(centre, id, 'close');
    const { body: view } = await centre.get(`/api/complaints/${id}`);
    expect(view.status).toBe('closed');
    expect(view.allowedActions).toEqual(['note']);

    await caughtUp();
    const today = system.today();
    const { body: stats } = await centre.get(`/api/stats/hotline?from=${today}&to=${today}&unit=${JINSHUI}`);
    expect(stats.signFor).toEqual({ signedFor: 1, onTime: 1, rate: 1 });
    expect(stats.resolution).toEqual({ resolved: 1, onTime: 1, rate: 1 });
    expect(stats.satisfaction).toMatchObject({ reached: 1, satisfied: 1, rate: 1 });
    expect(stats.received.byUnit).toEqual([{ code: JINSHUI, label: '金水区总工会', count: 1 }]);
  });

  it('answers an inquiry on the spot, which closes it', async () => {
    const { id } = await receive({ type: 'inquiry', category: 'policy_questions' });
    await step(centre, id, 'answer', { answer: '已告知最低工资标准及计算方法' });
    expect((await centre.get(`/api/complaints/${id}`)).body.status).toBe('closed');
  });

  it('takes a return with its reason and lets the order be assigned again', async () => {
    const { id } = await receive();
    await step(centre, id, 'assign', { unitId: ERQI });
    await step(erqi, id, 'return', { reason: 'not_our_jurisdiction', note: '用人单位在金水区' });
    expect((await centre.get(`/api/complaints/${id}`)).body.status).toBe('returned');
    await step(centre, id, 'assign', { unitId: JINSHUI });
    await step(jinshui, id, 'sign-for');
    const { body: history } = await centre.get(`/api/complaints/${id}/history`);
    expect(history.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['ComplaintReturned', 'ComplaintSignedFor']));
    expect(history.find((e: { type: string }) => e.type === 'ComplaintReturned').data.reason).toBe('not_our_jurisdiction');
  });

  it('lets a supervisor extend the resolution deadline once, with a reason, and no one else', async () => {
    const { id } = await receive();
    await step(centre, id, 'assign', { unitId: JINSHUI });
    await step(jinshui, id, 'sign-for');
    const { body: before } = await jinshui.get(`/api/complaints/${id}`);
    expect(before.allowedActions).not.toContain('extend');
    const refused = await jinshui.post(`/api/complaints/${id}/extend`, { workingDays: 5, reason: '需要调取考勤记录' }, { version: before.version });
    expect(refused.status).toBe(403);
    await step(supervisor, id, 'extend', { workingDays: 5, reason: '需要调取考勤记录' });
    const { body: after } = await supervisor.get(`/api/complaints/${id}`);
    expect(Date.parse(after.deadlines.resolveDueAt)).toBeGreaterThan(Date.parse(before.deadlines.resolveDueAt));
    expect(after.allowedActions).not.toContain('extend');
    const { body: history } = await centre.get(`/api/complaints/${id}/history`);
    expect(history.at(-1)).toMatchObject({ type: 'ResolutionDeadlineExtended', reason: '需要调取考勤记录', actor: { role: 'supervisor' } });
  });

  it('shows each user the cases of their units only; an administrator reads none', async () => {
    const { id } = await receive();
    await step(centre, id, 'assign', { unitId: JINSHUI });
    await caughtUp();
    const listed = async (client: ApiClient) => (await client.get('/api/cases?pageSize=200')).body.items?.map((c: { id: string }) => c.id);
    expect(await listed(jinshui)).toContain(id);
    expect(await listed(erqi)).not.toContain(id);
    expect(await listed(supervisor)).toContain(id);
    const adminList = await system.admin.get('/api/cases');
    expect([adminList.status, adminList.body.code]).toEqual([403, 'forbidden']);
    expect((await system.admin.get(`/api/complaints/${id}`)).status).toBe(404);
    expect((await erqi.get(`/api/cases?unit=${JINSHUI}`)).status).toBe(403);
    expect((await erqi.get(`/api/stats/hotline?unit=${JINSHUI}`)).status).toBe(403);
  });

  it('lets neither a mediator nor an administrator take a hotline complaint', async () => {
    const mediator = await system.userClient({ username: 'zhou.mediator', role: 'mediator', orgUnitId: 'MR-410105' });
    for (const client of [mediator, system.admin]) {
      const response = await client.post('/api/complaints', newComplaint());
      expect([response.status, response.body.code]).toEqual([403, 'forbidden']);
    }
  });

  it('refuses a step the state does not allow with 422 and a Chinese message', async () => {
    const { id } = await receive();
    const response = await centre.post(`/api/complaints/${id}/resolve`, { outcome: 'solved', summary: '办结' }, { version: 2 });
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(response.body.code).toMatch(/^[a-z_]+$/);
  });

  it('reopens an order after a dissatisfied follow-up', async () => {
    const { id } = await receive();
    await step(centre, id, 'assign', { unitId: JINSHUI });
    await step(jinshui, id, 'sign-for');
    await step(jinshui, id, 'contact', { reached: true, summary: '已联系' });
    await step(jinshui, id, 'resolve', { outcome: 'explained', summary: '已解释政策' });
    await step(centre, id, 'follow-up', { reached: true, satisfaction: 'dissatisfied' });
    expect((await centre.get(`/api/complaints/${id}`)).body.allowedActions).toContain('reopen');
    await step(centre, id, 'reopen', { reason: '来电人对答复不满意，要求重新办理' });
    const { body: view } = await centre.get(`/api/complaints/${id}`);
    expect(view.status).toBe('in_progress');
    const { body: history } = await centre.get(`/api/complaints/${id}/history`);
    expect(history.at(-1)).toMatchObject({ type: 'ComplaintReopened', reason: '来电人对答复不满意，要求重新办理' });
  });

  it('flags a repeat call from the same phone, even seconds after the first, and merges it into the earlier order', async () => {
    const phone = '13900001111';
    const first = await receive({ caller: { name: '刘女士', phone }, employer: { name: '郑州甲乙丙商贸有限公司', district: ERQI } });
    const second = await receive({ caller: { name: '刘女士', phone }, employer: { name: '另一家公司', district: ERQI } });
    await caughtUp();
    const { body: repeat } = await centre.get(`/api/complaints/${second.id}`);
    expect(repeat.repeatOf).toEqual([first.id]);
    expect((await centre.get(`/api/complaints/${first.id}`)).body.repeatOf).toEqual([]);
    expect(repeat.allowedActions).toContain('merge');
    await step(centre, second.id, 'merge', { intoComplaintId: first.id, reason: '同一来电人重复反映' });
    expect((await centre.get(`/api/complaints/${second.id}`)).body.status).toBe('merged');
    expect((await centre.get(`/api/complaints/${first.id}`)).body.attachedRepeats).toEqual([second.id]);
  });

  it('keeps the version a client got on intake current after the system flags the call as a repeat (no 409 for what the client did not cause)', async () => {
    const phone = '13900002222';
    await receive({ caller: { name: '陈先生', phone } });
    const second = await receive({ caller: { name: '陈先生', phone } });
    await caughtUp();
    const { body: flagged } = await centre.get(`/api/complaints/${second.id}`);
    expect(flagged.version).toBeGreaterThan(second.version);
    const note = await centre.post(`/api/complaints/${second.id}/note`, { text: '来电人补充：已拖欠三个月' }, { version: second.version });
    expect(note.status).toBe(200);
    const stale = await centre.post(`/api/complaints/${second.id}/note`, { text: '再补充' }, { version: second.version });
    expect(stale.status).toBe(409);
  });

  it('refuses an Idempotency-Key reused for a different request, writing nothing', async () => {
    const a = await receive();
    const b = await receive();
    const key = 'reused-key-0001';
    expect((await centre.post(`/api/complaints/${a.id}/note`, { text: '甲' }, { key })).status).toBe(200);
    const reused = await centre.post(`/api/complaints/${b.id}/note`, { text: '甲' }, { key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect((await centre.get(`/api/complaints/${b.id}/history`)).body).toHaveLength(b.version);
  });

  it('refuses to assign to a unit that does not exist', async () => {
    const { id, version } = await receive();
    const response = await centre.post(`/api/complaints/${id}/assign`, { unitId: '999999' }, { version });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'unitId', rule: 'exists' })]);
  });

  it('puts an order whose sign-for deadline passed on the overdue list, and takes it off when signed', async () => {
    const { id } = await receive({ employer: { name: '郑州超期测试有限公司', district: JINSHUI } });
    await step(centre, id, 'assign', { unitId: JINSHUI });
    const overdueIds = async () => (await supervisor.get('/api/cases?overdue=true&pageSize=200')).body.items.map((c: { id: string }) => c.id);
    await caughtUp();
    expect(await overdueIds()).not.toContain(id);
    system.shiftClock(10 * DAY);
    try {
      expect(await overdueIds()).toContain(id);
      const { body: view } = await centre.get(`/api/complaints/${id}`);
      expect(view.overdue.map((d: { step: string }) => d.step)).toContain('sign_for');
      await step(jinshui, id, 'sign-for');
      await caughtUp();
      const signed = (await centre.get(`/api/complaints/${id}/history`)).body.at(-1);
      expect(signed.data.onTime).toBe(false);
    } finally {
      system.shiftClock(-10 * DAY);
    }
  });
});
