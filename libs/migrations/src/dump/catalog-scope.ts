/** SQL condition on a `pg_namespace` alias `n`: the schemas of the system, not PostgreSQL's own. */
export const USER_SCHEMA = (n: string) => `${n}.nspname NOT IN ('pg_catalog', 'information_schema') AND ${n}.nspname NOT LIKE 'pg\\_%'`;

/** `schema.name`, each part quoted as needed, from a `pg_namespace` alias and a name column. */
export const QUALIFIED = (n: string, name: string) => `quote_ident(${n}.nspname) || '.' || quote_ident(${name})`;

/** What this dumper cannot write: it says so rather than leave it out of a dump. */
export class UnsupportedObject extends Error {
  override readonly name = 'UnsupportedObject';
}
