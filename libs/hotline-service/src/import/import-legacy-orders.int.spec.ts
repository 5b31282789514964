/**
 * 旧工单导入 on a real PostgreSQL, through the encrypting store: a workbook of legacy 12351 orders
 * becomes the ordinary complaint events dated at each step; a second run adds nothing; a sheet with a
 * bad cell imports nothing and names it by row and column; the imported years' figures, from the real
 * hotline-figures projection and query, are what the rows say.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import writeXlsxFile from 'write-excel-file/node';
import { createChineseDaysCalendar } from '#calendar';
import { CASE_NUMBERS_SCHEMA_SQL, CaseNumbers, PostgresCaseNumberCounter } from '#case-numbers';
import { upcasters } from '#event-schemas';
import { PostgresEventStore, type EventStore } from '#event-store';
import { createComplaintDecider, DEFAULT_HOTLINE_TIME_LIMITS, ORDER_HEADERS, complaintStream } from '#hotline';
import { IDENTITY_SCHEMA_SQL, OrgUnitEntity, OrgUnits } from '#identity';
import type { PersonalDataProtection } from '#personal-data';
import { applyBatch, ProjectionRunner } from '#projections';
import { hotlineFiguresProjection, queryHotlineStats } from '#read-models';
import { readWorkbook } from '#spreadsheet';
import { createTestDatabase, type TestDatabase } from '#testing';
import { connectPersonalData } from '#casework-personal-data';
import { readVisibleLog } from '../../../event-store/src/testing/wait-for-head.js';
import { importLegacyOrders, legacyComplaintId } from './import-legacy-orders.js';
import { orderUnitProblem } from './order-units.js';

const NOW = new Date('2026-05-01T02:00:00Z');
const decider = createComplaintDecider({ calendar: createChineseDaysCalendar(), timeLimits: DEFAULT_HOTLINE_TIME_LIMITS });

/** Rows by header; the steps a row leaves empty were not taken. */
const order = (cells: Record<string, string>) => ORDER_HEADERS.map((header) => cells[header] ?? '');
const base = { 来源渠道: '12351热线电话', 来电人姓名: '张某', 联系电话: '13800001111', 涉及人数: '2', 用人单位: '郑州某公司', 单位所在区县: '410105', 诉求类型: '求助投诉', 诉求内容: '诉求', 受理单位: '410100' };
const ROWS = [
  // A: signed, resolved in time, satisfied, closed.
  order({ ...base, 工单编号: 'RX-A', 受理时间: '2019-03-01 09:00', 问题类别: '劳动报酬', 问题子类: '拖欠工资', 身份证号: '410105198001010017', 交办单位: '410105', 交办时间: '2019-03-01 10:00', 签收时间: '2019-03-01 15:00',
    首次联系时间: '2019-03-04 09:00', 办结时间: '2019-03-08 17:00', 办结结果: '诉求已解决', 回访时间: '2019-03-11 10:00', 回访是否接通: '是', 满意度: '满意', 结案时间: '2019-03-11 11:00' }),
  // B: signed three days late, resolved late, dissatisfied, closed over it.
  order({ ...base, 工单编号: 'RX-B', 受理时间: '2019-06-10 09:00', 问题类别: '劳动合同', 交办单位: '410103', 交办时间: '2019-06-10 10:00', 签收时间: '2019-06-13 09:00',
    首次联系时间: '2019-06-13 10:00', 办结时间: '2019-07-15 10:00', 办结结果: '已解释说明', 回访时间: '2019-07-16 10:00', 回访是否接通: '是', 满意度: '不满意', 结案时间: '2019-07-17 10:00' }),
  // C: a station handles it in time, basically satisfied, not closed yet.
  order({ ...base, 工单编号: 'RX-C', 受理时间: '2019-11-05 09:00', 问题类别: 'pay', 交办单位: '410105001', 交办时间: '2019-11-05 10:00', 签收时间: '2019-11-05 14:00',
    首次联系时间: '2019-11-06 09:00', 办结时间: '2019-11-12 09:00', 办结结果: 'solved', 回访时间: '2019-11-13 09:00', 回访是否接通: '是', 满意度: '基本满意' }),
  // E: 23:30 on New Year's Eve in Beijing (still 2019 there), assigned in 2020, not signed for.
  order({ ...base, 工单编号: 'RX-E', 受理时间: '2019-12-31 23:30', 问题类别: '政策咨询', 诉求类型: '咨询', 交办单位: '410103', 交办时间: '2020-01-02 09:00' }),
  // D: 2020, anonymous without a phone, received only.
  order({ ...base, 工单编号: 'RX-D', 来电人姓名: '', 联系电话: '', 受理时间: '2020-01-08 09:00', 问题类别: '社会保险', 紧急程度: '紧急' }),
];

const workbook = async (rows: string[][]) => readWorkbook(Buffer.from(await writeXlsxFile([ORDER_HEADERS, ...rows].map((row) => row.map((value) => ({ value })))).toBuffer()));

describe('importing legacy 12351 work orders', () => {
  let db: TestDatabase;
  let raw: PostgresEventStore;
  let personalData: PersonalDataProtection;
  let store: EventStore;
  let dataSource: DataSource;
  let orgUnits: OrgUnits;

  beforeAll(async () => {
    db = await createTestDatabase();
    raw = await PostgresEventStore.connect({ connectionString: db.url });
    personalData = await connectPersonalData({ databaseUrl: db.url, dataDir: mkdtempSync(join(tmpdir(), 'hotline-import-')), role: 'app', env: {} });
    store = personalData.protect(raw, { upcasters });
    dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: [OrgUnitEntity] }).initialize();
    await dataSource.query(IDENTITY_SCHEMA_SQL + CASE_NUMBERS_SCHEMA_SQL);
    orgUnits = new OrgUnits(dataSource);
    await orgUnits.seedAndLoad();
  });

  afterAll(async () => {
    await store?.close();
    await personalData?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  const options = (batch: string) => ({
    batch, now: NOW, unitProblem: orderUnitProblem(orgUnits), caseNumbers: new CaseNumbers(new PostgresCaseNumberCounter(dataSource)),
    existingStreams: async (ids: readonly string[]) => new Set((await raw.pool.query<{ stream_id: string }>('SELECT stream_id FROM event_store.streams WHERE stream_id = ANY($1)', [ids])).rows.map((r) => r.stream_id)),
  });
  const eventCount = async () => Number((await raw.pool.query('SELECT count(*) AS n FROM event_store.events')).rows[0].n);

  it('writes each order as the ordinary complaint events dated at its steps, the caller encrypted, once however often it is run', async () => {
    const first = await importLegacyOrders(store, decider, await workbook(ROWS), { ...options('orders-2019.xlsx'), ordersPerCommit: 2 });
    expect(first).toEqual({ imported: 5, alreadyThere: 0, events: 28, problems: [] });
    const a = await store.readStream(complaintStream(legacyComplaintId('RX-A')));
    expect(a.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['ComplaintReceived', '2019-03-01T01:00:00.000Z'], ['ComplaintClassified', '2019-03-01T01:00:00.000Z'], ['ComplaintAssigned', '2019-03-01T02:00:00.000Z'],
      ['ComplaintSignedFor', '2019-03-01T07:00:00.000Z'], ['CallerContacted', '2019-03-04T01:00:00.000Z'], ['ComplaintResolved', '2019-03-08T09:00:00.000Z'],
      ['FollowUpRecorded', '2019-03-11T02:00:00.000Z'], ['ComplaintClosed', '2019-03-11T03:00:00.000Z'],
    ]);
    // Each order is numbered in the series of the year it was received (Beijing time: RX-E, 23:30 on 31 December, is 2019's), oldest first.
    const numberOf = async (order: string) => ((await store.readStream(complaintStream(legacyComplaintId(order))))[0].data as { caseNumber: string }).caseNumber;
    expect(await Promise.all(['RX-A', 'RX-B', 'RX-C', 'RX-E', 'RX-D'].map(numberOf))).toEqual(['RX-2019-000001', 'RX-2019-000002', 'RX-2019-000003', 'RX-2019-000004', 'RX-2020-000001']);
    expect(a[0].data).toMatchObject({ externalReference: 'RX-A', caller: { name: '张某', phone: '13800001111', idNumber: '410105198001010017' }, imported: { batch: 'orders-2019.xlsx', row: 2 } });
    expect(a[0].metadata).toMatchObject({ actor: { userId: 'system:legacy-import', orgUnitId: '410100' }, reason: '自旧 12351 系统导入（orders-2019.xlsx 第 2 行）' });
    const stored = JSON.stringify((await raw.readStream(complaintStream(legacyComplaintId('RX-A'))))[0].data);
    expect(stored).not.toContain('张某');
    expect(stored).not.toContain('13800001111');
    expect(stored).not.toContain('410105198001010017');

    const before = await eventCount();
    const again = await importLegacyOrders(store, decider, await workbook(ROWS), options('orders-2019-again.xlsx'));
    expect(again).toEqual({ imported: 0, alreadyThere: 5, events: 0, problems: [] });
    expect(await eventCount()).toBe(before);
  });

  it('imports nothing from a sheet with a bad cell, and names it by row and column in Chinese', async () => {
    const before = await eventCount();
    const bad = [
      order({ ...base, 工单编号: 'RX-F', 受理时间: '2021-05-01 09:00', 问题类别: '劳动报酬' }),
      order({ ...base, 工单编号: 'RX-G', 受理时间: '2021-05-02 09:00', 问题类别: '劳动报酬', 交办单位: 'MR-410105', 交办时间: '2021-05-01 09:00', 签收时间: '2030-01-01 09:00' }),
    ];
    const report = await importLegacyOrders(store, decider, await workbook(bad), options('bad.xlsx'));
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => [p.field, p.rule, p.message])).toEqual([
      ['rows.3.assignedUnit', 'unit', '第 3 行「交办单位」：调解室不承办热线工单：请填写工会或服务站的单位代码'],
      ['rows.3.signedForAt', 'future_date', '第 3 行「签收时间」：不能晚于当前时间'],
      ['rows.3.assignedAt', 'date_order', '第 3 行「交办时间」：不能早于受理时间（2021-05-02 09:00）'],
    ]);
    expect(await eventCount()).toBe(before);
    expect(await raw.readStream(complaintStream(legacyComplaintId('RX-F')))).toEqual([]);
  });

  it('gives the imported years the figures the rows say', async () => {
    const projection = hotlineFiguresProjection(store);
    await ProjectionRunner.ensureSchemas(dataSource, [projection]);
    await applyBatch(dataSource, projection, await readVisibleLog(store, {}));
    const year = (from: string, to: string, unitIds?: string[]) => queryHotlineStats(dataSource, { from, to, asOf: new Date(), unitName: (id) => id, ...(unitIds ? { unitIds } : {}) });

    const y2019 = await year('2019-01-01', '2019-12-31');
    expect(y2019.received.total).toBe(4);
    expect(y2019.received.byCategory.map((b) => [b.code, b.count])).toEqual([['pay', 2], ['labour_contract', 1], ['policy_questions', 1]]);
    expect(y2019.received.byChannel.map((b) => [b.code, b.count])).toEqual([['phone', 4]]);
    // Each order counts for the unit responsible for it at the period's end: RX-E was still the centre's on 31 December 2019.
    expect(y2019.received.byUnit.map((b) => [b.code, b.count])).toEqual([['410100', 1], ['410103', 1], ['410105', 1], ['410105001', 1]]);
    expect(y2019.signFor).toEqual({ signedFor: 3, onTime: 2, rate: 2 / 3 });
    expect(y2019.firstContact).toEqual({ contacts: 3, onTime: 3, rate: 1 });
    expect(y2019.resolution).toEqual({ resolved: 3, onTime: 2, rate: 2 / 3 });
    expect(y2019.followUp).toEqual({ followUps: 3, onTime: 3, rate: 1 });
    expect(y2019.satisfaction).toEqual({ reached: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, rate: 2 / 3 });

    expect((await year('2019-01-01', '2019-12-31', orgUnits.subtree('410105'))).received.total).toBe(2);
    const y2020 = await year('2020-01-01', '2020-12-31');
    expect(y2020.received.total).toBe(1);
    expect(y2020.received.byCategory.map((b) => b.code)).toEqual(['social_insurance']);
  });
});
