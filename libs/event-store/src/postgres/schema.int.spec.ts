import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { aStreamId, someNewEvents } from '../testing/event-fixtures.js';
import { appendToStream } from './append-to-stream.js';
import { ensureSchema } from './schema.js';

describe('ensureSchema', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // An idle connection ended by the server is dropped by the pool; a query that needs it fails on its own.
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('can run from several processes at once and again at every start, keeping what was stored', async () => {
    await Promise.all([ensureSchema(pool), ensureSchema(pool), ensureSchema(pool)]);
    const streamId = aStreamId();
    await appendToStream(pool, streamId, someNewEvents(2), 'no_stream');

    await ensureSchema(pool);

    const { rows } = await pool.query('SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1', [streamId]);
    expect(rows[0].n).toBe(2);
  });

  it('indexes the log in (transaction_id, global_position) order', async () => {
    await ensureSchema(pool);

    const { rows } = await pool.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'event_store' AND indexname = 'events_log_order_pkey'`);

    expect(rows[0].indexdef).toMatch(/\(transaction_id, global_position\)/);
  });
});
