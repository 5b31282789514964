import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { aStreamId, someNewEvents } from '../testing/event-fixtures.js';
import { appendToStream } from './append-to-stream.js';
import { ensureSchema } from './schema.js';
import { checkStreamHeads, readStreamHeads } from './stream-heads.js';
import { verifyHashChains } from './verify-hash-chains.js';

/** What the chain alone cannot catch, and the heads kept outside the database can. */
describe('stream heads kept outside the database', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeEach(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    // An idle client the server ends (another file's database dropped with FORCE on the shared server) is not this test's failure.
    pool.on('error', () => undefined);
    await ensureSchema(pool);
  });

  afterEach(async () => {
    await pool.end();
    await database.drop();
  });

  async function aStreamOf(count: number): Promise<string> {
    const streamId = aStreamId();
    await appendToStream(pool, streamId, someNewEvents(count), 'no_stream');
    return streamId;
  }

  /** What someone with write access to the database can do: change an event and recompute the chain after it. */
  async function rewriteWithChain(streamId: string, revision: number, last: number): Promise<void> {
    await pool.query(`UPDATE event_store.events SET data = '{"index": 99}' WHERE stream_id = $1 AND stream_revision = $2`, [streamId, revision]);
    for (let r = revision; r <= last; r++) {
      await pool.query(
        `UPDATE event_store.events e SET hash = sha256(
           coalesce((SELECT p.hash FROM event_store.events p WHERE p.stream_id = e.stream_id AND p.stream_revision = e.stream_revision - 1), event_store.genesis_hash(e.stream_id))
           || event_store.event_bytes(e.stream_id, e.stream_revision, e.event_id, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at))
         WHERE e.stream_id = $1 AND e.stream_revision = $2`,
        [streamId, r],
      );
    }
  }

  it('reads the head of every stream: its last revision and that event\'s hash', async () => {
    const three = await aStreamOf(3);
    const one = await aStreamOf(1);

    const heads = await readStreamHeads(pool);

    expect(heads.map(({ streamId, revision }) => ({ streamId, revision })).sort((a, b) => (a.streamId < b.streamId ? -1 : 1))).toEqual(
      [{ streamId: three, revision: 2 }, { streamId: one, revision: 0 }].sort((a, b) => (a.streamId < b.streamId ? -1 : 1)),
    );
    for (const head of heads) expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkStreamHeads(pool, heads)).toEqual([]);
  });

  it('still matches after the streams have grown', async () => {
    const streamId = await aStreamOf(2);
    const heads = await readStreamHeads(pool);
    await appendToStream(pool, streamId, someNewEvents(3), 1);

    expect(await checkStreamHeads(pool, heads)).toEqual([]);
  });

  it('catches a stream rewritten together with its chain, which verification alone passes', async () => {
    const streamId = await aStreamOf(4);
    const heads = await readStreamHeads(pool);
    await rewriteWithChain(streamId, 1, 3);

    expect((await verifyHashChains(pool)).problems).toEqual([]);
    expect(await checkStreamHeads(pool, heads)).toEqual([{ streamId, revision: 3, problem: 'altered' }]);
  });

  it('catches the last events cut off together with the stream\'s revision', async () => {
    const streamId = await aStreamOf(4);
    const heads = await readStreamHeads(pool);
    await pool.query('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision >= 2', [streamId]);
    await pool.query('UPDATE event_store.streams SET revision = 1 WHERE stream_id = $1', [streamId]);

    expect((await verifyHashChains(pool)).problems).toEqual([]);
    expect(await checkStreamHeads(pool, heads)).toEqual([{ streamId, revision: 3, problem: 'removed' }]);
  });
});
