/**
 * 案件编号与检索 (issue 18, points 1–2): every kind of case gets a number people can read aloud when it
 * is created, recorded in its first event; one search box finds a case by that number, by the name,
 * phone or ID number of anyone in it (keyed hashes, never the value), by employer or respondent, by
 * the court's 案号 — within what the user may see — and forgets an erased person.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import { ApiClient } from '#casework-testing';
import { complaintFrom, residentId, tablesContaining } from '#casework-testing';

const JINSHUI = '410105';
const ERQI = '410103';
const ROOM = 'MR-410105';
const CALLER = { name: '李秀英', idNumber: residentId('41010319851231002'), phone: '13987654321' };
const WORKER = { name: '褚九', idNumber: residentId('41010519900307002'), phone: '13912340026' };
const HEAD = { name: '陈某', idNumber: residentId('41010519800101001'), phone: '13900001234' };
const APPLICANT = { name: '王建国', idNumber: residentId('41010519800202001'), phone: '13812345001' };

describe('case numbers and one search box over every kind of case', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let caseworker: ApiClient;
  let mediator: ApiClient;
  let erqi: ApiClient;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function userClient(username: string, role: string, orgUnitId: string): Promise<ApiClient> {
    const password = 'Qv7#mLx2$wZr9!kT';
    const created = await system.admin.post('/api/users', { username, password, displayName: '测试用户', role, orgUnitId });
    if (created.status !== 201) throw new Error(`Could not create ${username}: ${JSON.stringify(created.body)}`);
    return ApiClient.login(system.app.url, username, password);
  }

  /** What `client` finds for `q`, as `kind:number`. */
  async function search(client: ApiClient, q: string): Promise<string[]> {
    const response = await client.get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=50`);
    if (response.status !== 200) throw new Error(`search ${q}: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body.items as { kind: string; caseNumber: string }[]).map((item) => `${item.kind}:${item.caseNumber}`).sort();
  }

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await userClient('wang.centre', 'caseworker', '410100');
    caseworker = await userClient('chu.wage', 'caseworker', JINSHUI);
    mediator = await userClient('zhao.mediator', 'mediator', ROOM);
    erqi = await userClient('erqi.caseworker', 'caseworker', ERQI);
    const first = await post(centre, '/api/complaints', complaintFrom(CALLER, '郑州甲建筑工程有限公司'));
    const second = await post(centre, '/api/complaints', complaintFrom({ name: '张三', phone: '13700000001' }, '乙物业公司', ERQI));
    const wage = await post(caseworker, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '装修工人工资' });
    await post(caseworker, `/api/wage-cases/${wage.id}/claimants`, { claimants: [{ ...WORKER, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 }] });
    const hardship = await post(caseworker, '/api/hardship-files', {
      source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
      head: { ...HEAD, employer: '郑州某纺织厂', unionMember: true }, members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
    });
    const mediation = await post(mediator, '/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调7001号', referralType: 'assigned' },
      roomId: ROOM, referredOn: system.today(), applicants: [APPLICANT],
      respondent: { name: '郑州某建筑劳务有限公司', creditCode: '91410105MA44XXXX1X', representative: '张总' },
      claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '工人追索工资',
    });
    Object.assign(ids, { first: first.id, second: second.id, wage: wage.id, hardship: hardship.id, mediation: mediation.id });
    Object.assign(numbers, { first: first.caseNumber, second: second.caseNumber, wage: wage.caseNumber, hardship: hardship.caseNumber, mediation: mediation.caseNumber });
    await system.app.runtime.projections.waitUntilCaughtUp();
  }, 90_000);

  afterAll(() => system?.stop());

  it('gives each new case a number in its kind\'s format, for the year it was created, recorded in its first event', async () => {
    const year = system.today().slice(0, 4);
    expect(numbers.first).toMatch(new RegExp(`^RX-${year}-\\d{6}$`));
    expect(Number(numbers.second.slice(-6))).toBe(Number(numbers.first.slice(-6)) + 1);
    expect(numbers.wage).toMatch(new RegExp(`^QX-${year}-\\d{5}$`));
    expect(numbers.hardship).toMatch(new RegExp(`^KN-${JINSHUI}-${year}-\\d{4}$`));
    expect(numbers.mediation).toMatch(new RegExp(`^TJ-${year}-\\d{4}$`));
    const [created] = await system.app.runtime.store.readStream(`hotline-complaint-${ids.first}`);
    expect(created.data).toMatchObject({ caseNumber: numbers.first });
    const { body } = await centre.get('/api/cases?pageSize=50');
    expect(body.items.find((item: { id: string }) => item.id === ids.wage)).toMatchObject({ caseNumber: numbers.wage });
  });

  it('finds a case by its number, whole or its start, in any case of letters', async () => {
    expect(await search(centre, numbers.first)).toEqual([`complaint:${numbers.first}`]);
    expect(await search(centre, numbers.hardship.toLowerCase())).toEqual([`hardship_file:${numbers.hardship}`]);
    expect(await search(centre, numbers.first.slice(0, 7))).toEqual([`complaint:${numbers.first}`, `complaint:${numbers.second}`]);
  });

  it('finds the people of every kind of case by name, phone or ID number, however the number is written', async () => {
    expect(await search(centre, '+86 139-8765-4321')).toEqual([`complaint:${numbers.first}`]);
    expect(await search(centre, CALLER.name)).toEqual([`complaint:${numbers.first}`]);
    expect(await search(centre, WORKER.idNumber.toLowerCase())).toEqual([`wage_case:${numbers.wage}`]);
    expect(await search(centre, ` ${HEAD.phone} `)).toEqual([`hardship_file:${numbers.hardship}`]);
    expect(await search(centre, '陈妻')).toEqual([`hardship_file:${numbers.hardship}`]);
    expect(await search(mediator, APPLICANT.idNumber)).toEqual([`mediation_case:${numbers.mediation}`]);
    // Exact only for people: part of a phone number finds no one.
    expect(await search(centre, CALLER.phone.slice(0, 7))).toEqual([]);
  });

  it('finds employers, respondents and the court\'s 案号 by any part of them', async () => {
    expect(await search(centre, '甲建筑')).toEqual([`complaint:${numbers.first}`]);
    expect(await search(centre, '装修')).toEqual([`wage_case:${numbers.wage}`]);
    expect(await search(mediator, '民诉前调7001')).toEqual([`mediation_case:${numbers.mediation}`]);
    expect(await search(mediator, '建筑劳务')).toEqual([`mediation_case:${numbers.mediation}`]);
    // What a search box types is text, never a pattern.
    expect(await search(centre, '%')).toEqual([]);
    expect(await search(centre, '_')).toEqual([]);
  });

  it('finds only what the user may see', async () => {
    expect(await search(erqi, CALLER.phone)).toEqual([]);
    expect(await search(erqi, '乙物业')).toEqual([]);
    const { body: current } = await centre.get(`/api/complaints/${ids.second}`);
    expect((await centre.post(`/api/complaints/${ids.second}/assign`, { unitId: ERQI }, { version: current.version })).status).toBe(200);
    await system.app.runtime.projections.waitUntilCaughtUp();
    expect(await search(erqi, '乙物业')).toEqual([`complaint:${numbers.second}`]);
    expect(await search(mediator, '甲建筑')).toEqual([]);
  });

  it('answers a bad search with a 400 naming the field', async () => {
    const response = await centre.get(`/api/cases?q=${encodeURIComponent('a\u0000b')}`);
    expect([response.status, response.body.errors?.[0]?.field]).toEqual([400, 'q']);
    expect((await centre.get(`/api/cases?q=${'x'.repeat(65)}`)).status).toBe(400);
  });

  it('keeps no searchable value in clear, and forgets an erased person while the case stays findable otherwise', async () => {
    for (const value of [CALLER.phone, CALLER.idNumber, WORKER.idNumber, HEAD.phone]) {
      expect((await tablesContaining(system.app.runtime.dataSource, value)).filter((table) => table.includes('case_search'))).toEqual([]);
    }
    expect((await system.admin.post('/api/personal-data/erasures', { phone: CALLER.phone, reason: '本人依法申请删除' })).body).toMatchObject({ erasedSubjects: 1 });
    expect(await search(centre, CALLER.phone)).toEqual([]);
    expect(await search(centre, CALLER.name)).toEqual([]);
    expect(await search(centre, CALLER.idNumber)).toEqual([]);
    expect(await search(centre, '甲建筑')).toEqual([`complaint:${numbers.first}`]);
  });
});
