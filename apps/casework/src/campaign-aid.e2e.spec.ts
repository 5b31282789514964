/**
 * 批量发放 over HTTP (issue 18, point 9): 送温暖 for many hardship files in one step — the files listed
 * or chosen by a filter — all or none, with a report row by row; each file gets one `AidDelivered` in
 * its own stream, written in one commit; the aid figures count the campaign's deliveries as they count
 * single ones.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const HEADER = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';
const REGISTRY = [
  'SW-1,甲某,,,某纺织厂,是,410105,410105001,3,1500,因病,深度困难,2018-04-01,在档,,',
  'SW-2,乙某,,,某纺织厂,是,410105,410105001,2,900,失业,相对困难,2019-05-01,在档,,',
  'SW-3,丙某,,,某机械厂,否,410105,410105,4,1200,因学,深度困难,2018-06-01,在档,,',
  'SW-4,丁某,,,某机械厂,是,410105,410105001,2,900,失业,相对困难,2018-05-01,已脱困,2020-06-30,',
];
const festival = { type: 'festival', deliveredOn: '2019-01-25', amount: 50_000, fundingSource: '送温暖专项资金' };

describe('aid campaigns (批量发放) over HTTP', () => {
  let system: TestCasework;
  let station: ApiClient;
  let supervisor: ApiClient;
  let erqi: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    system = await startTestCasework();
    supervisor = await system.userClient({ username: 'he.campaign', role: 'supervisor', orgUnitId: '410105' });
    station = await system.userClient({ username: 'xu.campaign', role: 'caseworker', orgUnitId: '410105' });
    erqi = await system.userClient({ username: 'lv.campaign', role: 'caseworker', orgUnitId: '410103' });
    const imported = await supervisor.post('/api/hardship-files/import', { format: 'csv', content: [HEADER, ...REGISTRY].join('\n') });
    expect(imported.body).toMatchObject({ imported: 4 });
    await system.app.runtime.projections.waitUntilCaughtUp();
    for (const item of (await supervisor.get('/api/cases?kind=hardship_file&pageSize=50')).body.items) {
      const file = (await supervisor.get(`/api/hardship-files/${item.id}`)).body;
      ids[file.head.name] = item.id;
    }
  }, 90_000);

  afterAll(() => system?.stop());

  const aidOf = async (name: string) => (await supervisor.get(`/api/hardship-files/${ids[name]}`)).body.aid as { type: string; amount: number; campaignId?: string }[];

  it('writes nothing when any file is refused, and says for each row why (ended, before its registration, not found)', async () => {
    const fileIds = [ids['甲某'], ids['乙某'], ids['丁某'], 'no-such-file'];
    const refused = await station.post('/api/hardship/campaigns', { ...festival, fileIds });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'fileIds.1.deliveredOn', rule: 'date_order', message: expect.stringMatching(/^第 2 行：发放日期不能早于建档日期/) }),
      expect.objectContaining({ field: 'fileIds.2', rule: 'file_not_active', message: expect.stringMatching(/^第 3 行：只有在档的家庭可以登记帮扶/) }),
      expect.objectContaining({ field: 'fileIds.3', rule: 'hardship_file_not_found', message: '第 4 行：困难职工档案不存在或无权查看' }),
    ]);
    expect(await aidOf('甲某')).toEqual([]);

    const check = (await station.post('/api/hardship/campaigns/check', { ...festival, fileIds })).body;
    expect(check).toMatchObject({ ok: false, files: 4, refused: 3 });
    expect(check.rows.map((r: { row: number; ok: boolean; headName: string | null }) => [r.row, r.ok, r.headName])).toEqual([[1, true, '甲某'], [2, false, '乙某'], [3, false, '丁某'], [4, false, null]]);

    // Files of another district are "not found" to its caseworker, row by row, as on their pages.
    const outside = await erqi.post('/api/hardship/campaigns/check', { ...festival, fileIds: [ids['甲某']] });
    expect(outside.body.rows[0]).toMatchObject({ ok: false, headName: null, problems: [expect.objectContaining({ rule: 'hardship_file_not_found' })] });
    const duplicate = await station.post('/api/hardship/campaigns', { ...festival, fileIds: [ids['甲某'], ids['甲某']] });
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'fileIds.1', rule: 'duplicate', message: '第 2 行：与第 1 行是同一户档案' })]);
  });

  it('records one delivery in every listed file in one step, once per Idempotency-Key, counted in the aid figures like single aid', async () => {
    const fileIds = [ids['甲某'], ids['丙某']];
    const key = 'campaign-spring-2019';
    const first = await station.post('/api/hardship/campaigns', { ...festival, fileIds }, { key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ delivered: 2, rows: [expect.objectContaining({ row: 1, fileId: ids['甲某'], ok: true }), expect.objectContaining({ row: 2, ok: true })] });
    const retry = await station.post('/api/hardship/campaigns', { ...festival, fileIds }, { key });
    expect(retry.body).toEqual(first.body);
    for (const name of ['甲某', '丙某']) expect(await aidOf(name)).toEqual([expect.objectContaining({ type: 'festival', amount: 50_000, campaignId: first.body.campaignId })]);
    const delivered = (await station.get(`/api/hardship-files/${ids['甲某']}/history`)).body.filter((e: { type: string }) => e.type === 'AidDelivered');
    const other = (await station.get(`/api/hardship-files/${ids['丙某']}/history`)).body.filter((e: { type: string }) => e.type === 'AidDelivered');
    expect(delivered).toHaveLength(1);
    // One command, one commit: both events carry the campaign's command id and the same transaction of the log.
    expect(delivered[0].commandId).toEqual(other[0].commandId);
    const [a, b] = await Promise.all(['甲某', '丙某'].map(async (name) => (await system.app.runtime.store.readStream(`hardship-file-${ids[name]}`)).find((e) => e.type === 'AidDelivered')!.position));
    expect(a.commit).toEqual(b.commit);

    // A single delivery to 乙某 (registered in May) beside the campaign: the figures count both kinds alike.
    expect((await station.post(`/api/hardship-files/${ids['乙某']}/aid`, { ...festival, deliveredOn: '2019-06-01' })).status).toBe(201);
    await system.app.runtime.projections.waitUntilCaughtUp();
    const figures = (await supervisor.get('/api/stats/hardship?from=2019-01-01&to=2019-12-31&unit=410105')).body;
    expect(figures.aid).toEqual([expect.objectContaining({ type: 'festival', amount: 150_000, households: 3, deliveries: 3, personsReached: 3 })]);
    const station001 = (await supervisor.get('/api/stats/hardship?from=2019-01-01&to=2019-12-31&unit=410105001')).body;
    expect(station001.aid).toEqual([expect.objectContaining({ type: 'festival', amount: 100_000, households: 2 })]);
  });

  it('chooses the files by unit, status and level, and lets only those who record aid run a campaign', async () => {
    const chosen = (await station.get('/api/hardship/campaigns/files?unit=410105001&level=deep')).body;
    expect(chosen.files.map((f: { id: string }) => f.id)).toEqual([ids['甲某']]);
    expect((await station.get('/api/hardship/campaigns/files?status=lifted')).body.files.map((f: { id: string }) => f.id)).toEqual([ids['丁某']]);
    expect((await erqi.get('/api/hardship/campaigns/files?unit=410105')).status).toBe(400);

    const school = { type: 'school', deliveredOn: '2019-09-01', amount: 100_000, fundingSource: '金秋助学专项' };
    const byFilter = await station.post('/api/hardship/campaigns', { ...school, filter: { unitId: '410105', level: 'deep' } });
    expect(byFilter.status).toBe(201);
    expect(byFilter.body.rows.map((r: { fileId: string }) => r.fileId).sort()).toEqual([ids['甲某'], ids['丙某']].sort());

    expect((await station.post('/api/hardship/campaigns', { ...school })).body.errors).toEqual([expect.objectContaining({ field: 'fileIds', rule: 'one_of_fileIds_filter' })]);
    const mediator = await system.userClient({ username: 'ma.campaign', role: 'mediator', orgUnitId: 'MR-410105' });
    expect((await mediator.post('/api/hardship/campaigns', { ...school, fileIds: [ids['甲某']] })).status).toBe(403);
    expect((await system.admin.post('/api/hardship/campaigns', { ...school, fileIds: [ids['甲某']] })).status).toBe(403);
  });
});
