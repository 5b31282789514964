/**
 * What a database records of its migrations: one row per migration applied, with the checksum of the
 * SQL as it was run. Created by the runner itself (under the schema lock), never by a migration.
 */
export const SCHEMA_MIGRATIONS_SQL = `
CREATE TABLE IF NOT EXISTS public.schema_migrations (
  version integer PRIMARY KEY CHECK (version > 0),
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);`;

export const SCHEMA_MIGRATIONS_TABLE = 'public.schema_migrations';
