/**
 * 批量发放 by pasted file numbers over HTTP (issue 18, point 9): the files of a campaign given as the
 * numbers people read (`KN-410105-2018-0001`), as pasted from a column of Excel. Numbers are looked up
 * among the files of the user's units; a number that names none — no such file, or another district's —
 * reads "未找到或无权操作" on its row and, the campaign being all or none, nothing is written.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const HEADER = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';
const REGISTRY = [
  'PN-1,甲某,,,某纺织厂,是,410105,410105001,3,1500,因病,深度困难,2018-04-01,在档,,',
  'PN-2,丙某,,,某机械厂,否,410105,410105,4,1200,因学,深度困难,2018-06-01,在档,,',
  'PN-3,丁某,,,某机械厂,是,410105,410105001,2,900,失业,相对困难,2018-05-01,已脱困,2020-06-30,',
];
const festival = { type: 'festival', deliveredOn: '2019-01-25', amount: 50_000, fundingSource: '送温暖专项资金' };

describe('aid campaigns by pasted file numbers (批量发放，按档案编号) over HTTP', () => {
  let system: TestCasework;
  let station: ApiClient;
  let erqi: ApiClient;
  const numbers: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    system = await startTestCasework();
    const supervisor = await system.userClient({ username: 'he.paste', role: 'supervisor', orgUnitId: '410105' });
    station = await system.userClient({ username: 'xu.paste', role: 'caseworker', orgUnitId: '410105' });
    erqi = await system.userClient({ username: 'lv.paste', role: 'caseworker', orgUnitId: '410103' });
    expect((await supervisor.post('/api/hardship-files/import', { format: 'csv', content: [HEADER, ...REGISTRY].join('\n') })).body).toMatchObject({ imported: 3 });
    await system.app.runtime.projections.waitUntilCaughtUp();
    for (const item of (await supervisor.get('/api/cases?kind=hardship_file&pageSize=50')).body.items) {
      const file = (await supervisor.get(`/api/hardship-files/${item.id}`)).body;
      numbers[file.head.name] = item.caseNumber;
      ids[file.head.name] = item.id;
    }
    expect(numbers['甲某']).toMatch(/^KN-410105-2018-\d{4}$/);
  }, 90_000);

  afterAll(() => system?.stop());

  const aidOf = async (name: string) => (await station.get(`/api/hardship-files/${ids[name]}`)).body.aid as unknown[];

  it('stops the whole campaign on a number that names no file, naming its row, and writes nothing', async () => {
    const unknown = numbers['甲某'].replace(/\d{4}$/, '0999');
    const refused = await station.post('/api/hardship/campaigns', { ...festival, caseNumbers: [numbers['甲某'], unknown, numbers['丙某']] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'caseNumbers.1', rule: 'case_number_not_found', message: '第 2 行：档案编号未找到或无权操作' }]);
    expect(await aidOf('甲某')).toEqual([]);
    expect(await aidOf('丙某')).toEqual([]);

    // The check shows the files found (number, head, title, status) beside the rows that stop it.
    const check = (await station.post('/api/hardship/campaigns/check', { ...festival, caseNumbers: [numbers['甲某'], unknown, numbers['丁某']] })).body;
    expect(check).toMatchObject({ ok: false, files: 3, refused: 2 });
    expect(check.rows.map((r: { row: number; caseNumber: string; ok: boolean; headName: string | null; status: string | null }) => [r.row, r.caseNumber, r.ok, r.headName, r.status])).toEqual([
      [1, numbers['甲某'], true, '甲某', 'active'],
      [2, unknown, false, null, null],
      [3, numbers['丁某'], false, '丁某', 'lifted'],
    ]);
    expect(check.rows[2].problems).toEqual([expect.objectContaining({ field: 'caseNumbers.2', rule: 'file_not_active', message: expect.stringMatching(/^第 3 行：只有在档的家庭可以登记帮扶/) })]);
    expect(check.rows[0].title).toEqual(expect.any(String));
  });

  it('reads another district\'s file number exactly like an unknown one, telling nothing of the file', async () => {
    const outside = await erqi.post('/api/hardship/campaigns', { ...festival, caseNumbers: [numbers['甲某']] });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([{ field: 'caseNumbers.0', rule: 'case_number_not_found', message: '第 1 行：档案编号未找到或无权操作' }]);
    const check = (await erqi.post('/api/hardship/campaigns/check', { ...festival, caseNumbers: [numbers['甲某']] })).body;
    expect(check.rows).toEqual([expect.objectContaining({ ok: false, fileId: null, headName: null, title: null, status: null })]);
    expect(JSON.stringify(check)).not.toContain(ids['甲某']);
    expect(await aidOf('甲某')).toEqual([]);
  });

  it('refuses a value that is not a file number by its position without echoing it', async () => {
    const idNumber = '410105198001011234';
    const bad = await station.post('/api/hardship/campaigns/check', { ...festival, caseNumbers: [numbers['甲某'], idNumber] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'caseNumbers.1', rule: 'case_number_format', message: '第 2 个档案编号格式不对，应如 KN-410105-2026-0012' }]);
    expect(JSON.stringify(bad.body)).not.toContain(idNumber);
    expect((await station.post('/api/hardship/campaigns', { ...festival, caseNumbers: [numbers['甲某']], fileIds: [ids['甲某']] })).body.errors)
      .toEqual([expect.objectContaining({ field: 'fileIds', rule: 'one_of_fileIds_filter' })]);
  });

  it('records the aid in every file the pasted numbers name, a number pasted twice or in lower case counting once', async () => {
    const pasted = [numbers['甲某'], numbers['丙某'].toLowerCase(), numbers['甲某']];
    const delivered = await station.post('/api/hardship/campaigns', { ...festival, caseNumbers: pasted }, { key: 'paste-spring-2019' });
    expect(delivered.status).toBe(201);
    expect(delivered.body).toMatchObject({
      delivered: 2,
      rows: [
        expect.objectContaining({ row: 1, caseNumber: numbers['甲某'], fileId: ids['甲某'], ok: true }),
        expect.objectContaining({ row: 2, caseNumber: numbers['丙某'], fileId: ids['丙某'], ok: true }),
      ],
    });
    for (const name of ['甲某', '丙某']) expect(await aidOf(name)).toEqual([expect.objectContaining({ type: 'festival', amount: 50_000, campaignId: delivered.body.campaignId })]);
    const retry = await station.post('/api/hardship/campaigns', { ...festival, caseNumbers: pasted }, { key: 'paste-spring-2019' });
    expect(retry.body).toEqual(delivered.body);
    expect(await aidOf('甲某')).toHaveLength(1);
  });
});
