import type { DataSource } from 'typeorm';
import { SCHEMA_LOCK } from '#migrations';

/**
 * Runs DDL while holding a session-level advisory lock: `CREATE TABLE IF NOT EXISTS` is not safe when
 * two processes run it at the same moment (both may try to create the table's type and one fails), and
 * the processes of the distributed runtime start together.
 */
export async function createSchemaOnce(dataSource: DataSource, sql: string, then?: () => Promise<void>): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    try {
      await runner.query(sql);
      await then?.();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
