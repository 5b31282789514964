import type { TableSection } from './backup-format.js';
import { quoteIdent, quoteTable, type SqlClient } from './durable-tables.js';

/** One statement per batch: each column's text values as an array, cast back to the column's type. */
export async function insertRows(client: SqlClient, section: TableSection, rows: readonly (readonly (string | null)[])[]): Promise<void> {
  const columns = section.columns;
  const names = columns.map((c) => quoteIdent(c.name)).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const casts = columns.map((c, i) => `c${i}::${c.type}`).join(', ');
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  await client.query(
    `INSERT INTO ${quoteTable(section.table)} (${names}) OVERRIDING SYSTEM VALUE SELECT ${casts} FROM unnest(${arrays}) AS u(${aliases})`,
    columns.map((_, i) => rows.map((row) => row[i])),
  );
}
