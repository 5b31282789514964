/**
 * Reports out (issue 18, point 6): the case list with its filters, each figure page as a report
 * workbook, the hardship registry and its aid records — each downloaded through the API, read back
 * with the spreadsheet reader and compared with the JSON the same query answers; scoped as the lists
 * are; a bad query refused naming its field.
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
const JINSHUI_FILES = [
  `EX-1,孟某,${HEAD_ID},,某纺织厂,是,410105,410105,3,1500,因病,深度困难,2018-04-01,在档,,`,
  'EX-2,宋某,,,某机械厂,否,410105,410105,2,900,失业,相对困难,2019-05-01,已脱困,2021-06-30,',
];
const ERQI_FILES = ['EX-3,蒋某,,,某电厂,是,410103,410103,1,800,其他,相对困难,2019-05-01,在档,,'];

describe('exports to Excel', () => {
  let system: TestCasework;
  let city: ApiClient;
  let jinshui: ApiClient;
  let erqi: ApiClient;
  let jinshuiSupervisor: ApiClient;
  const heading = headingRowCount({ title: '', lines: ['', ''] });

  async function post(client: ApiClient, path: string, body: unknown) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** The workbook at `path`, every sheet as rows; fails unless it is an .xlsx. */
  async function workbook(client: ApiClient, path: string) {
    const file = await client.download(path);
    if (file.status !== 200) throw new Error(`${path}: ${file.status} ${file.bytes.toString()}`);
    expect(file.contentType).toBe(XLSX);
    return readWorkbookSheets(file.bytes);
  }

  /** A sheet's table: the rows under its header (heading rows and the header left out), header cells as keys. */
  function table(sheets: { sheet: string; rows: Cell[][] }[], name: string, headingRows = heading): Record<string, Cell>[] {
    const sheet = sheets.find((s) => s.sheet === name);
    if (!sheet) throw new Error(`no sheet ${name} in ${sheets.map((s) => s.sheet).join(', ')}`);
    const header = sheet.rows[headingRows] as string[];
    return sheet.rows.slice(headingRows + 1).filter((row) => row.length > 1 && row.slice(1).some((cell) => cell !== null)).map((row) => Object.fromEntries(header.map((key, i) => [key, row[i] ?? null])));
  }

  beforeAll(async () => {
    system = await startTestCasework();
    city = await system.userClient({ username: 'city.exports', role: 'supervisor', orgUnitId: '410100' });
    jinshui = await system.userClient({ username: 'js.exports', role: 'caseworker', orgUnitId: JINSHUI });
    erqi = await system.userClient({ username: 'eq.exports', role: 'caseworker', orgUnitId: ERQI });
    jinshuiSupervisor = await system.userClient({ username: 'jss.exports', role: 'supervisor', orgUnitId: JINSHUI });
    await post(jinshui, '/api/complaints', complaintFrom({ name: '李秀英', phone: '13987654321' }, '郑州甲建筑工程有限公司', JINSHUI));
    await post(jinshui, '/api/complaints', complaintFrom({ name: '张三', phone: '13700000001' }, '乙物业公司', JINSHUI));
    await post(erqi, '/api/complaints', complaintFrom({ name: '王五', phone: '13700000002' }, '丙餐饮公司', ERQI));
    await post(jinshui, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '装修工人工资' });
    await post(jinshuiSupervisor, '/api/hardship-files/import', { format: 'csv', content: [HEADER, ...JINSHUI_FILES].join('\n') });
    await post(city, '/api/hardship-files/import', { format: 'csv', content: [HEADER, ...ERQI_FILES].join('\n') });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const files = (await jinshui.get('/api/cases?kind=hardship_file&pageSize=50')).body.items as { id: string; status: string }[];
    const active = files.find((f) => f.status === 'active')!;
    await post(jinshui, `/api/hardship-files/${active.id}/aid`, { type: 'festival', deliveredOn: '2019-01-25', amount: 50_050, fundingSource: '送温暖专项资金' });
    await post(jinshui, `/api/hardship-files/${active.id}/aid`, { type: 'school', deliveredOn: '2020-09-01', amount: 200_000, fundingSource: '金秋助学专项' });
    await system.app.runtime.projections.waitUntilCaughtUp();
  }, 120_000);

  afterAll(() => system?.stop());

  it('exports the case list with the same rows as GET /api/cases under the same filter, in readable Chinese columns', async () => {
    for (const filter of ['', 'kind=complaint', 'q=乙物业', 'kind=hardship_file&status=active']) {
      const listed = (await city.get(`/api/cases?${filter}&pageSize=200`)).body.items as { caseNumber: string; title: string; unitName: string }[];
      const rows = table(await workbook(city, `/api/cases/export.xlsx?${filter}`), '案件清单');
      expect(rows.map((r) => r['编号'])).toEqual(listed.map((item) => item.caseNumber));
      expect(rows.map((r) => r['标题'])).toEqual(listed.map((item) => item.title));
      expect(rows.map((r) => r['单位'])).toEqual(listed.map((item) => item.unitName));
    }
    const complaints = table(await workbook(city, '/api/cases/export.xlsx?kind=complaint'), '案件清单');
    expect(complaints).toHaveLength(3);
    expect(complaints[0]).toMatchObject({ 类型: '热线工单', 状态: '已分类', 是否超期: '否' });
    expect(complaints[0]['受理/立案时间']).toMatch(/^2026-11-25 \d{2}:\d{2}$/);
    const hardship = table(await workbook(city, '/api/cases/export.xlsx?kind=hardship_file&status=active'), '案件清单');
    expect(hardship.map((r) => r['紧急程度']).sort()).toEqual(['深度困难', '相对困难']);
  });

  it('gives a user of another district only their own rows, and refuses a unit outside their own', async () => {
    const rows = table(await workbook(erqi, '/api/cases/export.xlsx'), '案件清单');
    const listed = (await erqi.get('/api/cases?pageSize=200')).body.items as { caseNumber: string }[];
    expect(rows.map((r) => r['编号'])).toEqual(listed.map((item) => item.caseNumber));
    expect(new Set(rows.map((r) => r['单位']))).toEqual(new Set(['二七区总工会']));
    expect(rows.some((r) => String(r['标题']).includes('乙物业'))).toBe(false);
    expect((await erqi.download(`/api/cases/export.xlsx?unit=${JINSHUI}`)).status).toBe(403);
    const registry = table(await workbook(erqi, '/api/hardship/registry.xlsx'), '档案台账');
    expect(registry.map((r) => r['户主姓名'])).toEqual(['蒋某']);
  });

  it('answers a bad query with 400 naming the field, never a file', async () => {
    const refusals: [string, string][] = [
      ['/api/cases/export.xlsx?kind=letters', '案件类型'],
      ['/api/cases/export.xlsx?overdue=maybe', '是否超期'],
      ['/api/cases/export.xlsx?page=2', 'page'],
      ['/api/stats/hotline/export.xlsx?from=2026-13-40', '起始日期'],
      ['/api/stats/hotline/export.xlsx?from=2026-11-30&to=2026-11-01', '起始日期'],
      ['/api/stats/parking/export.xlsx', '统计类型'],
      ['/api/hardship/registry.xlsx?status=happy', '档案状态'],
      ['/api/hardship/aid.xlsx?from=2020-01-01&to=2019-01-01', '起始日期'],
    ];
    for (const [path, field] of refusals) {
      const answer = await city.get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
  });

  it('exports the hotline figures with the totals GET /api/stats/hotline answers, by category, channel and unit', async () => {
    const query = 'from=2026-11-01&to=2026-11-30';
    const json = (await city.get(`/api/stats/hotline?${query}`)).body;
    const sheets = await workbook(city, `/api/stats/hotline/export.xlsx?${query}`);
    expect(sheets.map((s) => s.sheet)).toEqual(['概要', '按诉求类别', '按来电渠道', '按单位']);
    const title = sheets[0].rows;
    expect(title[0][0]).toBe('热线工单统计');
    expect(title[1][0]).toBe('统计期间：2026-11-01 至 2026-11-30');
    expect(title[2][0]).toBe('统计单位：郑州市总工会（含下级单位）');
    expect(String(title[3][0])).toMatch(/^数据截至：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const summary = Object.fromEntries(table(sheets, '概要', 4).map((r) => [r['指标'], r['数值']]));
    expect(json.received.total).toBe(3);
    expect(summary['受理量（件）']).toBe(json.received.total);
    const byUnit = table(sheets, '按单位', 4);
    expect(byUnit.map((r) => [r['单位'], r['受理量（件）']])).toEqual(json.received.byUnit.map((b: { label: string; count: number }) => [b.label, b.count]));
    expect(table(sheets, '按诉求类别', 4).reduce((sum, r) => sum + Number(r['受理量（件）']), 0)).toBe(json.received.total);
  });

  it('exports the wage, hardship and mediation figures as their pages show them, amounts in yuan', async () => {
    const query = 'from=2018-01-01&to=2026-11-30';
    const wage = (await city.get(`/api/stats/wage?${query}`)).body;
    const wageSummary = Object.fromEntries(table(await workbook(city, `/api/stats/wage/export.xlsx?${query}`), '概要', 4).map((r) => [r['指标'], r['数值']]));
    expect(wageSummary['新立案件（件）']).toBe(wage.casesOpened);
    expect(wage.casesOpened).toBe(1);

    const hardship = (await city.get(`/api/stats/hardship?${query}`)).body;
    const sheets = await workbook(city, `/api/stats/hardship/export.xlsx?${query}`);
    expect(sheets.map((s) => s.sheet)).toEqual(['概要', '按困难等级', '按致困原因', '按建档单位', '按年度', '帮扶·按类型', '走访·按方式']);
    const summary = Object.fromEntries(table(sheets, '概要', 4).map((r) => [r['指标'], r['数值']]));
    expect(summary['本期建档（户）']).toBe(hardship.registered.inPeriod);
    expect(summary['期末在档（户）']).toBe(hardship.activeAtEnd);
    const aid = table(sheets, '帮扶·按类型', 4);
    expect(aid.map((r) => [r['帮扶类型'], r['帮扶金额（元）']]).sort()).toEqual(
      hardship.aid.map((a: { type: string; amount: number }) => [{ festival: '送温暖', school: '金秋助学' }[a.type], a.amount / 100]).sort(),
    );
    expect(aid.find((r) => r['帮扶类型'] === '送温暖')?.['帮扶金额（元）']).toBe(500.5);

    const mediation = (await city.get(`/api/stats/mediation?${query}`)).body;
    const total = table(await workbook(city, `/api/stats/mediation/export.xlsx?${query}`), '合计', 4)[0];
    expect(total).toMatchObject({ 范围: '合计', '转入案件（件）': mediation.referrals, '协议金额（元）': mediation.amountAgreed / 100 });
  });

  it('exports the hardship registry with heads by name, ID numbers masked, and the aid records of a period in yuan', async () => {
    const registry = table(await workbook(jinshui, '/api/hardship/registry.xlsx'), '档案台账');
    expect(registry.map((r) => r['户主姓名']).sort()).toEqual(['孟某', '宋某']);
    const meng = registry.find((r) => r['户主姓名'] === '孟某')!;
    expect(meng).toMatchObject({ 身份证号码: `${HEAD_ID.slice(0, 6)}********${HEAD_ID.slice(-4)}`, 困难等级: '深度困难', 档案状态: '在档', 建档日期: '2018-04-01', 区县: '金水区总工会' });
    expect(String(meng['档案编号'])).toMatch(/^KN-410105-2018-\d{4}$/);
    expect(JSON.stringify(registry)).not.toContain(HEAD_ID);
    expect(table(await workbook(jinshui, '/api/hardship/registry.xlsx?status=lifted'), '档案台账').map((r) => r['户主姓名'])).toEqual(['宋某']);

    const aid = table(await workbook(jinshui, '/api/hardship/aid.xlsx?from=2019-01-01&to=2020-12-31'), '帮扶发放记录');
    expect(aid).toEqual([
      expect.objectContaining({ 档案编号: meng['档案编号'], 发放日期: '2019-01-25', 帮扶类型: '送温暖', '金额（元）': 500.5, 资金来源: '送温暖专项资金' }),
      expect.objectContaining({ 档案编号: meng['档案编号'], 发放日期: '2020-09-01', 帮扶类型: '金秋助学', '金额（元）': 2000, 资金来源: '金秋助学专项' }),
    ]);
    expect(table(await workbook(jinshui, '/api/hardship/aid.xlsx?from=2020-01-01&to=2020-12-31'), '帮扶发放记录')).toHaveLength(1);
    expect(table(await workbook(erqi, '/api/hardship/aid.xlsx?from=2019-01-01&to=2020-12-31'), '帮扶发放记录')).toHaveLength(0);
  });
});
