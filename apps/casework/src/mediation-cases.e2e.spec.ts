/**
 * 诉调对接 over HTTP: a court's 委派 referral accepted by a room, a mediator assigned, sessions booked
 * on the room calendar (a double booking refused), an agreement, judicial confirmation and payments;
 * a failure with its letter content; a wage case referred to a room, whose agreement flows back as
 * expected payments and whose payments are seen on both sides once; and the figures, exactly.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ROOM = 'MR-410105';
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

describe('mediation cases over HTTP', () => {
  let system: TestCasework;
  let mediator: ApiClient;
  let other: ApiClient;
  let supervisor: ApiClient;
  let caseworker: ApiClient;
  let erqi: ApiClient;
  let mediatorId: string;
  let otherId: string;

  beforeAll(async () => {
    system = await startTestCasework();
    mediator = await system.userClient({ username: 'zhao.mediator', role: 'mediator', orgUnitId: ROOM });
    other = await system.userClient({ username: 'qian.mediator', role: 'mediator', orgUnitId: ROOM });
    supervisor = await system.userClient({ username: 'sun.supervisor', role: 'supervisor', orgUnitId: '410105' });
    caseworker = await system.userClient({ username: 'li.caseworker', role: 'caseworker', orgUnitId: '410105' });
    erqi = await system.userClient({ username: 'zhou.erqi', role: 'mediator', orgUnitId: 'MR-410103' });
    mediatorId = (await mediator.get('/api/auth/me')).body.id;
    otherId = (await other.get('/api/auth/me')).body.id;
  }, 60_000);

  afterAll(() => system?.stop());

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const today = shanghaiDay();
  const courtReferral = (caseNumber: string) => ({
    source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber, referralType: 'assigned' },
    cause: 'labour_remuneration',
    roomId: ROOM,
    referredOn: today,
    applicants: [{ name: '王建国', idNumber: '410105198001010017', phone: '13812345678' }, { name: '李红', phone: '13900001111' }],
    respondent: { name: '郑州某建筑劳务有限公司', creditCode: '91410105MA44XXXX1X', representative: '张总' },
    claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }, { item: '拖欠工资', amount: 800_000, party: 1 }],
    summary: '两名工人追索 2026 年 6 至 9 月工资',
  });

  async function referAndAssign(caseNumber: string): Promise<string> {
    const { id } = await post(mediator, '/api/mediation-cases', courtReferral(caseNumber));
    await post(mediator, `/api/mediation-cases/${id}/accept`, { acceptedOn: today });
    await post(supervisor, `/api/mediation-cases/${id}/mediator`, { mediatorId });
    return id;
  }

  it('refuses a bad referral field by field, in Chinese, and writes nothing', async () => {
    const bad = await mediator.post('/api/mediation-cases', { ...courtReferral(''), claims: [{ item: '拖欠工资', amount: -5 }], roomId: ROOM });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((v: { field: string }) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['source.caseNumber', 'claims.0.amount']));
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'source.caseNumber').message).toMatch(/案号/);
    const elsewhere = await mediator.post('/api/mediation-cases', { ...courtReferral('(2026)豫0105民诉前调9001号'), roomId: 'MR-410103' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0]).toMatchObject({ field: 'roomId', rule: 'own_room' });
    const listed = await supervisor.get('/api/cases?kind=mediation_case');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(0);
  });

  it('takes a 委派 referral to an agreement: period, calendar without double booking, confirmation, payments; the other room sees nothing', async () => {
    const id = await referAndAssign('(2026)豫0105民诉前调1234号');
    let kase = (await mediator.get(`/api/mediation-cases/${id}`)).body;
    expect(kase).toMatchObject({ status: 'in_mediation', deadlineBasis: 'assigned', periodDays: 30, mediator: { mediatorId } });
    expect(kase.applicants[0].idNumber).toBe('410105********0017');
    expect(kase.applicants[0].phone).toBe('138****5678');
    expect((await erqi.get(`/api/mediation-cases/${id}`)).status).toBe(404);
    expect((await caseworker.get(`/api/mediation-cases/${id}`)).status).toBe(200);
    // A mediator belongs to one or more rooms: once 二七区's mediator also works in 金水区's room, they see its cases.
    const erqiId = (await erqi.get('/api/auth/me')).body.id;
    expect((await system.admin.request('PUT', `/api/users/${erqiId}/rooms`, { roomIds: ['410105'] })).status).toBe(400);
    expect((await system.admin.request('PUT', `/api/users/${erqiId}/rooms`, { roomIds: [ROOM] })).status).toBe(200);
    expect((await erqi.get(`/api/mediation-cases/${id}`)).status).toBe(200);
    await system.admin.request('PUT', `/api/users/${erqiId}/rooms`, { roomIds: [] });
    expect((await erqi.get(`/api/mediation-cases/${id}`)).status).toBe(404);

    const tomorrow = shanghaiDay(1);
    const { sessionId } = await post(mediator, `/api/mediation-cases/${id}/sessions`, { startsAt: at(tomorrow, '09:00'), endsAt: at(tomorrow, '10:30'), mode: 'in_room', attendees: ['王建国', '李红', '张总'] });
    // Another case of the same room at an overlapping time: the room is taken, whoever mediates.
    const second = await referAndAssign('(2026)豫0105民诉前调1235号');
    await post(supervisor, `/api/mediation-cases/${second}/mediator`, { mediatorId: otherId, reason: '原调解员当日已有安排' });
    const clash = await other.post(`/api/mediation-cases/${second}/sessions`, { startsAt: at(tomorrow, '10:00'), endsAt: at(tomorrow, '11:00'), mode: 'video', attendees: ['当事人'] });
    expect(clash.status).toBe(422);
    expect(clash.body.code).toBe('room_double_booked');
    // Back to back is fine.
    await post(other, `/api/mediation-cases/${second}/sessions`, { startsAt: at(tomorrow, '10:30'), endsAt: at(tomorrow, '11:30'), mode: 'video', attendees: ['当事人'] });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const calendar = (await mediator.get(`/api/mediation-cases/sessions?from=${tomorrow}&to=${tomorrow}&room=${ROOM}`)).body;
    expect(calendar.map((s: { caseId: string; mediatorName: string }) => [s.caseId, s.mediatorName])).toEqual([[id, 'zhao.mediator'], [second, 'qian.mediator']]);
    expect((await supervisor.get(`/api/mediation-cases/mediators?room=${ROOM}`)).body.map((m: { displayName: string }) => m.displayName)).toEqual(['qian.mediator', 'zhao.mediator']);
    expect((await erqi.get(`/api/mediation-cases/mediators?room=${ROOM}`)).status).toBe(404);
    expect((await mediator.get(`/api/mediation-cases/sessions?from=${tomorrow}&mine=true`)).body).toHaveLength(1);
    expect((await mediator.get('/api/mediation-cases/sessions?from=2026-02-30')).body.errors[0]).toMatchObject({ field: 'from', rule: 'date' });

    await post(mediator, `/api/mediation-cases/${id}/sessions/${sessionId}/held`, { minutes: '双方同意分两期支付', attendees: ['王建国', '李红', '张总'] }).catch((error) => {
      // The session is tomorrow: minutes wait until it has begun.
      expect(String(error)).toMatch(/4\d\d/);
    });
    kase = (await mediator.get(`/api/mediation-cases/${id}`)).body;
    const [wang, li] = kase.applicants.map((a: { partyId: string }) => a.partyId);
    const agreed = await post(mediator, `/api/mediation-cases/${id}/agreement`, {
      agreedOn: today, effectiveOn: today, terms: '被申请人分两期支付拖欠工资，申请人放弃其余请求。',
      items: [{ item: '拖欠工资', amount: 1_000_000, partyId: wang }, { item: '拖欠工资', amount: 700_000, partyId: li }],
      schedule: [{ dueOn: today, amount: 1_000_000, partyId: wang }, { dueOn: shanghaiDay(30), amount: 700_000, partyId: li }],
    });
    kase = (await mediator.get(`/api/mediation-cases/${id}`)).body;
    expect(kase).toMatchObject({ status: 'agreed', unpaid: 1_700_000, agreement: { agreedTotal: 1_700_000 } });
    // The agreement freed the room: the session not held was cancelled.
    expect(kase.sessions[0].status).toBe('cancelled');
    expect(agreed.version).toBeGreaterThan(0);
    await post(mediator, `/api/mediation-cases/${id}/confirmation-requests`, { requestedOn: today });
    await post(mediator, `/api/mediation-cases/${id}/confirmation`, { decidedOn: today, granted: true, rulingNumber: '(2026)豫0105民特88号' });
    await post(mediator, `/api/mediation-cases/${id}/payments`, { installmentId: 'i1', paidOn: today, amount: 1_000_000 });
    const over = await mediator.post(`/api/mediation-cases/${id}/payments`, { installmentId: 'i2', paidOn: today, amount: 800_000 });
    expect(over.status).toBe(400);
    await post(mediator, `/api/mediation-cases/${id}/payments`, { installmentId: 'i2', paidOn: today, amount: 700_000 });
    expect((await mediator.get(`/api/mediation-cases/${id}`)).body).toMatchObject({ status: 'fulfilled', unpaid: 0, confirmation: { status: 'granted' } });

    // The agreement as the room hands it out: from the case, IDs masked; as a page and as PDF.
    const page = await mediator.download(`/api/mediation-cases/${id}/documents/agreement`);
    expect(page.contentType).toMatch(/text\/html/);
    const html = page.bytes.toString('utf8');
    expect(html).toContain('(2026)豫0105民诉前调1234号');
    expect(html).toContain('410105********0017');
    expect(html).not.toContain('410105198001010017');
    expect(html).toContain('壹万柒仟元整');
    const pdf = await mediator.download(`/api/mediation-cases/${id}/documents/agreement.pdf`);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await mediator.download(`/api/mediation-cases/${id}/documents/feedback-letter`)).status).toBe(422);
    expect((await erqi.download(`/api/mediation-cases/${id}/documents/agreement`)).status).toBe(404);
  });

  it('records a failure with the undisputed facts and the points in dispute, and lists periods about to end', async () => {
    const id = await referAndAssign('(2026)豫0105民诉前调1300号');
    await system.app.runtime.projections.waitUntilCaughtUp();
    const soon = (await mediator.get('/api/mediation-cases/deadlines?days=31')).body;
    expect(soon.find((d: { id: string }) => d.id === id)).toMatchObject({ daysLeft: 30, overdue: false });
    const missing = await mediator.post(`/api/mediation-cases/${id}/failure`, { failedOn: today, undisputedFacts: [], disputedPoints: ['加班费计算基数'], noSessionReason: '被申请人拒绝调解' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('undisputedFacts');
    // No session was held: the letter to the court must say why (issue 18).
    const withoutReason = await mediator.post(`/api/mediation-cases/${id}/failure`, { failedOn: today, undisputedFacts: ['2025 年 3 月入职'], disputedPoints: ['加班费计算基数'] });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors).toEqual([expect.objectContaining({ field: 'noSessionReason', rule: 'required', message: expect.stringContaining('未组织调解的原因') })]);
    await post(mediator, `/api/mediation-cases/${id}/failure`, {
      failedOn: today, undisputedFacts: ['2025 年 3 月入职', '月工资 6000 元'], disputedPoints: ['加班费计算基数'], noSessionReason: '被申请人明确拒绝参加调解',
    });
    expect((await mediator.get(`/api/mediation-cases/${id}`)).body).toMatchObject({ status: 'failed', ended: { how: 'failed' }, cause: 'labour_remuneration' });
    const letter = (await mediator.download(`/api/mediation-cases/${id}/documents/feedback-letter`)).bytes.toString('utf8');
    expect(letter).toContain('加班费计算基数');
    expect(letter).toContain('月工资 6000 元');
    expect(letter).toContain('未能组织调解的原因：被申请人明确拒绝参加调解');
    expect(letter).not.toContain('组织调解次数：0 次');
    expect(letter).toContain('劳动报酬争议一案');
  });

  it('opens a linked mediation case from a wage case; the agreement flows back as expected payments, and a payment on either side is seen once on both', async () => {
    const { id: wageId } = await post(caseworker, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某餐饮公司', district: '410105' }, summary: '三名服务员被拖欠工资' });
    await post(caseworker, `/api/wage-cases/${wageId}/claimants`, { claimants: [
      { name: '赵一', idNumber: '410105199003070026', workedFrom: '2026-01-01', workedUntil: '2026-09-30', claimed: 600_000 },
      { name: '钱二', workedFrom: '2026-02-01', workedUntil: '2026-09-30', claimed: 400_000 },
    ] });
    const otherDistrict = await caseworker.post(`/api/wage-cases/${wageId}/referrals`, { target: 'mediation', referredOn: today, roomId: 'MR-410103' });
    expect([otherDistrict.status, otherDistrict.body.errors?.[0]?.rule]).toEqual([400, 'room_out_of_reach']);
    const badRoom = await caseworker.post(`/api/wage-cases/${wageId}/referrals`, { target: 'mediation', referredOn: today, roomId: '410105' });
    expect(badRoom.status).toBe(400);
    const { mediationCaseId } = await post(caseworker, `/api/wage-cases/${wageId}/referrals`, { target: 'mediation', referredOn: today, roomId: ROOM, note: '双方同意调解' });
    await system.app.runtime.projections.waitUntilCaughtUp();
    let kase = (await mediator.get(`/api/mediation-cases/${mediationCaseId}`)).body;
    expect(kase).toMatchObject({ status: 'referred', source: { kind: 'wage_case', caseId: wageId }, claims: [{ amount: 600_000 }, { amount: 400_000 }] });
    expect(kase.applicants.map((a: { name: string }) => a.name)).toEqual(['赵一', '钱二']);
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/accept`, { acceptedOn: today });
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/mediator`, { mediatorId });
    const [zhao, qian] = kase.applicants.map((a: { partyId: string }) => a.partyId);
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/agreement`, {
      agreedOn: today, effectiveOn: today, terms: '公司分期支付',
      items: [{ item: '拖欠工资', amount: 500_000, partyId: zhao }, { item: '拖欠工资', amount: 400_000, partyId: qian }],
      schedule: [{ dueOn: today, amount: 500_000, partyId: zhao }, { dueOn: shanghaiDay(15), amount: 400_000, partyId: qian }],
    });
    await system.app.runtime.projections.waitUntilCaughtUp();
    let wage = (await caseworker.get(`/api/wage-cases/${wageId}`)).body;
    expect(wage.expectedPayments.map((e: { amount: number; paid: number }) => [e.amount, e.paid])).toEqual([[500_000, 0], [400_000, 0]]);
    // A payment recorded in the room, and another in the wage case: each side has both, once.
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/payments`, { installmentId: 'i1', paidOn: today, amount: 500_000 });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const claimantOf = (name: string) => wage.claimants.find((c: { name: string }) => c.name === name).claimantId;
    await post(caseworker, `/api/wage-cases/${wageId}/payments`, { amount: 400_000, paidOn: today, payer: '某餐饮公司', allocations: [{ claimantId: claimantOf('钱二'), amount: 400_000 }], installmentId: 'i2' });
    await system.app.runtime.projections.waitUntilCaughtUp();
    await system.app.runtime.projections.waitUntilCaughtUp();
    wage = (await caseworker.get(`/api/wage-cases/${wageId}`)).body;
    kase = (await mediator.get(`/api/mediation-cases/${mediationCaseId}`)).body;
    expect(kase).toMatchObject({ status: 'fulfilled', unpaid: 0 });
    expect(kase.payments).toHaveLength(2);
    expect(wage.totals.recovered).toBe(900_000);
    expect(wage.payments).toHaveLength(2);
    expect(wage.expectedPayments.map((e: { remaining: number }) => e.remaining)).toEqual([0, 0]);
    expect(wage.referrals[0]).toMatchObject({ acceptedOn: today, concludedOn: today });

    // 人员轨迹: the same worker in both cases, by the keyed hash of the ID number sent in the body.
    const journey = await post(supervisor, '/api/people/journey', { idNumber: '410105199003070026', reason: '核对赵一的全部案件' });
    expect(journey.cases.map((c: { kind: string; id: string }) => [c.kind, c.id])).toEqual([['wage_case', wageId], ['mediation_case', mediationCaseId]]);
    const elsewhere = await system.userClient({ username: 'wu.erqi', role: 'caseworker', orgUnitId: '410103' });
    expect((await post(elsewhere, '/api/people/journey', { idNumber: '410105199003070026', reason: '核对' })).cases).toEqual([]);
    expect((await mediator.post('/api/people/journey', { idNumber: '410105199003070026', reason: '核对' })).status).toBe(403);
    expect((await supervisor.post('/api/people/journey', { idNumber: '410105199003070027', reason: '核对' })).body.errors[0]).toMatchObject({ field: 'idNumber', rule: 'id_number' });
  });

  it('takes a hotline complaint to a room with what the caller claims, and the complaint learns the outcome', async () => {
    const complaint = await post(caseworker, '/api/complaints', {
      channel: 'phone', caller: { name: '孙师傅', phone: '13700001234', idNumber: '410105199003070026' }, employer: { name: '某物流公司', district: '410105' },
      category: 'pay', type: 'request_for_action', summary: '被辞退未付经济补偿',
    });
    // Who may refer where (issue 17): a room of the case's own district, or the city's room; never a
    // room of another district, which would send the caller's personal data where the sender cannot see.
    const elsewhere = await caseworker.post(`/api/complaints/${complaint.id}/escalate-mediation`, { roomId: 'MR-410103', claims: [{ item: '经济补偿金', amount: 1_500_000 }] });
    expect([elsewhere.status, elsewhere.body.errors?.[0]]).toEqual([400, expect.objectContaining({ field: 'roomId', rule: 'room_out_of_reach' })]);
    const badClaims = await caseworker.post(`/api/complaints/${complaint.id}/escalate-mediation`, { roomId: ROOM, claims: [{ item: '经济补偿金', amount: 0 }] });
    expect(badClaims.status).toBe(400);
    expect(badClaims.body.errors[0]).toMatchObject({ field: 'claims.0.amount' });
    const { mediationCaseId } = await post(caseworker, `/api/complaints/${complaint.id}/escalate-mediation`, { roomId: ROOM, claims: [{ item: '经济补偿金', amount: 1_500_000 }] });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const kase = (await mediator.get(`/api/mediation-cases/${mediationCaseId}`)).body;
    expect(kase).toMatchObject({ status: 'referred', source: { kind: 'complaint', complaintId: complaint.id }, respondent: { name: '某物流公司' }, claims: [{ item: '经济补偿金', amount: 1_500_000 }] });
    expect(kase.applicants[0]).toMatchObject({ name: '孙师傅', idNumber: '410105********0026' });
    await post(mediator, `/api/mediation-cases/${mediationCaseId}/decline`, { reason: '已进入仲裁程序', declinedOn: today });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const links = (await caseworker.get(`/api/complaints/${complaint.id}`)).body.links;
    expect(links).toEqual([expect.objectContaining({ kind: 'mediation_case', id: mediationCaseId, outcome: expect.objectContaining({ outcome: 'mediation_declined' }) })]);
    // The same worker's journey now has the complaint and the mediation case too.
    const journey = await post(supervisor, '/api/people/journey', { idNumber: '410105199003070026', reason: '核对孙师傅' });
    expect(journey.cases.map((c: { kind: string }) => c.kind)).toEqual(expect.arrayContaining(['complaint', 'mediation_case']));
  });

  it('states the figures of the rooms exactly', async () => {
    await system.app.runtime.projections.waitUntilCaughtUp();
    const figures = (await supervisor.get(`/api/stats/mediation?from=${today.slice(0, 8)}01&to=${today}`)).body;
    expect(figures).toMatchObject({
      referrals: 5, accepted: 4, declined: 1, agreements: 2, failures: 1, successRate: 2 / 3,
      amountAgreed: 1_700_000 + 900_000, amountPaid: 1_700_000 + 900_000, confirmations: { requested: 1, granted: 1, refused: 0 },
      concluded: 3, onTime: 3, averageDays: 0,
    });
    expect(figures.byCourt).toEqual(expect.arrayContaining([expect.objectContaining({ court: '郑州市金水区人民法院', referrals: 3 }), expect.objectContaining({ court: '工会转来', referrals: 2 })]));
    expect(figures.byMediator.find((m: { mediatorId: string }) => m.mediatorId === mediatorId)).toMatchObject({ mediatorName: 'zhao.mediator', agreements: 2, failures: 1 });
    expect((await erqi.get(`/api/stats/mediation?unit=${ROOM}`)).status).toBe(403);
    const before = (await supervisor.get(`/api/stats/mediation?from=${today.slice(0, 8)}01&to=${today}&asOf=${new Date(Date.now() - 3_600_000).toISOString()}`)).body;
    expect(before.referrals).toBe(0);
  });

  // After the figures: these referrals would count in them.
  it('records 案由 apart from the referral type, refuses one that is no labour-dispute cause, and shows it in the case list', async () => {
    const bad = await mediator.post('/api/mediation-cases', { ...courtReferral('(2026)豫0105民诉前调1310号'), cause: '劳动争议' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cause', rule: 'one_of', message: expect.stringMatching(/^案由无效/) })]);
    const { id } = await post(mediator, '/api/mediation-cases', { ...courtReferral('(2026)豫0105民诉前调1311号'), cause: 'termination' });
    expect((await mediator.get(`/api/mediation-cases/${id}`)).body).toMatchObject({ cause: 'termination', source: { referralType: 'assigned' } });
    const { cause: _, ...fromAnOlderClient } = courtReferral('(2026)豫0105民诉前调1312号');
    const { id: without } = await post(mediator, '/api/mediation-cases', fromAnOlderClient);
    expect((await mediator.get(`/api/mediation-cases/${without}`)).body.cause).toBeNull();
    await system.app.runtime.projections.waitUntilCaughtUp();
    const items = (await mediator.get('/api/cases?kind=mediation_case&pageSize=100')).body.items as { id: string; title: string }[];
    expect(items.find((c) => c.id === id)?.title).toMatch(/：2 名申请人诉 郑州某建筑劳务有限公司 · 解除劳动合同争议$/);
    expect(items.find((c) => c.id === without)?.title).toMatch(/：2 名申请人诉 郑州某建筑劳务有限公司$/);
  });
});
