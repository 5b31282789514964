import type { FieldError } from '../../api-types';

/** One bad cell of an uploaded sheet (a registry, legacy orders): the sheet row (header = row 1), the column's key, what is wrong. */
export interface BadCell {
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * The API names every bad cell `rows.<sheet row>.<column>` (and a file it cannot read at all
 * `content`); as a table sorted by row, the row prefix taken off the message (the row has its own column).
 */
export function badCells(errors: readonly FieldError[] | undefined): BadCell[] {
  return (errors ?? [])
    .map((error) => {
      const match = /^rows\.(\d+)\.(\w+)$/.exec(error.field);
      // `第 n 行：…` or `第 n 行「列」：…`: the row and the column have columns of their own.
      const message = error.message.replace(/^第\s*\d+\s*行(「[^」]*」)?[：:]\s*/, '');
      return match ? { row: Number(match[1]), column: match[2], message } : { row: null, column: null, message };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
