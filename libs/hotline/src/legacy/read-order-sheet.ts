import { isDistrictCode, isPhoneNumber, isResidentIdNumber, normalisePhone } from '#field-checks';
import { findCategory, hotlineReferenceData, type HotlineReferenceData, type ReferenceItem } from '../reference-data.js';
import type { LegacyOrder, OrderProblem, OrderSheetContext } from './legacy-order.js';
import { cellCode, cellInstant, cellText, cellYesNo, choicesOf, hasBadCharacters, type SheetCell } from './order-cells.js';
import { columnHeader, locateColumns, type OrderColumn } from './order-columns.js';
import { stepOrderProblems } from './step-order.js';

const TIME_FORMAT = '须为北京时间，如 2019-03-02 09:30，且在 1900 至 2100 年之间';

/**
 * Every row of a legacy work-order sheet checked, cell by cell: `orders` are the good rows,
 * `problems` name each bad cell by row and column. Nothing is half-read: a caller imports only when
 * `problems` is empty. Throws `OrderSheetHeaderError` when required columns are missing.
 */
export function readOrderSheet(table: readonly (readonly SheetCell[])[], context: OrderSheetContext, reference: HotlineReferenceData = hotlineReferenceData()): { orders: LegacyOrder[]; problems: OrderProblem[] } {
  const filled = (cells: readonly SheetCell[]) => cells.some((cell) => cellText(cell) !== '');
  const headerIndex = table.findIndex(filled);
  const at = locateColumns(table[headerIndex] ?? []);
  const orders: LegacyOrder[] = [];
  const problems: OrderProblem[] = [];
  const seen = new Map<string, number>();
  table.forEach((cells, index) => {
    if (index <= headerIndex || !filled(cells)) return;
    const row = new RowReader(index + 1, (column) => (at[column] === undefined ? undefined : cells[at[column]!]), context, reference);
    const order = row.read();
    const orderNumber = cellText(at.orderNumber === undefined ? undefined : cells[at.orderNumber]);
    if (orderNumber && seen.has(orderNumber)) row.problem('orderNumber', 'unique', `与第 ${seen.get(orderNumber)} 行的工单编号相同`);
    if (orderNumber && !seen.has(orderNumber)) seen.set(orderNumber, row.row);
    if (row.problems.length > 0) problems.push(...row.problems);
    else if (order) orders.push(order);
  });
  return { orders, problems };
}

/** One row's cells, read with the problems they have. */
class RowReader {
  readonly problems: OrderProblem[] = [];

  constructor(
    readonly row: number,
    private readonly cell: (column: OrderColumn) => SheetCell,
    private readonly context: OrderSheetContext,
    private readonly reference: HotlineReferenceData,
  ) {}

  problem(column: OrderColumn, rule: string, message: string): void {
    this.problems.push({ row: this.row, column, field: `rows.${this.row}.${column}`, rule, message: `第 ${this.row} 行「${columnHeader(column)}」：${message}` });
  }

  read(): LegacyOrder | null {
    const orderNumber = this.text('orderNumber', 64, true);
    const receivedAt = this.instant('receivedAt', true);
    const channel = this.code('channel', this.reference.channels, true);
    const caller = this.caller();
    const workersAffected = this.count();
    const employer = { name: this.text('employer', 200, true), district: this.district() };
    const classification = this.classification();
    const urgency = this.code('urgency', this.reference.urgencies, false) ?? 'normal';
    const summary = this.text('summary', 2000, true, true);
    const receivingUnitId = this.unit('receivingUnit', true);
    const steps = this.steps(receivedAt);
    if (this.problems.length > 0) return null;
    return {
      row: this.row, orderNumber, receivedAt: receivedAt!, channel: channel!, caller, workersAffected: workersAffected!, employer,
      classification: classification!, urgency, summary, receivingUnitId: receivingUnitId!, ...steps,
    };
  }

  private text(column: OrderColumn, maxLength: number, required: boolean, multiLine = false): string {
    const text = cellText(this.cell(column));
    if (text === '' && required) this.problem(column, 'required', '不能为空');
    else if (hasBadCharacters(text, multiLine)) this.problem(column, 'control_character', '含有不允许的控制字符（如空字符或换行），请删除后重新导入');
    else if ([...text].length > maxLength) this.problem(column, 'max_length', `不能超过 ${maxLength} 个字`);
    return text;
  }

  private instant(column: OrderColumn, required: boolean): Date | undefined {
    const instant = cellInstant(this.cell(column));
    if (instant === undefined && required) this.problem(column, 'required', `不能为空，${TIME_FORMAT}`);
    else if (instant === null) this.problem(column, 'instant', TIME_FORMAT);
    else if (instant && instant.getTime() > this.context.now.getTime()) this.problem(column, 'future_date', '不能晚于当前时间');
    else return instant;
    return undefined;
  }

  private code<Code extends string>(column: OrderColumn, items: readonly ReferenceItem<Code>[], required: boolean): Code | undefined {
    const code = cellCode(this.cell(column), items);
    if (code === undefined && required) this.problem(column, 'required', `不能为空，应为以下之一：${choicesOf(items)}`);
    else if (code === null) this.problem(column, 'one_of', `应为以下之一：${choicesOf(items)}`);
    else return code;
    return undefined;
  }

  /** No name (or 匿名) is an anonymous caller, who gives no ID number; a phone number for a call back is allowed. */
  private caller(): LegacyOrder['caller'] {
    const name = this.text('callerName', 50, false);
    const anonymous = name === '' || name === '匿名';
    const phone = cellText(this.cell('phone'));
    if (phone && !isPhoneNumber(phone)) this.problem('phone', 'phone', '格式不正确，应为 11 位手机号或带区号的固定电话');
    const idNumber = cellText(this.cell('idNumber')).toUpperCase();
    if (idNumber && anonymous) this.problem('idNumber', 'anonymous', '匿名来电（未填来电人姓名）不应填写身份证号');
    else if (idNumber && !isResidentIdNumber(idNumber)) this.problem('idNumber', 'id_number', '格式不正确，应为 18 位且校验位正确');
    return {
      anonymous,
      ...(anonymous ? {} : { name }),
      ...(phone ? { phone: normalisePhone(phone) } : {}),
      ...(idNumber && !anonymous ? { idNumber } : {}),
    };
  }

  private count(): number | undefined {
    const text = cellText(this.cell('workersAffected'));
    const count = Number(text);
    if (text === '') this.problem('workersAffected', 'required', '不能为空');
    else if (!Number.isInteger(count) || count < 1 || count > 100_000) this.problem('workersAffected', 'integer_range', '须为 1 至 100000 的整数');
    else return count;
    return undefined;
  }

  private district(): string {
    const district = cellText(this.cell('district'));
    if (!isDistrictCode(district)) this.problem('district', 'district_code', '须为 6 位行政区划代码，如 410105（金水区）');
    return district;
  }

  private classification(): LegacyOrder['classification'] | undefined {
    const category = this.code('category', this.reference.categories, true);
    const type = this.code('type', this.reference.types, true);
    const subcategoryCell = this.cell('subcategory');
    const subcategories = category ? findCategory(category, this.reference)!.subcategories : [];
    const subcategory = category ? cellCode(subcategoryCell, subcategories) : undefined;
    if (category && subcategory === null) this.problem('subcategory', 'one_of', `应为"${findCategory(category, this.reference)!.label}"下的二级分类之一：${choicesOf(subcategories)}`);
    if (!category || !type || subcategory === null) return undefined;
    return { category, type, ...(subcategory ? { subcategory } : {}) };
  }

  private unit(column: OrderColumn, required: boolean): string | undefined {
    const unitId = this.text(column, 64, required);
    if (unitId === '') return undefined;
    const problem = this.context.unitProblem(unitId);
    if (problem) this.problem(column, 'unit', problem);
    return unitId;
  }

  /** The steps after the receipt, each present only when the one before it is, in order of time. */
  private steps(receivedAt: Date | undefined): Pick<LegacyOrder, 'assigned' | 'signedForAt' | 'firstContactAt' | 'resolved' | 'followUp' | 'closedAt'> {
    const assignedUnit = this.unit('assignedUnit', false);
    const assignedAt = this.instant('assignedAt', false);
    const signedForAt = this.instant('signedForAt', false);
    const firstContactAt = this.instant('firstContactAt', false);
    const resolvedAt = this.instant('resolvedAt', false);
    const outcome = this.code('outcome', this.reference.resolutionOutcomes, false);
    const followedUpAt = this.instant('followedUpAt', false);
    const reached = cellYesNo(this.cell('reached'));
    if (reached === null) this.problem('reached', 'yes_no', '须为"是"或"否"');
    const satisfaction = this.code('satisfaction', this.reference.satisfactionLevels, false);
    const closedAt = this.instant('closedAt', false);
    const contactable = cellText(this.cell('phone')) !== '';
    for (const [column, rule, message] of stepOrderProblems({
      receivedAt, assignedUnit, assignedAt, signedForAt, firstContactAt, resolvedAt, outcome, followedUpAt,
      reached: reached ?? undefined, satisfaction, closedAt, contactable,
    }, this.given.bind(this))) this.problem(column, rule, message);
    return {
      ...(assignedUnit && assignedAt ? { assigned: { unitId: assignedUnit, at: assignedAt } } : {}),
      ...(signedForAt ? { signedForAt } : {}),
      ...(firstContactAt ? { firstContactAt } : {}),
      ...(resolvedAt && outcome ? { resolved: { at: resolvedAt, outcome } } : {}),
      ...(followedUpAt && reached !== undefined && reached !== null ? { followUp: { at: followedUpAt, reached, ...(reached && satisfaction ? { satisfaction } : {}) } } : {}),
      ...(closedAt ? { closedAt } : {}),
    };
  }

  /** Whether the cell holds anything (a bad value included: its own problem is reported already). */
  private given(column: OrderColumn): boolean {
    return cellText(this.cell(column)) !== '';
  }
}
