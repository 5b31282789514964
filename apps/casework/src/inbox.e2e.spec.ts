/**
 * 待办 over HTTP (`GET /api/inbox`): what each user has to do today, counted for their unit and never
 * beyond what the case list lets them see — an order handed to a district is the district's to sign
 * for, not the city's; a return is the city's; an overdue order is the holding unit's; an advance is
 * another supervisor's to approve, not the requester's; a user of another district sees none of it.
 */
import { startTestCasework, TEST_START, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const CITY = '410100';
const JINSHUI = '410105';
const ERQI = '410103';
const ROOM = 'MR-410105';
const BUCKETS = ['toSignFor', 'returned', 'dueSoon', 'overdue', 'toApprove', 'followUpsDue', 'reminders', 'sessionsToday'] as const;
type Bucket = (typeof BUCKETS)[number];
interface InboxItem { id: string; kind: string; caseNumber: string | null; title: string; unitName: string; dueAt: string | null }
interface Inbox { counts: Record<Bucket, number>; total: number; items: Record<Bucket, InboxItem[]> }

describe('the inbox over HTTP', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let jinshui: ApiClient;
  let requester: ApiClient;
  let approver: ApiClient;
  let erqi: ApiClient;
  let erqiSupervisor: ApiClient;
  let mediator: ApiClient;
  let otherMediator: ApiClient;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'he.centre', role: 'caseworker', orgUnitId: CITY });
    jinshui = await system.userClient({ username: 'li.jinshui', role: 'caseworker', orgUnitId: JINSHUI });
    requester = await system.userClient({ username: 'qian.supervisor', role: 'supervisor', orgUnitId: JINSHUI });
    approver = await system.userClient({ username: 'liu.supervisor', role: 'supervisor', orgUnitId: JINSHUI });
    erqi = await system.userClient({ username: 'wu.erqi', role: 'caseworker', orgUnitId: ERQI });
    erqiSupervisor = await system.userClient({ username: 'sun.erqi', role: 'supervisor', orgUnitId: ERQI });
    mediator = await system.userClient({ username: 'zhao.mediator', role: 'mediator', orgUnitId: ROOM });
    otherMediator = await system.userClient({ username: 'qian.mediator', role: 'mediator', orgUnitId: ROOM });
  }, 60_000);

  afterAll(() => system?.stop());

  const inboxOf = async (client: ApiClient): Promise<Inbox> => {
    await system.app.runtime.projections.waitUntilCaughtUp();
    const response = await client.get('/api/inbox');
    expect(response.status).toBe(200);
    return response.body;
  };
  const ids = (inbox: Inbox, bucket: Bucket) => inbox.items[bucket].map((item) => item.id);

  async function act(client: ApiClient, id: string, action: string, body: unknown = {}) {
    const { body: current } = await client.get(`/api/complaints/${id}`);
    const response = await client.post(`/api/complaints/${id}/${action}`, body, { version: current.version });
    if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** An order the city centre took and handed to 金水区. */
  async function assignedToJinshui(): Promise<{ id: string; caseNumber: string }> {
    serial += 1;
    const { body } = await centre.post('/api/complaints', {
      channel: 'phone', caller: { name: '赵师傅', phone: `1370000${String(1000 + serial)}` }, employer: { name: `待办测试企业${serial}`, district: JINSHUI },
      category: 'pay', type: 'request_for_action', summary: '拖欠工资',
    });
    await act(centre, body.id, 'assign', { unitId: JINSHUI });
    return { id: body.id, caseNumber: body.caseNumber };
  }

  it('answers every bucket, counted and listed, and refuses an administrator (who reads no cases)', async () => {
    const inbox = await inboxOf(erqi);
    expect(Object.keys(inbox.counts).sort()).toEqual([...BUCKETS].sort());
    expect(Object.keys(inbox.items).sort()).toEqual([...BUCKETS].sort());
    expect((await system.admin.get('/api/inbox')).status).toBe(403);
  });

  it('an order assigned to a district is the district\'s to sign for, by its number and unit name, and not the city\'s', async () => {
    const { id, caseNumber } = await assignedToJinshui();
    const district = await inboxOf(jinshui);
    expect(district.counts.toSignFor).toBe(1);
    // Due by the end of tomorrow, it is also due soon; the badge counts the order once.
    expect(ids(district, 'dueSoon')).toEqual([id]);
    expect(district.total).toBe(1);
    expect(district.items.toSignFor).toEqual([expect.objectContaining({ id, kind: 'complaint', caseNumber, title: expect.stringContaining('待办测试企业'), unitName: '金水区总工会', dueAt: expect.any(String) })]);
    expect(caseNumber).toMatch(/^RX-\d{4}-\d+$/);
    const city = await inboxOf(centre);
    expect(city.counts.toSignFor).toBe(0);
    expect(ids(city, 'toSignFor')).not.toContain(id);

    await act(jinshui, id, 'sign-for');
    expect((await inboxOf(jinshui)).counts.toSignFor).toBe(0);
  });

  it('an order the district returns is the city\'s as returned, and no longer the district\'s', async () => {
    const { id } = await assignedToJinshui();
    await act(jinshui, id, 'return', { reason: 'not_our_jurisdiction', note: '该企业实际在二七区' });
    const city = await inboxOf(centre);
    expect(city.counts.returned).toBe(1);
    expect(ids(city, 'returned')).toEqual([id]);
    const district = await inboxOf(jinshui);
    expect([district.counts.returned, ids(district, 'toSignFor')]).toEqual([0, []]);

    // Handed out again, it leaves the returned list.
    await act(centre, id, 'assign', { unitId: JINSHUI });
    expect((await inboxOf(centre)).counts.returned).toBe(0);
    expect(ids(await inboxOf(jinshui), 'toSignFor')).toEqual([id]);
    await act(jinshui, id, 'sign-for');
  });

  it('an order past its deadline is overdue for the unit holding it, due soon before that, and for nobody else', async () => {
    const { id } = await assignedToJinshui();
    // Signed for within the day: its next deadline is the first contact, 3 working days away (a week later it has passed).
    await act(jinshui, id, 'sign-for');
    expect(ids(await inboxOf(jinshui), 'overdue')).not.toContain(id);
    const aWeek = 7 * 24 * 3600_000;
    system.shiftClock(aWeek);
    try {
      const district = await inboxOf(jinshui);
      expect(ids(district, 'overdue')).toContain(id);
      expect(district.counts.overdue).toBeGreaterThanOrEqual(1);
      expect(Date.parse(district.items.overdue.find((item) => item.id === id)!.dueAt!)).toBeLessThan(Date.parse(TEST_START) + aWeek);
      expect(ids(await inboxOf(centre), 'overdue')).not.toContain(id);
      // The district's supervisor watches the deadlines of the units below (督办) as well.
      expect(ids(await inboxOf(approver), 'overdue')).toContain(id);
    } finally {
      system.shiftClock(-aWeek);
    }
    const dueSoon = await assignedToJinshui();
    expect(ids(await inboxOf(jinshui), 'dueSoon')).toContain(dueSoon.id);
  });

  it('a resolved order waits for its follow-up call at the centre that received it, not at the district', async () => {
    const { id } = await assignedToJinshui();
    await act(jinshui, id, 'sign-for');
    await act(jinshui, id, 'contact', { reached: true, method: 'phone', summary: '已联系来电人' });
    await act(jinshui, id, 'resolve', { outcome: 'solved', summary: '企业已补发工资' });
    expect(ids(await inboxOf(centre), 'followUpsDue')).toEqual([id]);
    expect((await inboxOf(jinshui)).counts.followUpsDue).toBe(0);
    await act(centre, id, 'follow-up', { reached: true, satisfaction: 'satisfied' });
    expect((await inboxOf(centre)).counts.followUpsDue).toBe(0);
  });

  it('a wage advance is another supervisor\'s to approve, never the requester\'s or a caseworker\'s', async () => {
    const wageCase = await advanceRequestedBy(requester);
    const other = await inboxOf(approver);
    expect(other.counts.toApprove).toBe(1);
    expect(other.items.toApprove).toEqual([expect.objectContaining({ id: wageCase, kind: 'wage_case', caseNumber: expect.stringMatching(/^QX-/), unitName: '金水区总工会' })]);
    expect((await inboxOf(requester)).counts.toApprove).toBe(0);
    expect((await inboxOf(jinshui)).counts.toApprove).toBe(0);
  });

  it('a session booked for later today is its mediator\'s, not the room\'s other mediator\'s', async () => {
    const post = async (client: ApiClient, path: string, body: unknown = {}) => {
      const response = await client.post(path, body);
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const today = shanghaiDay();
    const { id } = await post(mediator, '/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调7001号', referralType: 'assigned' },
      cause: 'labour_remuneration', roomId: ROOM, referredOn: today,
      applicants: [{ name: '王建国', phone: '13812345678' }], respondent: { name: '郑州某建筑劳务有限公司' },
      claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '追索 2026 年工资',
    });
    await post(mediator, `/api/mediation-cases/${id}/accept`, { acceptedOn: today });
    await post(approver, `/api/mediation-cases/${id}/mediator`, { mediatorId: (await mediator.get('/api/auth/me')).body.id });
    const startsAt = new Date(`${today}T15:00:00+08:00`).toISOString();
    await post(mediator, `/api/mediation-cases/${id}/sessions`, { startsAt, endsAt: new Date(`${today}T16:00:00+08:00`).toISOString(), mode: 'in_room', attendees: ['王建国', '张总'] });

    const own = await inboxOf(mediator);
    expect(own.items.sessionsToday).toEqual([expect.objectContaining({ id, kind: 'mediation_case', caseNumber: expect.stringMatching(/^TJ-/), dueAt: startsAt, unitName: expect.stringContaining('调解') })]);
    expect(own.counts.sessionsToday).toBe(1);
    expect((await inboxOf(otherMediator)).counts.sessionsToday).toBe(0);
  });

  it('a user of another district sees zero of all of it', async () => {
    for (const client of [erqi, erqiSupervisor]) {
      const inbox = await inboxOf(client);
      expect(inbox.counts).toEqual(Object.fromEntries(BUCKETS.map((bucket) => [bucket, 0])));
      expect(inbox.total).toBe(0);
      expect(Object.values(inbox.items).flat()).toEqual([]);
    }
  });

  async function advanceRequestedBy(client: ApiClient): Promise<string> {
    const run = async (id: string, action: string, body: unknown = {}) => {
      const response = await client.post(`/api/wage-cases/${id}/${action}`, body);
      if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const opened = await client.post('/api/wage-cases', {
      source: { kind: 'walk_in' },
      respondent: { kind: 'employer', name: '金水区某劳务公司', district: JINSHUI },
      summary: '两名工人 2026 年工资未结清',
    });
    if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
    const id = opened.body.id;
    await run(id, 'claimants/import', { format: 'csv', content: ['姓名\t电话\t入职日期\t离职日期\t主张金额（元）', '赵大\t13800001111\t2026-03-01\t2026-10-31\t6000'].join('\n') });
    const claimant = (await client.get(`/api/wage-cases/${id}`)).body.claimants[0].claimantId;
    await run(id, 'start-verification');
    await run(id, 'verify', { claims: [{ claimantId: claimant, verified: 600_000, basis: '考勤卡' }] });
    await run(id, 'complete-verification');
    await run(id, 'advances', { allocations: [{ claimantId: claimant, amount: 200_000 }], reason: '家中困难' });
    return id;
  }
});
