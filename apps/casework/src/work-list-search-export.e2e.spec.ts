/**
 * A search box and an Excel export on every work list (issue 18, points 2 and 6): 帮扶待办, 时效预警,
 * 审批, 访问日志, 用户 and 系统通知 each narrow to what `q` finds, refuse a bad `q` naming it, and export exactly the
 * rows the list shows that user under the same query — read back from the workbook — never another
 * unit's rows.
 */
import { headingRowCount, readWorkbookSheets, type Cell } from '#spreadsheet';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { complaintFrom, residentId } from '#casework-testing';

const JINSHUI = '410105';
const ERQI = '410103';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';
const HEAD_ID = residentId('41010519800101001');
const heading = headingRowCount({ title: '', lines: ['', ''] });

type Row = Record<string, Cell>;

describe('search and Excel export of the work lists', () => {
  let system: TestCasework;
  let jinshui: ApiClient;
  let erqi: ApiClient;
  let jinshuiSupervisor: ApiClient;
  let erqiSupervisor: ApiClient;
  const complaints: Record<string, string> = {};

  async function post(client: ApiClient, path: string, body: unknown, headers?: { version?: number }) {
    const response = await client.post(path, body, headers);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** The only sheet of the workbook at `path` as rows keyed by its header, after checking it is an .xlsx. */
  async function exported(client: ApiClient, path: string): Promise<{ header: string[]; rows: Row[] }> {
    const file = await client.download(path);
    if (file.status !== 200) throw new Error(`${path}: ${file.status} ${file.bytes.toString()}`);
    expect(file.contentType).toBe(XLSX);
    const [sheet] = await readWorkbookSheets(file.bytes);
    const header = sheet.rows[heading] as string[];
    const rows = sheet.rows.slice(heading + 1).filter((row) => row.filter((cell) => cell !== null).length > 1);
    return { header, rows: rows.map((row) => Object.fromEntries(header.map((key, i) => [key, row[i] ?? null]))) };
  }

  const list = async (client: ApiClient, path: string) => {
    const response = await client.get(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>[];
  };

  /** A complaint of 金水区 about `employer`, assigned and signed for (so its unit may ask for more time). */
  async function signedFor(employer: string, phone: string): Promise<string> {
    const { id } = await post(jinshui, '/api/complaints', complaintFrom({ name: '赵师傅', phone }, employer, JINSHUI));
    for (const [action, client, body] of [['assign', jinshui, { unitId: JINSHUI }], ['sign-for', jinshui, {}]] as const) {
      const { body: current } = await client.get(`/api/complaints/${id}`);
      const response = await client.post(`/api/complaints/${id}/${action}`, body, { version: current.version });
      if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return id;
  }

  /** A wage case of `client`'s unit against `respondent` whose one worker's limitation ends in 10 days, still owed. */
  async function nearLimitation(client: ApiClient, respondent: string, district: string): Promise<string> {
    const { id } = await post(client, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: respondent, district }, summary: '工资' });
    const today = system.today();
    const inTenDays = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000);
    const ended = `${inTenDays.getUTCFullYear() - 1}-${String(inTenDays.getUTCMonth() + 1).padStart(2, '0')}-${String(inTenDays.getUTCDate()).padStart(2, '0')}`;
    const act = async (action: string, body: unknown = {}) => {
      const { body: current } = await client.get(`/api/wage-cases/${id}`);
      return post(client, `/api/wage-cases/${id}/${action}`, body, { version: current.version });
    };
    const added = await act('claimants', { claimants: [{ name: '王七', workedFrom: '2024-01-01', workedUntil: ended, claimed: 300_000 }] });
    await act('start-verification');
    await act('verify', { claims: [{ claimantId: added.claimantIds[0], verified: 300_000, basis: '欠条' }] });
    return id;
  }

  beforeAll(async () => {
    system = await startTestCasework();
    jinshui = await system.userClient({ username: 'js.lists', role: 'caseworker', orgUnitId: JINSHUI });
    erqi = await system.userClient({ username: 'eq.lists', role: 'caseworker', orgUnitId: ERQI });
    jinshuiSupervisor = await system.userClient({ username: 'jss.lists', role: 'supervisor', orgUnitId: JINSHUI });
    erqiSupervisor = await system.userClient({ username: 'eqs.lists', role: 'supervisor', orgUnitId: ERQI });
    await post(jinshuiSupervisor, '/api/hardship-files/import', { format: 'csv', content: [HEADER,
      `WL-1,孟某,${HEAD_ID},,某纺织厂,是,410105,410105,3,1500,因病,深度困难,2018-04-01,在档,,`,
      'WL-2,宋某,,,某机械厂,否,410105,410105,2,900,失业,相对困难,2019-05-01,在档,,'].join('\n') });
    await post(erqiSupervisor, '/api/hardship-files/import', { format: 'csv', content: [HEADER, 'WL-3,蒋某,,,某电厂,是,410103,410103,1,800,其他,相对困难,2019-05-01,在档,,'].join('\n') });
    await nearLimitation(jinshui, '甲装修公司', JINSHUI);
    await nearLimitation(jinshui, '乙劳务公司', JINSHUI);
    await nearLimitation(erqi, '丙建筑公司', ERQI);
    complaints.first = await signedFor('丁物业公司', '13700000011');
    complaints.second = await signedFor('戊餐饮公司', '13700000012');
    for (const [id, days] of [[complaints.first, 5], [complaints.second, 3]] as const) {
      const { body: current } = await jinshui.get(`/api/complaints/${id}`);
      await post(jinshui, `/api/complaints/${id}/extension-requests`, { workingDays: days, reason: '需调取考勤记录' }, { version: current.version });
    }
    await system.app.runtime.projections.waitUntilCaughtUp();
    // Reading a case is logged: the access log has an entry per view, by whom.
    await jinshuiSupervisor.get(`/api/complaints/${complaints.first}`);
    await jinshui.get(`/api/complaints/${complaints.second}`);
  }, 180_000);

  afterAll(() => system?.stop());

  it('narrows 帮扶待办 by a head\'s name or ID number and exports the rows it shows, numbers not ids', async () => {
    const all = await list(jinshui, '/api/hardship-files/due?days=366');
    expect(new Set(all.map((i) => i.title)).size).toBeGreaterThanOrEqual(2);
    const byName = await list(jinshui, `/api/hardship-files/due?days=366&q=${encodeURIComponent('孟某')}`);
    const byId = await list(jinshui, `/api/hardship-files/due?days=366&q=${HEAD_ID}`);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.length).toBeLessThan(all.length);
    expect(byId.map((i) => i.fileId)).toEqual(byName.map((i) => i.fileId));
    const { header, rows } = await exported(jinshui, `/api/hardship-files/due/export.xlsx?days=366&q=${encodeURIComponent('孟某')}`);
    expect(header).toEqual(['到期时间', '是否超期', '事项', '档案编号', '档案', '建档单位']);
    expect(rows.map((r) => [r['档案编号'], r['档案']])).toEqual(byName.map((i) => [i.caseNumber, i.title]));
    expect(rows.every((r) => typeof r['档案编号'] === 'string' && !/^[0-9a-f]{8}-/.test(r['档案编号'] as string))).toBe(true);
    // 二七区 sees its own file, never 金水区's: in the list and in the export.
    const erqiRows = (await exported(erqi, '/api/hardship-files/due/export.xlsx?days=366')).rows;
    expect(erqiRows.map((r) => r['档案编号'])).toEqual((await list(erqi, '/api/hardship-files/due?days=366')).map((i) => i.caseNumber));
    expect(erqiRows.length).toBeGreaterThan(0);
    expect(erqiRows.every((r) => r['建档单位'] !== '金水区总工会' && !all.some((i) => i.caseNumber === r['档案编号']))).toBe(true);
  });

  it('narrows 时效预警 by respondent or case number and exports the same rows', async () => {
    const all = await list(jinshui, '/api/wage-cases/limitation-watch');
    const byRespondent = await list(jinshui, `/api/wage-cases/limitation-watch?q=${encodeURIComponent('甲装修')}`);
    expect(all.length).toBe(2);
    expect(byRespondent).toHaveLength(1);
    const number = byRespondent[0].caseNumber as string;
    expect(number).toMatch(/^QX-/);
    expect((await list(jinshui, `/api/wage-cases/limitation-watch?q=${number}`)).map((i) => i.caseId)).toEqual([byRespondent[0].caseId]);
    const { header, rows } = await exported(jinshui, `/api/wage-cases/limitation-watch/export.xlsx?q=${encodeURIComponent('甲装修')}`);
    expect(header).toEqual(['案件编号', '案件', '承办单位', '申请人', '时效届满日', '剩余天数', '状态']);
    expect(rows).toEqual([expect.objectContaining({ 案件编号: number, 申请人: '第 1 名申请人', 剩余天数: 10, 状态: '即将届满' })]);
    const erqiRows = (await exported(erqi, '/api/wage-cases/limitation-watch/export.xlsx')).rows;
    expect(erqiRows).toHaveLength(1);
    expect(all.some((i) => i.caseNumber === erqiRows[0]['案件编号'])).toBe(false);
  });

  it('narrows 审批 by the employer or the requester and exports the same rows to the supervisor only', async () => {
    const all = await list(jinshuiSupervisor, '/api/approvals?status=pending');
    expect(all).toHaveLength(2);
    const byEmployer = await list(jinshuiSupervisor, `/api/approvals?status=pending&q=${encodeURIComponent('丁物业')}`);
    expect(byEmployer.map((i) => i.caseId)).toEqual([complaints.first]);
    expect(await list(jinshuiSupervisor, '/api/approvals?q=js.lists')).toHaveLength(2);
    expect(await list(jinshuiSupervisor, '/api/approvals?q=nobody.here')).toEqual([]);
    const { header, rows } = await exported(jinshuiSupervisor, `/api/approvals/export.xlsx?status=pending&q=${encodeURIComponent('丁物业')}`);
    expect(header).toEqual(['申请时间', '事项', '案件编号', '案件', '申请单位', '申请人', '金额（元）', '状态', '审批人', '审批时间', '审批意见']);
    expect(rows).toEqual([expect.objectContaining({ 事项: '延长办结时限', 案件编号: byEmployer[0].caseNumber, 申请人: 'js.lists', 状态: '待审批' })]);
    expect(byEmployer[0].caseNumber).toMatch(/^RX-/);
    expect((await exported(erqiSupervisor, '/api/approvals/export.xlsx')).rows).toEqual([]);
    expect((await jinshui.download('/api/approvals/export.xlsx')).status).toBe(403);
  });

  it('narrows 访问日志 by case number or user name and exports the same entries', async () => {
    const number = (await jinshui.get(`/api/complaints/${complaints.first}`)).body.caseNumber as string;
    const byCase = await list(jinshuiSupervisor, `/api/audit/access-log?q=${number}`);
    expect(byCase.length).toBeGreaterThan(0);
    expect(byCase.every((e) => e.caseId === complaints.first && e.caseNumber === number)).toBe(true);
    const all = await list(jinshuiSupervisor, '/api/audit/access-log');
    const byUser = await list(jinshuiSupervisor, '/api/audit/access-log?q=jss.lists');
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.length).toBeLessThan(all.length);
    expect(byUser.every((e) => e.username === 'jss.lists' && e.userName === 'jss.lists')).toBe(true);
    const { header, rows } = await exported(jinshuiSupervisor, '/api/audit/access-log/export.xlsx?q=jss.lists');
    expect(header).toEqual(['时间', '用户', '账号', '角色', '单位', '操作', '案件类型', '案件编号', '个人信息字段', '理由']);
    expect(rows.map((r) => [r['账号'], r['案件编号']])).toEqual(byUser.map((e) => [e.username, e.caseNumber]));
    expect(rows.map((r) => r['操作'])).toContain('查看案件');
    // 二七区's supervisor sees what was done by 二七区's users or to 二七区's cases, not 金水区's reading of its own.
    const erqiRows = (await exported(erqiSupervisor, '/api/audit/access-log/export.xlsx')).rows;
    expect(erqiRows.some((r) => r['账号'] === 'js.lists')).toBe(false);
    expect((await jinshui.download('/api/audit/access-log/export.xlsx')).status).toBe(403);
  });

  it('narrows 用户 by username, name or unit and exports the same users, an administrator seeing only their units', async () => {
    const jinshuiAdmin = await system.userClient({ username: 'jsa.lists', role: 'admin', orgUnitId: JINSHUI });
    const all = await list(system.admin, '/api/users');
    const found = await list(system.admin, `/api/users?q=${encodeURIComponent('LISTS')}`);
    expect(found.map((u) => u.username).sort()).toEqual(['eq.lists', 'eqs.lists', 'js.lists', 'jsa.lists', 'jss.lists']);
    expect(found.length).toBeLessThan(all.length);
    expect((await list(system.admin, `/api/users?q=${encodeURIComponent('二七区')}`)).map((u) => u.username).sort()).toEqual(['eq.lists', 'eqs.lists']);
    const { header, rows } = await exported(system.admin, `/api/users/export.xlsx?q=${encodeURIComponent('二七区')}`);
    expect(header).toEqual(['账号', '姓名', '角色', '单位', '状态', '创建时间']);
    expect(rows.map((r) => [r['账号'], r['角色']])).toEqual([['eq.lists', '个案工作者'], ['eqs.lists', '督导']]);
    const ownRows = (await exported(jinshuiAdmin, '/api/users/export.xlsx?q=lists')).rows;
    expect(ownRows.map((r) => r['账号']).sort()).toEqual(['js.lists', 'jsa.lists', 'jss.lists']);
    expect((await jinshui.download('/api/users/export.xlsx')).status).toBe(403);
  });

  it('narrows 系统通知 by unit or text and exports the same notices, each supervisor only their units\'', async () => {
    // Revealing personal data more than 30 times in 10 minutes stops the user and tells their unit's supervisors.
    const erqiComplaint = (await post(erqi, '/api/complaints', complaintFrom({ name: '钱师傅', phone: '13700000031' }, '己公司', ERQI))).id as string;
    const reveal = (client: ApiClient, id: string) => client.post(`/api/complaints/${id}/reveal`, { field: 'caller.phone', reason: '回访来电人' });
    for (const [client, id] of [[jinshui, complaints.second], [erqi, erqiComplaint]] as const) {
      let status = 200;
      for (let i = 0; i < 40 && status === 200; i++) status = (await reveal(client, id)).status;
      expect(status).toBe(429);
    }
    const city = await system.userClient({ username: 'city.lists', role: 'supervisor', orgUnitId: '410100' });
    const all = (await city.get('/api/notices')).body;
    expect(all.items).toHaveLength(2);
    const found = (await city.get(`/api/notices?q=${encodeURIComponent('二七区')}`)).body;
    expect(found.items.map((n: { unitId: string }) => n.unitId)).toEqual([ERQI]);
    expect(found.unread).toBe(2);
    expect((await city.get('/api/notices?q=js.lists')).body.items.map((n: { unitId: string }) => n.unitId)).toEqual([JINSHUI]);
    const { header, rows } = await exported(city, `/api/notices/export.xlsx?q=${encodeURIComponent('二七区')}`);
    expect(header).toEqual(['时间', '单位', '类型', '标题', '内容', '是否已读']);
    expect(rows).toEqual([expect.objectContaining({ 单位: '二七区总工会', 类型: '查看个人信息次数超限', 是否已读: '未读' })]);
    expect((await exported(jinshuiSupervisor, '/api/notices/export.xlsx')).rows.map((r) => r['单位'])).toEqual(['金水区总工会']);
    expect((await jinshui.download('/api/notices/export.xlsx')).status).toBe(403);
  });

  it('refuses a bad q on every list and its export with a 400 naming q', async () => {
    const lists = ['/api/hardship-files/due', '/api/wage-cases/limitation-watch', '/api/approvals', '/api/audit/access-log', '/api/users', '/api/notices'];
    for (const path of [...lists, ...lists.map((p) => `${p}/export.xlsx`)]) {
      for (const q of [encodeURIComponent('a\u0000b'), 'x'.repeat(65)]) {
        const response = await (path.startsWith('/api/users') ? system.admin : jinshuiSupervisor).get(`${path}?q=${q}`);
        expect([path, response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([path, 400, 'validation_failed', 'q']);
        expect(response.body.message).toMatch(/^(q|检索内容)[\u4e00-\u9fff]/);
      }
    }
  });

  it('publishes q and the exports in the OpenAPI document', async () => {
    const document = (await (await fetch(`${system.app.url}/api/docs-json`)).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    for (const path of ['/api/hardship-files/due', '/api/wage-cases/limitation-watch', '/api/approvals', '/api/audit/access-log', '/api/users', '/api/notices']) {
      expect([path, document.paths[path]?.get?.parameters?.map((p) => p.name)]).toEqual([path, expect.arrayContaining(['q'])]);
      expect([path, document.paths[`${path}/export.xlsx`]?.get?.parameters?.map((p) => p.name)]).toEqual([path, expect.arrayContaining(['q'])]);
    }
  });
});
