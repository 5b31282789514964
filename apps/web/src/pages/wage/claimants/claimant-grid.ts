/**
 * The claimant entry grid as data: rows of text typed or pasted from a spreadsheet, turned into the
 * tab-separated list the API's import reads (header row first, as in Excel), and the API's problems
 * (`rows.<sheetRow>.<field>`) turned back into cells of the grid.
 */

export const GRID_COLUMNS = ['name', 'idNumber', 'phone', 'workedFrom', 'workedUntil', 'claimed'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];
export type GridRow = Record<GridColumn, string> & { key: number };

/** The header the import reads (any order works; this is the order of the grid). */
export const SHEET_HEADER = ['姓名', '身份证号码', '电话', '入职日期', '离职日期', '主张金额（元）'];
const HEADER_NAMES = new Set(['姓名', 'name', '身份证号码', '身份证号', '主张金额（元）', '主张金额(元)', '主张金额', '入职日期']);

let nextKey = 1;
export function emptyRow(): GridRow {
  return { key: nextKey++, name: '', idNumber: '', phone: '', workedFrom: '', workedUntil: '', claimed: '' };
}

export function isBlank(row: GridRow): boolean {
  return GRID_COLUMNS.every((column) => row[column].trim() === '');
}

/** A block copied from Excel: lines of tab-separated cells; the trailing line break Excel adds is dropped. */
export function splitPastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}

/** Whether a pasted block starts with its own header row (then the API reads its columns by name). */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.some((cell) => HEADER_NAMES.has(cell.replace(/\s/g, '').toLowerCase()) || HEADER_NAMES.has(cell.replace(/\s/g, '')));
}

/** Pastes a block into the grid from a cell on, like a spreadsheet: rows are added as needed. */
export function pasteIntoGrid(rows: readonly GridRow[], at: { row: number; column: GridColumn }, block: readonly string[][]): GridRow[] {
  const next = rows.map((row) => ({ ...row }));
  const firstColumn = GRID_COLUMNS.indexOf(at.column);
  block.forEach((cells, offset) => {
    const index = at.row + offset;
    while (next.length <= index) next.push(emptyRow());
    cells.forEach((cell, c) => {
      const column = GRID_COLUMNS[firstColumn + c];
      if (column) next[index][column] = cell;
    });
  });
  return next;
}

/** The grid as the import's text: the header, then each row that has anything in it. */
export function gridToSheet(rows: readonly GridRow[]): { content: string; gridIndexOfSheetRow: Map<number, number>; count: number } {
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim();
  const lines = [SHEET_HEADER.join('\t')];
  const gridIndexOfSheetRow = new Map<number, number>();
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    lines.push(GRID_COLUMNS.map((column) => clean(row[column])).join('\t'));
    gridIndexOfSheetRow.set(lines.length, index);
  });
  return { content: lines.join('\n'), gridIndexOfSheetRow, count: lines.length - 1 };
}

export interface RowProblems {
  /** The sheet's row number as the API counts it (header = 1), or null for the list as a whole. */
  row: number | null;
  messages: string[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** The API's problems grouped by row, in row order; problems of the whole list (`content`, `columns.*`) first. */
export function problemsByRow(errors: readonly FieldProblem[]): RowProblems[] {
  const byRow = new Map<number | null, string[]>();
  for (const error of errors) {
    const match = /^rows\.(\d+)\./.exec(error.field);
    const row = match ? Number(match[1]) : null;
    byRow.set(row, [...(byRow.get(row) ?? []), error.message]);
  }
  return [...byRow.entries()].sort(([a], [b]) => (a ?? 0) - (b ?? 0)).map(([row, messages]) => ({ row, messages }));
}

/** `rows.4.claimed` → the grid's cell key `2.claimed` (grid index 2), with the message without its "第 4 行：". */
export function cellProblems(errors: readonly FieldProblem[], gridIndexOfSheetRow: ReadonlyMap<number, number>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const error of errors) {
    const match = /^rows\.(\d+)\.(\w+)$/.exec(error.field);
    const index = match ? gridIndexOfSheetRow.get(Number(match[1])) : undefined;
    if (match && index !== undefined) cells[`${index}.${match[2]}`] ??= error.message.replace(/^第\s*\d+\s*行[：:]\s*/, '');
  }
  return cells;
}
