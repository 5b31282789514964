import type pg from 'pg';
import type { ContentDatabase } from './postgres-content-store.js';

/** A `pg` pool as the content store's database. */
export function poolContentDatabase(pool: pg.Pool): ContentDatabase {
  return {
    query: async <Row>(text: string, values?: unknown[]) => (await pool.query(text, values)).rows as Row[],
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(async <Row>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as Row[]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
