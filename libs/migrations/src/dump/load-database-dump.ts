import { withSession, type MigrationTarget } from '../sql-session.js';

/** Runs a text of `dumpDatabase` into an empty database, in one transaction: all of it, or nothing. */
export async function loadDatabaseDump(target: MigrationTarget, sql: string): Promise<void> {
  await withSession(target, async (session) => {
    await session.query('BEGIN');
    try {
      await session.query(sql);
      await session.query('COMMIT');
    } catch (error) {
      await session.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await session.query('RESET ALL').catch(() => undefined);
    }
  });
}
