import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { aStreamId, someNewEvents } from '../testing/event-fixtures.js';
import { appendToStream } from './append-to-stream.js';
import { ensureSchema } from './schema.js';
import { verifyHashChains } from './verify-hash-chains.js';

describe('upgrading a store written before the hash chain', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // An idle client the server ends (another file's database dropped with FORCE on the shared server) is not this test's failure.
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  const hashes = async () =>
    (await pool.query(`SELECT stream_id, stream_revision, encode(hash, 'hex') AS hash FROM event_store.events ORDER BY stream_id, stream_revision`)).rows;

  it('chains the old events once, exactly as appends chain them, and appends carry on from there', async () => {
    await ensureSchema(pool);
    const first = aStreamId();
    const second = aStreamId();
    await appendToStream(pool, first, someNewEvents(3), 'no_stream');
    await appendToStream(pool, first, someNewEvents(2), 2);
    await appendToStream(pool, second, someNewEvents(4), 'no_stream');
    const chainedByAppends = await hashes();
    await pool.query('ALTER TABLE event_store.events DROP COLUMN hash'); // the table as an older version left it

    await Promise.all([ensureSchema(pool), ensureSchema(pool)]);

    expect(await hashes()).toEqual(chainedByAppends);
    await appendToStream(pool, first, someNewEvents(2), 4);
    await appendToStream(pool, second, someNewEvents(1), 'any');
    expect(await verifyHashChains(pool)).toEqual({ streams: 2, events: 12, problems: [] });
  });

  it('changes nothing and takes no table lock at later starts', async () => {
    const before = await hashes();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE event_store.events IN ROW EXCLUSIVE MODE'); // an append in flight
      await expect(ensureSchema(pool)).resolves.toBeUndefined();
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await hashes()).toEqual(before);
  });
});
