import { createChineseDaysCalendar } from '#calendar';
import { createComplaintDecider } from '../complaint.decide.js';
import { deadlineAfter, DEFAULT_HOTLINE_TIME_LIMITS } from '../time-limits.js';
import { legacyOrderEvents } from './legacy-order-events.js';
import { ORDER_HEADERS, OrderSheetHeaderError } from './order-columns.js';
import { readOrderSheet } from './read-order-sheet.js';
import type { SheetCell } from './order-cells.js';

const calendar = createChineseDaysCalendar();
const decider = createComplaintDecider({ calendar, timeLimits: DEFAULT_HOTLINE_TIME_LIMITS });
const NOW = new Date('2026-05-01T00:00:00Z');
const UNITS = new Set(['410100', '410105', '410103', '410105001']);
const context = { now: NOW, unitProblem: (id: string) => (id === 'MR-410105' ? '调解室不承办热线工单' : UNITS.has(id) ? null : '单位不存在') };

/** A complete order, every step taken: 2019-03-01 (a Friday) to its closing. */
const FULL: Record<string, SheetCell> = {
  工单编号: 'RX-2019-0001', 受理时间: '2019-03-01 09:00', 来源渠道: '12351热线电话', 来电人姓名: '张某', 联系电话: '13800001111', 身份证号: '',
  涉及人数: '3', 用人单位: '郑州某建筑公司', 单位所在区县: '410105', 问题类别: '劳动报酬', 问题子类: '拖欠工资', 诉求类型: '求助投诉', 紧急程度: '一般',
  诉求内容: '三个月工资未发', 受理单位: '410100', 交办单位: '410105', 交办时间: '2019/3/1 10:00', 签收时间: '2019-03-01 15:00', 首次联系时间: '2019-03-04 09:00',
  办结时间: '2019-03-08 17:00', 办结结果: '诉求已解决', 回访时间: '2019-03-11 10:00', 回访是否接通: '是', 满意度: '满意', 结案时间: '2019-03-11 11:00',
};
const sheet = (...rows: Record<string, SheetCell>[]): SheetCell[][] => [[...ORDER_HEADERS], ...rows.map((row) => ORDER_HEADERS.map((header) => row[header] ?? ''))];

describe('reading a legacy 12351 work-order sheet', () => {
  it('reads a complete order with its steps in Beijing time and its codes by label or by code', () => {
    const { orders, problems } = readOrderSheet(sheet(FULL, { ...FULL, 工单编号: 'RX-2', 来源渠道: 'wechat', 问题类别: 'pay', 来电人姓名: '', 身份证号: '', 办结结果: 'explained', 满意度: 'basically_satisfied' }), context);
    expect(problems).toEqual([]);
    expect(orders[0]).toMatchObject({
      row: 2, orderNumber: 'RX-2019-0001', receivedAt: new Date('2019-03-01T01:00:00Z'), channel: 'phone', caller: { anonymous: false, name: '张某', phone: '13800001111' },
      classification: { category: 'pay', subcategory: 'wage_arrears', type: 'request_for_action' }, receivingUnitId: '410100',
      assigned: { unitId: '410105', at: new Date('2019-03-01T02:00:00Z') }, resolved: { outcome: 'solved' }, followUp: { reached: true, satisfaction: 'satisfied' },
    });
    expect(orders[1]).toMatchObject({ row: 3, channel: 'wechat', caller: { anonymous: true, phone: '13800001111' }, resolved: { outcome: 'explained' }, followUp: { satisfaction: 'basically_satisfied' } });
  });

  it('takes an Excel date cell as Beijing wall-clock time', () => {
    const { orders } = readOrderSheet(sheet({ ...FULL, 受理时间: new Date('2019-03-01T09:00:00Z') }), context);
    expect(orders[0].receivedAt).toEqual(new Date('2019-03-01T01:00:00Z'));
  });

  it('names every bad cell by row and column, in Chinese, and reads no order from a bad row', () => {
    const { orders, problems } = readOrderSheet(sheet(
      FULL,
      { ...FULL, 工单编号: 'RX-B', 受理时间: '2019-02-30 09:00', 来源渠道: '电报', 身份证号: '410105198001010018', 涉及人数: '0', 单位所在区县: '4101', 问题类别: '工资', 受理单位: '999999', 交办单位: 'MR-410105' },
      { ...FULL, 工单编号: 'RX-C', 签收时间: '2019-03-01 09:30', 回访是否接通: '否', 结案时间: '2027-01-01 10:00' },
      { ...FULL, 交办单位: '', 交办时间: '', 办结结果: '', 诉求内容: '欠薪\u0000' },
    ), context);
    expect(orders.map((o) => o.row)).toEqual([2]);
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual([
      'rows.3.receivedAt:instant', 'rows.3.channel:one_of', 'rows.3.idNumber:id_number', 'rows.3.workersAffected:integer_range', 'rows.3.district:district_code',
      'rows.3.category:one_of', 'rows.3.receivingUnit:unit', 'rows.3.assignedUnit:unit',
      'rows.4.closedAt:future_date', 'rows.4.satisfaction:not_reached', 'rows.4.signedForAt:date_order',
      'rows.5.summary:control_character', 'rows.5.signedForAt:step_order', 'rows.5.outcome:required', 'rows.5.orderNumber:unique',
    ]);
    expect(problems.find((p) => p.field === 'rows.4.signedForAt')!.message).toBe('第 4 行「签收时间」：不能早于交办时间（2019-03-01 10:00）');
    expect(problems.find((p) => p.field === 'rows.3.assignedUnit')!.message).toBe('第 3 行「交办单位」：调解室不承办热线工单');
    expect(JSON.stringify(problems)).not.toContain('410105198001010018');
  });

  it('asks for first contact before a resolution and a follow-up before closing when the caller left a phone number', () => {
    const { problems } = readOrderSheet(sheet({ ...FULL, 首次联系时间: '', 回访时间: '', 回访是否接通: '', 满意度: '' }), context);
    expect(problems.map((p) => `${p.column}:${p.rule}`)).toEqual(['firstContactAt:required', 'followedUpAt:required']);
    const { problems: anonymous } = readOrderSheet(sheet({ ...FULL, 联系电话: '', 首次联系时间: '', 回访时间: '', 回访是否接通: '', 满意度: '' }), context);
    expect(anonymous).toEqual([]);
  });

  it('refuses a sheet without the required columns, naming them', () => {
    expect(() => readOrderSheet([['工单编号', '受理时间']], context)).toThrow(OrderSheetHeaderError);
    expect(() => readOrderSheet([['工单编号', '受理时间']], context)).toThrow(/来源渠道/);
  });
});

describe('the events of an imported order', () => {
  const [order] = readOrderSheet(sheet(FULL), context).orders;

  it('are the live decider’s, each dated at its own step, the receipt marked as imported', () => {
    const result = legacyOrderEvents(order, 'c-1', decider, 'orders-2019.xlsx');
    if (!('steps' in result)) throw new Error(result.problem.message);
    expect(result.steps.map((s) => [s.event.type, s.at.toISOString(), s.actor.orgUnitId])).toEqual([
      ['ComplaintReceived', '2019-03-01T01:00:00.000Z', '410100'], ['ComplaintClassified', '2019-03-01T01:00:00.000Z', '410100'],
      ['ComplaintAssigned', '2019-03-01T02:00:00.000Z', '410100'], ['ComplaintSignedFor', '2019-03-01T07:00:00.000Z', '410105'],
      ['CallerContacted', '2019-03-04T01:00:00.000Z', '410105'], ['ComplaintResolved', '2019-03-08T09:00:00.000Z', '410105'],
      ['FollowUpRecorded', '2019-03-11T02:00:00.000Z', '410100'], ['ComplaintClosed', '2019-03-11T03:00:00.000Z', '410100'],
    ]);
    const data = (type: string) => result.steps.find((s) => s.event.type === type)!.event.data as Record<string, unknown>;
    expect(data('ComplaintReceived')).toMatchObject({ externalReference: 'RX-2019-0001', receivedAt: '2019-03-01T01:00:00.000Z', imported: { batch: 'orders-2019.xlsx', row: 2 } });
    const assignedAt = new Date('2019-03-01T02:00:00Z');
    expect(data('ComplaintAssigned')).toMatchObject({
      assignedAt: '2019-03-01T02:00:00.000Z',
      signForDueAt: deadlineAfter(calendar, assignedAt, { workingDays: 1 }).toISOString(),
      resolveDueAt: deadlineAfter(calendar, assignedAt, { workingDays: 15 }).toISOString(),
    });
    expect(data('ComplaintSignedFor')).toMatchObject({ signedForAt: '2019-03-01T07:00:00.000Z', onTime: true });
    expect(data('CallerContacted')).toMatchObject({ contactedAt: '2019-03-04T01:00:00.000Z', firstAttempt: true, onTime: true });
    expect(data('ComplaintResolved')).toMatchObject({ outcome: 'solved', resolvedAt: '2019-03-08T09:00:00.000Z', onTime: true });
    expect(data('FollowUpRecorded')).toMatchObject({ reached: true, satisfaction: 'satisfied', followedUpAt: '2019-03-11T02:00:00.000Z', onTime: true });
  });

  it('judge sign-for and resolution against deadlines counted on the working calendar from the historical assignment', () => {
    const signedOn8April = (assigned: string) => {
      const row = readOrderSheet(sheet({ ...FULL, 交办时间: assigned, 签收时间: '2019-04-08 16:00', 首次联系时间: '2019-04-09 09:00', 办结时间: '2019-05-20 09:00', 回访时间: '2019-05-21 09:00', 结案时间: '2019-05-21 10:00' }), context).orders[0];
      const result = legacyOrderEvents(row, 'c-2', decider, 'b');
      if (!('steps' in result)) throw new Error(result.problem.message);
      return (type: string) => result.steps.find((s) => s.event.type === type)!.event.data as Record<string, unknown>;
    };
    // Assigned on Thursday 4 April 2019, before the Qingming holiday (5–7 April): one working day ends on Monday 8 April.
    expect(signedOn8April('2019-04-04 10:00')('ComplaintSignedFor')).toMatchObject({ onTime: true });
    expect(signedOn8April('2019-04-04 10:00')('ComplaintResolved')).toMatchObject({ resolveDueAt: '2019-04-26T15:59:59.999Z', onTime: false });
    // Assigned on Wednesday 3 April: due on Thursday 4 April, so signing on the 8th is late.
    const wednesday = signedOn8April('2019-04-03 10:00');
    expect(wednesday('ComplaintAssigned')).toMatchObject({ signForDueAt: '2019-04-04T15:59:59.999Z' });
    expect(wednesday('ComplaintSignedFor')).toMatchObject({ onTime: false });
  });

  it('close a dissatisfied order as a supervisor with a reason, as the live rule asks', () => {
    const dissatisfied = readOrderSheet(sheet({ ...FULL, 满意度: '不满意' }), context).orders[0];
    const result = legacyOrderEvents(dissatisfied, 'c-3', decider, 'b');
    if (!('steps' in result)) throw new Error(result.problem.message);
    expect(result.steps.at(-1)).toMatchObject({ event: { type: 'ComplaintClosed', data: { via: 'after_follow_up', reason: '旧系统中已结案（导入）' } }, actor: { role: 'supervisor' } });
  });
});
