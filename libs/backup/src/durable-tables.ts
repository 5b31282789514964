import type { TableColumn, TableSection } from './backup-format.js';

/** Runs SQL and answers the rows: a `pg` client (the backup's one transaction). */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** What the projections declare, as the backup needs it. */
export interface ProjectionTables {
  readonly name: string;
  readonly tables: readonly string[];
}

/**
 * The projections' bookkeeping: shared tables with a row per projection. Only the process managers'
 * rows are kept (their checkpoint says which commands they already gave); the read models' rows go
 * with their tables, rebuilt at restore.
 */
export const BOOKKEEPING_TABLES: Readonly<Record<string, string>> = {
  'public.projection_checkpoints': 'name',
  'public.projection_schema_versions': 'name',
  'public.projection_parked_events': 'projection',
  'public.projection_stream_revisions': 'name',
};

/**
 * Left out although not a read model: the Kafka relay's checkpoint is a position in this database's
 * log, meaningless in the restored one (positions are renumbered); a relay without it publishes the
 * log again from the start, which its consumers take as duplicates (they are idempotent). And the
 * record of the schema's migrations: the restoring release migrated the empty database itself, and
 * that record must say what it did (#migrations).
 */
export const LEFT_OUT_TABLES: readonly string[] = ['public.relay_checkpoints', 'public.schema_migrations'];

/**
 * Every table that cannot be rebuilt from the events: each base table of the database except the read
 * models' (as their projections declare them, in `public`), a rebuild in progress (`rebuild_*`), and
 * `LEFT_OUT_TABLES`. Columns in order, generated ones excluded (the server computes them again).
 */
export async function durableTables(db: SqlClient, readModels: readonly ProjectionTables[], processManagers: readonly string[]): Promise<TableSection[]> {
  const readModelTables = new Set(readModels.flatMap((projection) => projection.tables.map((table) => `public.${table}`)));
  const { rows } = await db.query<{ schema: string; name: string; columns: TableColumn[] }>(
    `SELECT n.nspname AS schema, c.relname AS name,
            json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT LIKE 'rebuild\\_%'
      GROUP BY n.nspname, c.relname
      ORDER BY n.nspname, c.relname`,
  );
  const sections = rows
    .map(({ schema, name, columns }) => ({ table: `${schema}.${name}`, columns }))
    .filter(({ table }) => !readModelTables.has(table) && !LEFT_OUT_TABLES.includes(table))
    .map((section) => (BOOKKEEPING_TABLES[section.table] ? { ...section, rowsOf: { column: BOOKKEEPING_TABLES[section.table], names: [...processManagers] } } : section));
  return referencedFirst(sections, await foreignKeys(db));
}

/** `[table, the table it references]` for every foreign key between two different tables. */
async function foreignKeys(db: SqlClient): Promise<[string, string][]> {
  const { rows } = await db.query<{ child: string; parent: string }>(
    `SELECT cn.nspname || '.' || c.relname AS child, pn.nspname || '.' || p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
  );
  return rows.map((row) => [row.child, row.parent]);
}

/**
 * The tables in an order a restore can load them in with every foreign key checked as it goes: a
 * table after those it references (users before their sessions), otherwise by name.
 */
function referencedFirst(sections: readonly TableSection[], keys: readonly [string, string][]): TableSection[] {
  const ordered: TableSection[] = [];
  const placed = new Set<string>();
  const visit = (section: TableSection, path: Set<string>) => {
    if (placed.has(section.table) || path.has(section.table)) return;
    path.add(section.table);
    for (const [child, parent] of keys) {
      const referenced = child === section.table ? sections.find((s) => s.table === parent) : undefined;
      if (referenced) visit(referenced, path);
    }
    placed.add(section.table);
    ordered.push(section);
  };
  for (const section of sections) visit(section, new Set());
  return ordered;
}

/** The primary key's columns (the order rows are written in, so the same data gives the same file). */
export async function primaryKeyOf(db: SqlClient, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.ord`,
    [quoteTable(table)],
  );
  return rows.map((row) => row.name);
}

/** Columns filled from a sequence (`serial`, identity): `[column, sequence]`. */
export async function sequencesOf(db: SqlClient, section: TableSection): Promise<{ column: string; sequence: string }[]> {
  const found: { column: string; sequence: string }[] = [];
  for (const { name } of section.columns) {
    const { rows } = await db.query<{ sequence: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS sequence', [quoteTable(section.table), name]);
    if (rows[0]?.sequence) found.push({ column: name, sequence: rows[0].sequence });
  }
  return found;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `schema.table` as SQL, each part quoted. */
export function quoteTable(table: string): string {
  const dot = table.indexOf('.');
  return `${quoteIdent(table.slice(0, dot))}.${quoteIdent(table.slice(dot + 1))}`;
}
