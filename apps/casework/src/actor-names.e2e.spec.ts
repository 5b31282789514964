/**
 * People by name (issue 18.3) over HTTP: every kind's history says who acted by name and unit — a
 * colleague who has since been disabled too — and names a process of the system in Chinese; the
 * people an event names by id (a cadre, a mediator) come with their names; and the user picker
 * (`GET /api/users/pickable`) offers only the people the caller may choose.
 */
import { startTestCasework, TEST_USER_PASSWORD, type TestCasework } from '#casework-testing';
import { ApiClient } from '#casework-testing';

const ROOM = 'MR-410105';
const JINSHUI = '410105';
const STATION = '410105001';

interface Entry {
  type: string;
  actor: { userId: string; role: string; orgUnitId: string; displayName: string; unitName: string | null };
  people?: Record<string, { displayName: string; unitName: string | null }>;
}
interface Picked { id: string; displayName: string; role: string; unitId: string; unitName: string }

describe('people by name in histories and pickers', () => {
  let system: TestCasework;
  const ids: Record<string, string> = {};
  const clients: Record<string, ApiClient> = {};

  /** A user with a real (Chinese) name, logged in. */
  async function person(key: string, displayName: string, role: string, orgUnitId: string): Promise<ApiClient> {
    const created = await system.admin.post('/api/users', { username: key, password: TEST_USER_PASSWORD, displayName, role, orgUnitId });
    if (created.status !== 201) throw new Error(`could not create ${key}: ${JSON.stringify(created.body)}`);
    ids[key] = created.body.id;
    clients[key] = await ApiClient.login(system.app.url, key, TEST_USER_PASSWORD);
    return clients[key];
  }

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const history = async (client: ApiClient, path: string): Promise<Entry[]> => {
    const response = await client.get(`${path}/history`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const settle = () => system.app.runtime.projections.waitUntilCaughtUp();
  const pickable = (client: ApiClient, query = '') => client.get(`/api/users/pickable${query}`);
  const names = (users: Picked[]) => users.map((u) => u.displayName).sort();

  beforeAll(async () => {
    system = await startTestCasework();
    await person('li.na', '李娜', 'caseworker', JINSHUI);
    await person('sun.wei', '孙伟', 'supervisor', JINSHUI);
    await person('wang.fang', '王芳', 'caseworker', STATION);
    await person('zhou.qiang', '周强', 'caseworker', '410103');
    await person('zhao.min', '赵敏', 'mediator', ROOM);
    await person('qian.jin', '钱进', 'mediator', ROOM);
    await person('wu.hao', '吴昊', 'mediator', 'MR-410103');
    await person('lao.zhang', '老张', 'caseworker', JINSHUI);
  }, 60_000);

  afterAll(() => system?.stop());

  it('names who took a complaint by name and unit even after they were disabled, and the mediation link as 系统（调解联动）', async () => {
    const complaint = await post(clients['lao.zhang'], '/api/complaints', {
      channel: 'phone', caller: { name: '孙师傅', phone: '13700001234' }, employer: { name: '某物流公司', district: JINSHUI },
      category: 'pay', type: 'request_for_action', summary: '被辞退未付经济补偿',
    });
    const { mediationCaseId } = await post(clients['li.na'], `/api/complaints/${complaint.id}/escalate-mediation`, { roomId: ROOM, claims: [{ item: '经济补偿金', amount: 1_500_000 }] });
    await settle();
    await post(clients['zhao.min'], `/api/mediation-cases/${mediationCaseId}/decline`, { reason: '已进入仲裁程序', declinedOn: system.today() });
    await settle();
    expect((await system.admin.post(`/api/users/${ids['lao.zhang']}/disable`, {})).status).toBe(200);

    const entries = await history(clients['sun.wei'], `/api/complaints/${complaint.id}`);
    expect(entries[0].actor).toMatchObject({ userId: ids['lao.zhang'], displayName: '老张', unitName: '金水区总工会' });
    expect(entries.find((e) => e.type === 'ComplaintEscalated')!.actor).toMatchObject({ displayName: '李娜', unitName: '金水区总工会' });
    const fromTheRoom = entries.find((e) => e.actor.role === 'system')!;
    expect(fromTheRoom.actor).toMatchObject({ userId: 'system:mediation-links', displayName: '系统（调解联动）' });
  });

  it('names the people of a wage case and of the mediation case it went to, the mediator by name with the room, and the system steps between them', async () => {
    const wage = await post(clients['li.na'], '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某餐饮公司', district: JINSHUI }, summary: '服务员被拖欠工资' });
    await post(clients['li.na'], `/api/wage-cases/${wage.id}/claimants`, { claimants: [{ name: '赵一', workedFrom: '2026-01-01', workedUntil: '2026-09-30', claimed: 600_000 }] });
    const { mediationCaseId } = await post(clients['li.na'], `/api/wage-cases/${wage.id}/referrals`, { target: 'mediation', referredOn: system.today(), roomId: ROOM });
    await settle();
    const today = system.today();
    await post(clients['zhao.min'], `/api/mediation-cases/${mediationCaseId}/accept`, { acceptedOn: today });
    await post(clients['sun.wei'], `/api/mediation-cases/${mediationCaseId}/mediator`, { mediatorId: ids['qian.jin'] });
    const kase = (await clients['zhao.min'].get(`/api/mediation-cases/${mediationCaseId}`)).body;
    await post(clients['qian.jin'], `/api/mediation-cases/${mediationCaseId}/agreement`, {
      agreedOn: today, effectiveOn: today, terms: '公司一次支付', items: [{ item: '拖欠工资', amount: 500_000, partyId: kase.applicants[0].partyId }],
      schedule: [{ dueOn: today, amount: 500_000, partyId: kase.applicants[0].partyId }],
    });
    await settle();
    const claimantId = (await clients['li.na'].get(`/api/wage-cases/${wage.id}`)).body.claimants[0].claimantId;
    await post(clients['li.na'], `/api/wage-cases/${wage.id}/payments`, { amount: 500_000, paidOn: today, payer: '某餐饮公司', allocations: [{ claimantId, amount: 500_000 }], installmentId: 'i1' });
    await settle();
    await settle();

    const wageEntries = await history(clients['sun.wei'], `/api/wage-cases/${wage.id}`);
    expect(wageEntries[0].actor).toMatchObject({ displayName: '李娜', unitName: '金水区总工会' });
    expect(wageEntries.filter((e) => e.actor.role === 'system').map((e) => e.actor.displayName)).toContain('系统（调解联动）');

    const mediationEntries = await history(clients['zhao.min'], `/api/mediation-cases/${mediationCaseId}`);
    expect(mediationEntries.find((e) => e.type === 'CaseAccepted')!.actor).toMatchObject({ displayName: '赵敏', unitName: '金水区人民法院工会调解工作室' });
    const assigned = mediationEntries.find((e) => e.type === 'MediatorAssigned')!;
    expect(assigned.actor).toMatchObject({ displayName: '孙伟', unitName: '金水区总工会' });
    expect(assigned.people).toEqual({ [ids['qian.jin']]: { displayName: '钱进', unitName: '金水区人民法院工会调解工作室' } });
    const bySystem = mediationEntries.filter((e) => e.actor.role === 'system');
    expect(bySystem.length).toBeGreaterThan(0);
    expect(bySystem.every((e) => e.actor.displayName === '系统（调解联动）')).toBe(true);
  });

  it('names an imported hardship file\'s importer as 系统（旧台账导入） and its cadre by name and unit, in the history and on the file', async () => {
    const header = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';
    const row = 'JS-N-1,褚某,,,某厂,是,410105,410105001,3,1500,因病,深度困难,2018-04-01,在档,,';
    expect((await post(clients['sun.wei'], '/api/hardship-files/import', { format: 'csv', content: [header, row].join('\n') })).imported).toBe(1);
    await settle();
    const list = (await clients['sun.wei'].get('/api/cases?kind=hardship_file')).body;
    const fileId = list.items[0].id;
    await post(clients['sun.wei'], `/api/hardship-files/${fileId}/cadres`, { level: 'grassroots', userId: ids['wang.fang'] });

    const entries = await history(clients['li.na'], `/api/hardship-files/${fileId}`);
    expect(entries[0].actor).toMatchObject({ userId: 'system:legacy-import', displayName: '系统（旧台账导入）' });
    const cadre = entries.find((e) => e.type === 'CadreAssigned')!;
    expect(cadre.actor).toMatchObject({ displayName: '孙伟', unitName: '金水区总工会' });
    expect(cadre.people).toEqual({ [ids['wang.fang']]: { displayName: '王芳', unitName: '经八路街道职工维权服务站' } });
    const file = (await clients['li.na'].get(`/api/hardship-files/${fileId}`)).body;
    expect(file.cadres.grassroots).toBe(ids['wang.fang']);
    expect(file.people[ids['wang.fang']]).toEqual({ displayName: '王芳', unitName: '经八路街道职工维权服务站' });
  });

  it('offers a district caseworker the people of their own units, by name with the unit, and nobody of another district', async () => {
    const response = await pickable(clients['li.na']);
    expect(response.status).toBe(200);
    const offered: Picked[] = response.body;
    expect(names(offered)).toEqual(['孙伟', '李娜', '王芳', '赵敏', '钱进'].sort()); // not 周强, 吴昊 (二七区), the disabled 老张, nor the administrator
    expect(offered.find((u) => u.displayName === '王芳')).toEqual({ id: ids['wang.fang'], displayName: '王芳', role: 'caseworker', unitId: STATION, unitName: '经八路街道职工维权服务站' });
    expect(names((await pickable(clients['li.na'], `?q=${encodeURIComponent('王')}`)).body)).toEqual(['王芳']);
    expect(names((await pickable(clients['li.na'], '?q=wang')).body)).toEqual(['王芳']); // the username too
    expect((await pickable(clients['zhou.qiang'], `?q=${encodeURIComponent('王')}`)).body).toEqual([]);
  });

  it('lists only the mediators of the room, and as cadres only the people who see a file kept by the unit', async () => {
    expect(names((await pickable(clients['sun.wei'], `?role=mediator&unit=${ROOM}`)).body)).toEqual(['赵敏', '钱进'].sort());
    expect(names((await pickable(clients['zhao.min'], '?role=mediator')).body)).toEqual(['赵敏', '钱进'].sort());
    expect(names((await pickable(clients['sun.wei'], `?role=caseworker,supervisor&kind=hardship_file&caseUnit=${STATION}`)).body)).toEqual(['孙伟', '李娜', '王芳'].sort());
    expect(names((await pickable(clients['sun.wei'], `?kind=hardship_file&caseUnit=${JINSHUI}`)).body)).toEqual(['孙伟', '李娜'].sort()); // the station cannot see a district file; mediators see no hardship files
  });

  it('refuses a bad query with a 400 naming the field, another district\'s unit, and an administrator', async () => {
    // The rules of the picker's own checks are stable codes; the others are the shared validators'.
    const cases: [string, string, string?][] = [
      ['?role=boss', 'role', 'one_of'],
      ['?role=admin', 'role', 'one_of'],
      ['?unit=nowhere', 'unit', 'exists'],
      ['?unit=410103', 'unit', 'within_own_units'],
      ['?kind=hardship_file', 'caseUnit', 'required_together'],
      ['?kind=parcel&caseUnit=410105', 'kind'],
      ['?limit=0', 'limit'],
      [`?q=${'王'.repeat(21)}`, 'q'],
    ];
    for (const [query, field, rule] of cases) {
      const response = await pickable(clients['li.na'], query);
      expect([query, response.status, response.body.errors?.[0]?.field]).toEqual([query, 400, field]);
      if (rule) expect(response.body.errors[0].rule).toBe(rule);
      expect(response.body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await pickable(system.admin)).status).toBe(403);
  });
});
