/**
 * An erasure finds the person in every kind of case, by ID number or by phone, and takes every
 * lookup hash and read-model row that could find them again with the key: 人员轨迹 forgets them, a
 * wage worker becomes a person of each case, and a rebuild from the log agrees with the live tables.
 */
import { rebuildProjection } from '#projections';
import { allProjections, personJourneyProjection, personKeyOf } from '#read-models';
import { snapshotTables } from '#testing';
import { startTestCasework, type TestCasework } from '#casework-testing';
import { ApiClient } from '#casework-testing';
import { complaintFrom, residentId } from '#casework-testing';

const JINSHUI = '410105';
const ROOM = 'MR-410105';
const WORKER = { name: '褚九', idNumber: residentId('41010519900307002'), phone: '13912340026' };
const OTHER_WORKER = { name: '卫十', idNumber: residentId('41010519920408003'), phone: '13912340031' };
const HEAD = { name: '陈某', idNumber: residentId('41010519800101001'), phone: '13900001234' };
const APPLICANT = { name: '王建国', idNumber: residentId('41010519800202001'), phone: '13812345001' };
const CALLER = { name: '李秀英', idNumber: residentId('41010319851231002'), phone: '13987654321' };

describe('erasing a person from every kind of case', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let supervisor: ApiClient;
  let mediator: ApiClient;
  let centre: ApiClient;
  const wage: string[] = [];
  let hardship = '';
  let mediation = '';
  let complaint = '';
  let workersHelpedBefore = 0;

  const sql = (text: string, params: unknown[] = []) => system.app.runtime.dataSource.query(text, params);
  const caughtUp = () => system.app.runtime.projections.waitUntilCaughtUp();
  const journey = async (idNumber: string) => {
    const response = await supervisor.post('/api/people/journey', { idNumber, reason: '核对' });
    if (response.status !== 200) throw new Error(`journey: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body.cases as { kind: string; id: string }[]).map((kase) => `${kase.kind}:${kase.id}`).sort();
  };
  const erase = (person: { idNumber?: string; phone?: string }) => system.admin.post('/api/personal-data/erasures', { ...person, reason: '本人依法申请删除' });
  const workersHelped = async () => {
    const { body } = await supervisor.get(`/api/stats/wage?from=${system.today().slice(0, 4)}-01-01&to=${system.today()}&unit=410100`);
    return body.workersHelped as number;
  };

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function wageCase(claimants: (typeof WORKER)[]): Promise<string> {
    const { id } = await post(caseworker, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '装修工人工资' });
    const { claimantIds } = await post(caseworker, `/api/wage-cases/${id}/claimants`, {
      claimants: claimants.map((c) => ({ ...c, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 })),
    });
    await post(caseworker, `/api/wage-cases/${id}/start-verification`);
    await post(caseworker, `/api/wage-cases/${id}/verify`, { claims: claimantIds.map((claimantId: string) => ({ claimantId, verified: 800_000, basis: '工资条' })) });
    await post(caseworker, `/api/wage-cases/${id}/payments`, { amount: 300_000, paidOn: system.today(), payer: '某装修公司', allocations: [{ claimantId: claimantIds[0], amount: 300_000 }] });
    return id;
  }

  /** A user with a password no policy finds guessable. */
  async function userClient(username: string, role: string, orgUnitId: string): Promise<ApiClient> {
    const password = 'Qv7#mLx2$wZr9!kT';
    const created = await system.admin.post('/api/users', { username, password, displayName: '测试用户', role, orgUnitId });
    if (created.status !== 201) throw new Error(`Could not create ${username}: ${JSON.stringify(created.body)}`);
    return ApiClient.login(system.app.url, username, password);
  }

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await userClient('chu.wage', 'caseworker', JINSHUI);
    supervisor = await userClient('city.supervisor', 'supervisor', '410100');
    mediator = await userClient('zhao.mediator', 'mediator', ROOM);
    centre = await userClient('wang.centre', 'caseworker', '410100');
    wage.push(await wageCase([WORKER, OTHER_WORKER]), await wageCase([WORKER]));
    ({ id: hardship } = await post(caseworker, '/api/hardship-files', {
      source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
      head: { ...HEAD, employer: '郑州某纺织厂', unionMember: true }, members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
    }));
    ({ id: mediation } = await post(mediator, '/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调7001号', referralType: 'assigned' },
      roomId: ROOM, referredOn: system.today(),
      applicants: [APPLICANT, { name: '李红', phone: '13900001111' }],
      respondent: { name: '郑州某建筑劳务有限公司', creditCode: '91410105MA44XXXX1X', representative: '张总' },
      claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '工人追索工资',
    }));
    ({ id: complaint } = await post(centre, '/api/complaints', complaintFrom(CALLER, '甲建筑公司')));
    await caughtUp();
    workersHelpedBefore = await workersHelped();
  }, 90_000);

  afterAll(() => system?.stop());

  it('refuses a malformed ID number or phone with a 400 naming the field, never a quiet "0 subjects"', async () => {
    const badId = await erase({ idNumber: '410105199003070027' });
    expect([badId.status, badId.body.code, badId.body.errors]).toEqual([400, 'validation_failed', [expect.objectContaining({ field: 'idNumber', rule: 'id_number', message: expect.stringMatching(/身份证号码/) })]]);
    const shortId = await erase({ idNumber: '123' });
    expect([shortId.status, shortId.body.errors[0].field]).toEqual([400, 'idNumber']);
    const badPhone = await erase({ phone: '12ab' });
    expect([badPhone.status, badPhone.body.errors]).toEqual([400, [expect.objectContaining({ field: 'phone', rule: 'phone', message: expect.stringMatching(/电话/) })]]);
    const both = await erase({ idNumber: 'x', phone: 'y' });
    expect(both.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['idNumber', 'phone']);
    expect(JSON.stringify([badId.body, badPhone.body])).not.toMatch(/410105199003070027|12ab/);
    // Well formed but unknown: a lawful answer of nothing found.
    expect((await erase({ phone: '+86 139-0000-9999' })).body).toMatchObject({ erasedSubjects: 0, cases: 0 });
  });

  it('finds the person\'s cases in 人员轨迹 before the erasure', async () => {
    expect(await journey(WORKER.idNumber)).toEqual(wage.map((id) => `wage_case:${id}`).sort());
    expect(await journey(HEAD.idNumber)).toEqual([`hardship_file:${hardship}`]);
    expect(await journey(APPLICANT.idNumber)).toEqual([`mediation_case:${mediation}`]);
    expect(await journey(CALLER.idNumber)).toEqual([`complaint:${complaint}`]);
  });

  it('erases by phone in every kind of case and reports each case touched, in the access log under its kind', async () => {
    expect((await erase({ phone: WORKER.phone })).body).toMatchObject({ erasedSubjects: 1, cases: 2 });
    expect((await erase({ phone: HEAD.phone })).body).toMatchObject({ erasedSubjects: 1, cases: 1 });
    expect((await erase({ phone: APPLICANT.phone })).body).toMatchObject({ erasedSubjects: 1, cases: 1 });
    expect((await erase({ phone: CALLER.phone })).body).toMatchObject({ erasedSubjects: 1, cases: 1 });
    const erasures: { case_kind: string; case_id: string }[] = await sql(`SELECT case_kind, case_id FROM access_log WHERE action = 'erase' AND case_id IS NOT NULL ORDER BY case_kind, case_id`);
    expect(erasures.map((row) => `${row.case_kind}:${row.case_id}`).sort()).toEqual(
      [...wage.map((id) => `wage_case:${id}`), `hardship_file:${hardship}`, `mediation_case:${mediation}`, `complaint:${complaint}`].sort(),
    );
  });

  it('leaves nothing in 人员轨迹 to find the erased people by, and keeps the others', async () => {
    for (const person of [WORKER, HEAD, APPLICANT, CALLER]) expect(await journey(person.idNumber)).toEqual([]);
    const keys = [WORKER, HEAD, APPLICANT, CALLER].map((person) => personKeyOf(person.idNumber, system.app.runtime.personalDataHashKey));
    expect(await sql('SELECT count(*)::int AS n FROM person_cases WHERE person_key = ANY($1)', [keys])).toEqual([{ n: 0 }]);
    expect(await journey(OTHER_WORKER.idNumber)).toEqual([`wage_case:${wage[0]}`]);
  });

  it('makes the erased worker a person of each of their cases in the wage figures (two people now), as a rebuild does', async () => {
    const key = personKeyOf(WORKER.idNumber, system.app.runtime.personalDataHashKey);
    for (const table of ['wage_claimants', 'wage_money', 'wage_helped']) {
      expect([table, await sql(`SELECT count(*)::int AS n FROM ${table} WHERE person_key = $1`, [key])]).toEqual([table, [{ n: 0 }]]);
    }
    const claimants: { claimant_key: string; person_key: string }[] = await sql('SELECT claimant_key, person_key FROM wage_claimants WHERE case_id = ANY($1)', [wage]);
    expect(claimants.filter((row) => row.person_key === row.claimant_key)).toHaveLength(2);
    expect(await workersHelped()).toBe(workersHelpedBefore + 1);
  });

  it('rebuilds every read model, 人员轨迹 and the process managers from the log to what the live ones hold', async () => {
    await caughtUp();
    const { store, dataSource, hotline, personalDataHashKey } = system.app.runtime;
    const projections = [...allProjections(store, personalDataHashKey), personJourneyProjection(personalDataHashKey), ...hotline.processManagers(store, personalDataHashKey)];
    expect(projections.map((projection) => projection.name)).toContain('person-journey');
    for (const projection of projections) {
      const live = await snapshotTables(dataSource, projection.tables);
      const rebuilt = await rebuildProjection(dataSource, store, projection, { swap: false });
      expect([projection.name, await snapshotTables(dataSource, projection.tables, rebuilt.schema)]).toEqual([projection.name, live]);
      await dataSource.query(`DROP SCHEMA ${rebuilt.schema} CASCADE`);
    }
  });

  it('leaves no phone hash of the erased caller among the repeat-call keys', async () => {
    expect(await sql('SELECT caller_phone_hash IS NULL AS cleared FROM repeat_call_keys WHERE complaint_id = $1', [complaint])).toEqual([{ cleared: true }]);
  });
});
