import type pg from 'pg';
import { APPEND_FUNCTIONS_SQL } from './append-function.sql.js';
import { HASH_CHAIN_FUNCTIONS_SQL, HASH_CHAIN_UPGRADE_SQL } from './hash-chain.sql.js';
import { TABLES_SQL } from './tables.sql.js';

/** Any constant the processes sharing a database agree on: serialises concurrent schema set-ups. */
const SCHEMA_LOCK_KEY = 0x6576_7374; // "evst"

/** Creates or updates the event store's tables and functions; safe to run at every start, from many processes at once. */
export async function ensureSchema(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    await client.query(TABLES_SQL);
    await client.query(HASH_CHAIN_FUNCTIONS_SQL);
    await client.query(APPEND_FUNCTIONS_SQL);
    await client.query(HASH_CHAIN_UPGRADE_SQL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
