import pg from 'pg';
import { createTestDatabase } from './test-database.js';

describe('createTestDatabase', () => {
  it('gives each caller its own empty database on a real PostgreSQL server', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    const client = new pg.Client({ connectionString: a.url });
    await client.connect();
    await client.query('CREATE TABLE only_in_a (id int)');
    await client.end();
    const other = new pg.Client({ connectionString: b.url });
    await other.connect();
    const { rows } = await other.query("SELECT to_regclass('only_in_a') AS t");
    await other.end();
    expect(rows[0].t).toBeNull();
    await a.drop();
    await b.drop();
  });
});
