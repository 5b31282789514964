import writeXlsxFile from 'write-excel-file/node';
import readXlsxFile from 'read-excel-file/node';
import type { Cell } from './cell.js';

/**
 * How a column's values are written: `text` as typed; `count` and `number` as numbers; `yuan` takes
 * integer fen and writes a number of yuan formatted `#,##0.00` (fen / 100 is exact to the cent in its
 * decimal form, so the cells add up in Excel); `rate` takes a fraction (0.875) formatted as a percentage.
 */
export type ReportColumnKind = 'text' | 'count' | 'number' | 'yuan' | 'rate';

export interface ReportColumn<Row> {
  readonly header: string;
  /** One kind for the column, or per row (a summary sheet mixes counts, rates and amounts). */
  readonly kind?: ReportColumnKind | ((row: Row) => ReportColumnKind);
  /** Characters; the header's length by default. */
  readonly width?: number;
  readonly value: (row: Row) => string | number | null | undefined;
}

/** One sheet of a report: its rows under a header of named columns, and a last line when one is owed (a cap reached). */
export interface ReportTable<Row = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly sheet: string;
  readonly columns: readonly ReportColumn<Row>[];
  readonly rows: readonly Row[];
  readonly footnote?: string;
}

/** What every sheet of a report repeats above its table: the title in bold, then lines such as the period, the unit and the as-of instant. */
export interface ReportHeading {
  readonly title: string;
  readonly lines: readonly string[];
}

/** The rows above a sheet's header row: the title and each heading line. */
export const headingRowCount = (heading: ReportHeading) => 1 + heading.lines.length;

type SheetCell = { value: unknown; type?: unknown; format?: string; fontWeight?: 'bold'; columnSpan?: number } | null;

function cellOf(kind: ReportColumnKind, value: string | number | null | undefined): SheetCell {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'text') return { value: String(value), type: String };
  const number = Number(value);
  if (kind === 'yuan') return { value: number / 100, type: Number, format: '#,##0.00' };
  if (kind === 'rate') return { value: number, type: Number, format: '0.0%' };
  return { value: number, type: Number };
}

function kindOf<Row>(column: ReportColumn<Row>, row: Row): ReportColumnKind {
  return typeof column.kind === 'function' ? column.kind(row) : (column.kind ?? 'text');
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetNames(tables: readonly ReportTable[]): string[] {
  const seen = new Set<string>();
  return tables.map(({ sheet }) => {
    const base = sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}(${n})`;
    seen.add(name);
    return name;
  });
}

/**
 * A report workbook: one sheet per table, each under the same title and heading lines, so a sheet
 * printed or forwarded alone still says what it counts. Empty tables keep their header row.
 */
export async function writeReportWorkbook(heading: ReportHeading, tables: readonly ReportTable[]): Promise<Buffer> {
  const names = sheetNames(tables);
  const sheets = tables.map((table, index) => {
    const span = Math.max(table.columns.length, 1);
    const spanned = (value: string, bold = false): SheetCell[] => [{ value, type: String, columnSpan: span, ...(bold ? { fontWeight: 'bold' as const } : {}) }, ...Array(span - 1).fill(null)];
    const data: SheetCell[][] = [
      spanned(heading.title, true),
      ...heading.lines.map((line) => spanned(line)),
      table.columns.map((column) => ({ value: column.header, type: String, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => table.columns.map((column) => cellOf(kindOf(column, row), column.value(row)))),
      ...(table.footnote ? [spanned(table.footnote)] : []),
    ];
    const columns = table.columns.map((column) => ({ width: column.width ?? Math.max(8, column.header.length * 2 + 2) }));
    return { data, sheet: names[index], columns, stickyRowsCount: headingRowCount(heading) + 1 };
  });
  return writeXlsxFile(sheets as never).toBuffer();
}

/** Every sheet of an `.xlsx` workbook by name, cells as the reader gives them (numbers stay numbers). */
export async function readWorkbookSheets(bytes: Buffer): Promise<{ sheet: string; rows: Cell[][] }[]> {
  const sheets = (await readXlsxFile(bytes)) as unknown as { sheet: string; data: Cell[][] }[];
  return sheets.map(({ sheet, data }) => ({ sheet, rows: data }));
}
