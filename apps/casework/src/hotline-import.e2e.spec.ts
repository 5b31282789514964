/**
 * 旧工单导入 over HTTP: a city supervisor uploads legacy 12351 orders as a workbook; they become
 * complaints with their own dates, counted in their years' figures; the same upload again adds
 * nothing; a bad sheet is a 400 naming each bad cell by row and column; a caseworker is refused, and
 * a district supervisor may not import the city centre's orders.
 */
import writeXlsxFile from 'write-excel-file/node';
import { ORDER_HEADERS } from '#hotline';
import { legacyComplaintId } from '#hotline-service';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const order = (cells: Record<string, string>) => ORDER_HEADERS.map((header) => cells[header] ?? '');
const base = { 来源渠道: '12351热线电话', 来电人姓名: '王某', 联系电话: '13900002222', 涉及人数: '1', 用人单位: '郑州某商贸公司', 单位所在区县: '410105', 问题类别: '劳动报酬', 诉求类型: '求助投诉', 诉求内容: '欠薪', 受理单位: '410100' };
const handled = { 交办单位: '410105', 交办时间: '2018-05-14 10:00', 签收时间: '2018-05-14 11:00', 首次联系时间: '2018-05-14 14:00', 办结时间: '2018-05-18 10:00', 办结结果: '诉求已解决', 回访时间: '2018-05-21 10:00', 回访是否接通: '是', 满意度: '满意', 结案时间: '2018-05-21 11:00' };
const ROWS = [
  order({ ...base, ...handled, 工单编号: 'E2E-2018-1', 受理时间: '2018-05-14 09:00' }),
  order({ ...base, 工单编号: 'E2E-2018-2', 受理时间: '2018-06-01 09:00', 问题类别: '社会保险', 来电人姓名: '', 联系电话: '' }),
];
const xlsx = async (rows: string[][]) => ({ format: 'xlsx', content: Buffer.from(await writeXlsxFile([ORDER_HEADERS, ...rows].map((row) => row.map((value) => ({ value })))).toBuffer()).toString('base64') });

describe('importing legacy 12351 orders over HTTP', () => {
  let system: TestCasework;
  let city: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    city = await system.userClient({ username: 'li.city.supervisor', role: 'supervisor', orgUnitId: '410100' });
  }, 60_000);

  afterAll(() => system?.stop());

  it('lets a supervisor upload a workbook once, the orders counted in their own year', async () => {
    const sheet = await xlsx(ROWS);
    expect((await city.post('/api/complaints/import', sheet)).body).toEqual({ imported: 2, alreadyThere: 0, events: 10 });
    expect((await city.post('/api/complaints/import', sheet)).body).toEqual({ imported: 0, alreadyThere: 2, events: 0 });
    await system.app.runtime.projections.waitUntilCaughtUp();

    // The same caller within 30 days: the repeat-call detector flags imported receipts like live ones (after the import, by itself).
    const second = (await city.get(`/api/complaints/${legacyComplaintId('E2E-2018-2')}/history`)).body;
    expect(second.map((e: { type: string }) => e.type)).toEqual(['ComplaintReceived', 'ComplaintClassified', 'ComplaintFlaggedAsRepeat']);
    const complaint = (await city.get(`/api/complaints/${legacyComplaintId('E2E-2018-1')}`)).body;
    expect(complaint).toMatchObject({ status: 'closed', receivedAt: '2018-05-14T01:00:00.000Z' });
    const stats = (await city.get('/api/stats/hotline?from=2018-01-01&to=2018-12-31')).body;
    expect(stats.received.total).toBe(2);
    expect(stats.received.byCategory.map((b: { code: string; count: number }) => [b.code, b.count]).sort()).toEqual([['pay', 1], ['social_insurance', 1]]);
    expect(stats.signFor).toMatchObject({ signedFor: 1, onTime: 1 });
    expect(stats.resolution).toMatchObject({ resolved: 1, onTime: 1 });
    expect(stats.satisfaction).toMatchObject({ reached: 1, satisfied: 1 });
  });

  it('answers a bad sheet with 400 naming each bad cell by row and column, and imports nothing', async () => {
    const bad = await city.post('/api/complaints/import', await xlsx([
      order({ ...base, 工单编号: 'E2E-BAD-1', 受理时间: '2018-07-01 09:00' }),
      order({ ...base, 工单编号: 'E2E-BAD-2', 受理时间: '2018-07-32 09:00', 问题类别: '工资' }),
    ]));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'rows.3.receivedAt', rule: 'instant', message: '第 3 行「受理时间」：须为北京时间，如 2019-03-02 09:30，且在 1900 至 2100 年之间' },
      { field: 'rows.3.category', rule: 'one_of', message: expect.stringMatching(/^第 3 行「问题类别」：应为以下之一：劳动报酬、/) },
    ]);
    expect((await city.get(`/api/complaints/${legacyComplaintId('E2E-BAD-1')}`)).status).toBe(404);

    const noColumns = await city.post('/api/complaints/import', { format: 'csv', content: '工单编号,受理时间\nX,2018-01-01 09:00' });
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.errors[0]).toMatchObject({ field: 'content', rule: 'columns' });
    const notAWorkbook = await city.post('/api/complaints/import', { format: 'xlsx', content: Buffer.from('not a workbook').toString('base64') });
    expect(notAWorkbook.status).toBe(400);
  });

  it('refuses a caseworker, and a district supervisor the city centre’s orders', async () => {
    const caseworker = await system.userClient({ username: 'zhao.centre.cw', role: 'caseworker', orgUnitId: '410100' });
    const refused = await caseworker.post('/api/complaints/import', await xlsx(ROWS));
    expect(refused.status).toBe(403);
    const district = await system.userClient({ username: 'sun.jinshui.supervisor', role: 'supervisor', orgUnitId: '410105' });
    const outside = await district.post('/api/complaints/import', await xlsx([order({ ...base, 工单编号: 'E2E-2018-3', 受理时间: '2018-08-01 09:00' })]));
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'rows.2.receivingUnit', rule: 'unit', message: '第 2 行「受理单位」：须为本单位或下级单位' })]);
  });
});
