import type { FieldError } from '../../../api-types';
import { problemsByRow, type FieldProblem, type RowProblems } from './claimant-grid';

/**
 * What a check or an import said about a list. An import that the case itself refuses (an ID
 * number already in the case) names `claimants.<i>.<field>`; that is sheet row i + 2, as the check counts.
 */
export interface ListReport {
  ok: boolean;
  /** Rows with problems, in order; `row: null` for the list as a whole. */
  problems: RowProblems[];
  /** How many rows the list has, when known. */
  rowCount: number | null;
  /** The problems as the API named them (`rows.<sheetRow>.<field>`), to mark grid cells. */
  errors: FieldProblem[];
}

export function asSheetProblems(errors: readonly FieldError[] | undefined): FieldProblem[] {
  return (errors ?? []).map((error) => {
    const match = /^claimants\.(\d+)\.(\w+)$/.exec(error.field);
    if (!match) return error;
    const row = Number(match[1]) + 2;
    return { field: `rows.${row}.${match[2]}`, message: `第 ${row} 行：${error.message}` };
  });
}

export function failedReport(errors: readonly FieldProblem[], fallback: string, rowCount: number | null): ListReport {
  const problems = errors.length > 0 ? problemsByRow(errors) : [{ row: null, messages: [fallback] }];
  return { ok: false, problems, rowCount, errors: [...errors] };
}

/** Rows of a pasted text, header excluded (blank lines do not count, as the import skips them). */
export function textRowCount(content: string): number {
  return Math.max(0, content.split(/\r?\n/).filter((line) => line.replace(/[\t,，\s]/g, '') !== '').length - 1);
}
