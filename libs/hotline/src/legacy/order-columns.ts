/**
 * The columns of a legacy 12351 work-order export (旧工单), by the Chinese header a city's export
 * carries (the first name) and the other names seen in such exports. Docs: docs/operations.md,
 * "Importing legacy 12351 work orders".
 */
export const ORDER_COLUMNS = {
  orderNumber: ['工单编号', '工单号'],
  receivedAt: ['受理时间'],
  channel: ['来源渠道', '受理渠道', '来源'],
  callerName: ['来电人姓名', '来电人'],
  phone: ['联系电话', '来电号码'],
  idNumber: ['身份证号', '身份证号码'],
  workersAffected: ['涉及人数', '涉及职工人数'],
  employer: ['用人单位', '用人单位名称'],
  district: ['单位所在区县', '所在区县'],
  category: ['问题类别', '一级分类'],
  subcategory: ['问题子类', '二级分类'],
  type: ['诉求类型'],
  urgency: ['紧急程度'],
  summary: ['诉求内容'],
  receivingUnit: ['受理单位'],
  assignedUnit: ['交办单位', '承办单位'],
  assignedAt: ['交办时间', '转办时间'],
  signedForAt: ['签收时间'],
  firstContactAt: ['首次联系时间'],
  resolvedAt: ['办结时间'],
  outcome: ['办结结果'],
  followedUpAt: ['回访时间'],
  reached: ['回访是否接通'],
  satisfaction: ['满意度', '回访满意度'],
  closedAt: ['结案时间'],
} as const;

export type OrderColumn = keyof typeof ORDER_COLUMNS;

/** The header of each column as the import expects it, in order (a template's first row). */
export const ORDER_HEADERS: readonly string[] = Object.values(ORDER_COLUMNS).map((names) => names[0]);

/** Columns every sheet must have; the others may be left out when a city's export has none of them. */
export const REQUIRED_ORDER_COLUMNS: readonly OrderColumn[] = [
  'orderNumber', 'receivedAt', 'channel', 'workersAffected', 'employer', 'district', 'category', 'type', 'summary', 'receivingUnit',
];

export const columnHeader = (column: OrderColumn): string => ORDER_COLUMNS[column][0];

/** The sheet lacks required columns: nothing can be read (one problem, for the whole file). */
export class OrderSheetHeaderError extends Error {
  readonly code = 'columns';
  constructor(readonly missing: readonly string[]) {
    super(`第 1 行缺少这些列：${missing.join('、')}`);
  }
}

/** Where each column sits in the sheet, from its header row. */
export function locateColumns(header: readonly unknown[]): Partial<Record<OrderColumn, number>> {
  const names = header.map((cell) => String(cell ?? '').replace(/\s/g, ''));
  const at: Partial<Record<OrderColumn, number>> = {};
  for (const [key, labels] of Object.entries(ORDER_COLUMNS) as [OrderColumn, readonly string[]][]) {
    const index = names.findIndex((name) => labels.includes(name));
    if (index >= 0) at[key] = index;
  }
  const missing = REQUIRED_ORDER_COLUMNS.filter((key) => at[key] === undefined).map(columnHeader);
  if (missing.length > 0) throw new OrderSheetHeaderError(missing);
  return at;
}
