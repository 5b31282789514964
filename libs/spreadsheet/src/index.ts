import readXlsxFile from 'read-excel-file/node';

import type { Cell } from './cell.js';

export type { Cell } from './cell.js';

export class UnreadableWorkbookError extends Error {}

/** The first sheet of an `.xlsx` workbook. */
export async function readWorkbook(bytes: Buffer): Promise<Cell[][]> {
  try {
    const [first] = await readXlsxFile(bytes);
    return (first?.data ?? []) as Cell[][];
  } catch {
    throw new UnreadableWorkbookError('not an .xlsx workbook');
  }
}

/** CSV (RFC 4180 quoting) or tab-separated text pasted from a spreadsheet: the header line decides which. */
export function parseDelimited(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes('，') && !firstLine.includes(',') ? '，' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A cell as trimmed text ('' when empty); a date cell as `YYYY-MM-DD`. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * A date as people write it — `2025-03-01`, `2025/3/1`, `2025.3.1`, `2025年3月1日` — or an Excel
 * date cell, as `YYYY-MM-DD`; `undefined` when empty, `null` when it is not a date.
 */
export function cellDate(value: unknown): string | null | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = cellText(value);
  if (text === '') return undefined;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return null;
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  // A day that exists: 2018-13-01 and 2025-02-30 are not dates.
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

/**
 * Yuan with at most two decimals (`12,500.5`, `¥800`) as integer fen, never through a float sum;
 * `undefined` when empty, `null` when it is not such an amount.
 */
export function cellYuanToFen(value: unknown): number | null | undefined {
  if (typeof value === 'number') {
    const fen = Math.round(value * 100);
    return Number.isSafeInteger(fen) && Math.abs(value * 100 - fen) < 1e-6 ? fen : null;
  }
  const text = cellText(value).replace(/[,，¥￥元\s]/g, '');
  if (text === '') return undefined;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

export { writeReportWorkbook, readWorkbookSheets, headingRowCount, type ReportColumn, type ReportColumnKind, type ReportHeading, type ReportTable } from './report-workbook.js';
