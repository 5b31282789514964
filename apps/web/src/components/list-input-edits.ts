/*
 * What a key or a paste does to the rows of a ListInput, as plain functions: the new rows, and the row
 * (and the place in it) where the cursor goes next. `null`: the browser's own behaviour stands.
 */

export interface ListEdit {
  readonly rows: string[];
  readonly focus: { readonly row: number; readonly caret: number };
}

/**
 * Enter: the row is split at the cursor and the cursor moves to the new row below (at the end of a row,
 * a new empty row). In an empty row it only moves on to the next row, so Enter never piles up blanks.
 */
export function afterEnter(rows: readonly string[], index: number, caret: number): ListEdit | null {
  const row = rows[index] ?? '';
  if (row.trim() === '') return index < rows.length - 1 ? { rows: [...rows], focus: { row: index + 1, caret: 0 } } : null;
  const next = [...rows];
  next.splice(index, 1, row.slice(0, caret), row.slice(caret));
  return { rows: next, focus: { row: index + 1, caret: 0 } };
}

/** Backspace at the start of an empty row removes it (not the only one) and goes to the end of the row above. */
export function afterBackspace(rows: readonly string[], index: number): ListEdit | null {
  if ((rows[index] ?? '') !== '' || rows.length < 2) return null;
  const next = rows.filter((_, i) => i !== index);
  const row = Math.max(index - 1, 0);
  return { rows: next, focus: { row, caret: index === 0 ? 0 : next[row]!.length } };
}

/**
 * Several lines pasted (a list copied from a document, a column from Excel) become one row each, blank
 * lines left out; the first joins the text before the cursor, the last the text after it. A single line
 * is the browser's ordinary paste.
 */
export function afterPaste(rows: readonly string[], index: number, text: string, start: number, end: number): ListEdit | null {
  if (!/[\r\n]/.test(text)) return null;
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  const row = rows[index] ?? '';
  const before = row.slice(0, start);
  const after = row.slice(end);
  if (lines.length === 0) return null;
  const pasted = lines.map((line, i) => `${i === 0 ? before : ''}${line}${i === lines.length - 1 ? after : ''}`);
  const next = [...rows];
  next.splice(index, 1, ...pasted);
  const last = index + pasted.length - 1;
  return { rows: next, focus: { row: last, caret: pasted.at(-1)!.length - after.length } };
}
