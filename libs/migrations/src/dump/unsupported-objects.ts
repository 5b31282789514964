import type { SqlSession } from '../sql-session.js';
import { UnsupportedObject, USER_SCHEMA } from './catalog-scope.js';

/**
 * Kinds of object this system does not use and the dumper therefore does not write: found, the dump
 * stops and names them, rather than leaving them out silently. Teach the dumper the kind when the
 * schema starts using one.
 */
const CHECKS: readonly { readonly what: string; readonly sql: string }[] = [
  { what: 'views, materialized views, foreign or partitioned tables', sql: `SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm', 'f', 'p') AND ${USER_SCHEMA('n')}` },
  { what: 'types, enums and domains', sql: `SELECT t.oid::regtype::text AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE ${USER_SCHEMA('n')} AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')))` },
  { what: 'extensions besides plpgsql', sql: `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql'` },
  { what: 'row-level security policies', sql: `SELECT polname AS name FROM pg_policy` },
  { what: 'rules', sql: `SELECT r.rulename AS name FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND ${USER_SCHEMA('n')}` },
  { what: 'inherited tables', sql: `SELECT inhrelid::regclass::text AS name FROM pg_inherits` },
];

export async function checkNothingUnsupported(session: SqlSession): Promise<void> {
  for (const { what, sql } of CHECKS) {
    const rows = await session.query<{ name: string }>(sql);
    if (rows.length > 0) throw new UnsupportedObject(`The database has ${what} the dumper does not write: ${rows.map((r) => r.name).join(', ')}`);
  }
}
