import { cellDate, cellText, cellYuanToFen, parseDelimited, readWorkbook } from '#spreadsheet';
import type { FieldViolation } from '#errors';

/**
 * 申请人名单: a list of claimants pasted from a spreadsheet (tab-separated), written as CSV, or
 * uploaded as an Excel workbook (first sheet). The first row names the columns, in Chinese or in
 * English; amounts are in yuan (元) with at most two decimals and become integer fen here.
 */
export interface SheetClaimant {
  /** The row in the sheet, counting the header as row 1. */
  readonly row: number;
  readonly name?: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly workedFrom?: string;
  readonly workedUntil?: string;
  /** Fen, or the violation that stopped it being read. */
  readonly claimed?: number;
  readonly problems: FieldViolation[];
}

const COLUMNS: Record<keyof Omit<SheetClaimant, 'row' | 'problems'>, readonly string[]> = {
  name: ['姓名', 'name'],
  idNumber: ['身份证号码', '身份证号', '身份证', 'idnumber'],
  phone: ['电话', '手机', '手机号', '联系电话', 'phone'],
  workedFrom: ['入职日期', '开始工作日期', '进场日期', 'workedfrom'],
  workedUntil: ['离职日期', '最后工作日期', '离场日期', 'workeduntil'],
  claimed: ['主张金额（元）', '主张金额(元)', '主张金额', '欠薪金额', '欠薪金额（元）', 'claimed'],
};
const REQUIRED: readonly (keyof typeof COLUMNS)[] = ['name', 'workedFrom', 'claimed'];
const LABELS: Record<keyof typeof COLUMNS, string> = { name: '姓名', idNumber: '身份证号码', phone: '电话', workedFrom: '入职日期', workedUntil: '离职日期', claimed: '主张金额（元）' };

export const MAX_SHEET_ROWS = 2_000;

export class SheetError extends Error {
  constructor(readonly violations: FieldViolation[]) {
    super(violations.map((v) => v.message).join('；'));
  }
}

export async function readClaimantSheet(input: { format: 'csv' | 'xlsx'; content: string }): Promise<SheetClaimant[]> {
  const table = input.format === 'xlsx' ? await readWorkbookOrSay(input.content) : parseDelimited(input.content);
  const [header, ...rows] = table.filter((row) => row.some((cell) => cellText(cell) !== ''));
  if (!header) throw new SheetError([{ field: 'content', rule: 'required', message: '名单为空：第一行应为列名（姓名、身份证号码、电话、入职日期、离职日期、主张金额（元））' }]);
  if (rows.length > MAX_SHEET_ROWS) throw new SheetError([{ field: 'content', rule: 'max_rows', message: `名单最多 ${MAX_SHEET_ROWS} 行` }]);
  const positions = columnPositions(header.map(cellText));
  return rows.map((cells, index) => readRow(cells, index + 2, positions));
}

function columnPositions(header: readonly string[]): Partial<Record<keyof typeof COLUMNS, number>> {
  const normalised = header.map((h) => h.replace(/\s/g, '').toLowerCase());
  const positions: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const [key, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const at = normalised.findIndex((h) => names.some((name) => name.replace(/\s/g, '').toLowerCase() === h));
    if (at >= 0) positions[key] = at;
  }
  const missing = REQUIRED.filter((key) => positions[key] === undefined);
  if (missing.length > 0) {
    throw new SheetError(missing.map((key) => ({ field: `columns.${key}`, rule: 'required', message: `第 1 行缺少"${LABELS[key]}"列` })));
  }
  return positions;
}

function readRow(cells: readonly unknown[], row: number, positions: Partial<Record<keyof typeof COLUMNS, number>>): SheetClaimant {
  const cell = (key: keyof typeof COLUMNS) => (positions[key] === undefined ? undefined : cells[positions[key]!]);
  const text = (key: keyof typeof COLUMNS) => {
    const value = cellText(cell(key));
    return value === '' ? undefined : value;
  };
  const problems: FieldViolation[] = [];
  const workedFrom = dateOf(cell('workedFrom'), 'workedFrom', problems);
  const workedUntil = dateOf(cell('workedUntil'), 'workedUntil', problems);
  const claimed = fenOf(cell('claimed'), problems);
  return {
    row,
    name: text('name'),
    idNumber: text('idNumber')?.toUpperCase(),
    phone: text('phone'),
    workedFrom,
    workedUntil,
    claimed,
    problems,
  };
}

/** `2025-03-01`, `2025/3/1`, `2025.3.1`, `2025年3月1日`, or an Excel date cell. */
function dateOf(value: unknown, field: string, problems: FieldViolation[]): string | undefined {
  const date = cellDate(value);
  if (date === null) problems.push({ field, rule: 'date', message: `${field === 'workedFrom' ? '入职日期' : '离职日期'}须为日期，如 2025-03-01` });
  return date ?? undefined;
}

/** Yuan with at most two decimals as integer fen. */
function fenOf(value: unknown, problems: FieldViolation[]): number | undefined {
  const fen = cellYuanToFen(value);
  if (fen === null) problems.push({ field: 'claimed', rule: 'yuan', message: '主张金额须为以元计的金额，最多两位小数，如 12500 或 12500.50' });
  return fen ?? undefined;
}

async function readWorkbookOrSay(base64: string): Promise<unknown[][]> {
  try {
    return await readWorkbook(Buffer.from(base64, 'base64'));
  } catch {
    throw new SheetError([{ field: 'content', rule: 'xlsx', message: '无法读取 Excel 文件，请上传 .xlsx 格式的工作簿' }]);
  }
}
