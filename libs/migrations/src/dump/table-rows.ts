import type { SqlSession } from '../sql-session.js';
import { QUALIFIED, USER_SCHEMA } from './catalog-scope.js';

const ROWS_PER_INSERT = 100;

/** A value as a SQL literal: its text form, which the column's type reads back on INSERT. */
export function literal(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`;
}

/**
 * Every row of every table as INSERT statements, each value in its text form (the session has UTC,
 * ISO dates and exact floats, so the text reads back to the same value), table by table in name order
 * and rows in primary-key order, so the same data gives the same text. Generated columns are left to
 * the server. Then each sequence where it stood. Read in one snapshot, the caller's transaction.
 */
export async function* dataStatements(session: SqlSession): AsyncGenerator<string> {
  await session.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3");
  const tables = await session.query<{ oid: number; name: string }>(
    `SELECT c.oid, ${QUALIFIED('n', 'c.relname')} AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND ${USER_SCHEMA('n')} ORDER BY 2`,
  );
  for (const table of tables) yield* rowsOf(session, table);
  yield* sequenceValues(session);
}

async function* rowsOf(session: SqlSession, table: { oid: number; name: string }): AsyncGenerator<string> {
  const columns = (await session.query<{ name: string }>(
    `SELECT quote_ident(attname) AS name FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [table.oid],
  )).map((c) => c.name);
  const order = await primaryKeyOf(session, table.oid);
  const rows = await session.query<{ v: (string | null)[] }>(
    `SELECT ARRAY[${columns.map((c) => `${c}::text`).join(', ')}] AS v FROM ${table.name} ORDER BY ${(order.length > 0 ? order : columns).join(', ')}`,
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const values = rows.slice(start, start + ROWS_PER_INSERT).map((row) => `(${row.v.map(literal).join(', ')})`);
    yield `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES\n${values.join(',\n')};`;
  }
}

async function primaryKeyOf(session: SqlSession, table: number): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `SELECT quote_ident(a.attname) AS name FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = $1 AND i.indisprimary ORDER BY k.ord`,
    [table],
  );
  return rows.map((row) => row.name);
}

async function* sequenceValues(session: SqlSession): AsyncGenerator<string> {
  const sequences = await session.query<{ name: string }>(
    `SELECT ${QUALIFIED('n', 'c.relname')} AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND ${USER_SCHEMA('n')} ORDER BY 1`,
  );
  for (const { name } of sequences) {
    const [state] = await session.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${name}`);
    yield `SELECT pg_catalog.setval(${literal(name)}, ${state!.last_value}, ${state!.is_called});`;
  }
}
