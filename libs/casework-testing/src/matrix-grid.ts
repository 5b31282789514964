/**
 * A table written as text, the way a specification reads: a header of column names, then one line
 * per row name with one answer per column (`200`, `403`, `404`, `listed`, `-` for "no such case").
 */
export interface Grid {
  readonly columns: readonly string[];
  readonly rows: Readonly<Record<string, readonly string[]>>;
}

export function grid(text: string): Grid {
  const [header, ...lines] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split(/\s+/));
  const rows: Record<string, string[]> = {};
  for (const [name, ...answers] of lines) {
    if (answers.length !== header.length) throw new Error(`row ${name} has ${answers.length} answers for ${header.length} columns`);
    rows[name] = answers;
  }
  return { columns: header, rows };
}

/** Back to text, aligned, so that a failing test shows the cells that differ line by line. */
export function renderGrid({ columns, rows }: Grid): string {
  const names = Object.keys(rows);
  const width = Math.max(...names.map((name) => name.length));
  const cell = (value: string, i: number) => value.padEnd(Math.max(columns[i].length, 6));
  return [
    `${''.padEnd(width)}  ${columns.map(cell).join(' ')}`,
    ...names.map((name) => `${name.padEnd(width)}  ${rows[name].map(cell).join(' ')}`),
  ].join('\n');
}
