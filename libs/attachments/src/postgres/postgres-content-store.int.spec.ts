import pg from 'pg';
import { createTestDatabase } from '#testing';
import { contentStoreContract } from '../content-store.contract.js';
import { poolContentDatabase } from './content-database.js';
import { PostgresContentStore } from './postgres-content-store.js';

contentStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const store = await PostgresContentStore.open(poolContentDatabase(pool));
  return {
    store,
    async close() {
      await pool.end();
      await db.drop();
    },
  };
});
