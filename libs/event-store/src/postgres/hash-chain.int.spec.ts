import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { aNewEvent, aStreamId, someNewEvents } from '../testing/event-fixtures.js';
import { appendToStream } from './append-to-stream.js';
import { appendToStreams } from './append-to-streams.js';
import { ensureSchema } from './schema.js';
import { verifyHashChains } from './verify-hash-chains.js';

/** Each test tampers with its own database, so every report can be compared whole. */
describe('the hash chain of every stream', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeEach(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // An idle client the server ends (another file's database dropped with FORCE on the shared server) is not this test's failure.
    pool.on('error', () => undefined);
    await ensureSchema(pool);
  });

  afterEach(async () => {
    await pool.end();
    await database.drop();
  });

  /** A stream of `count` events written in appends of one, a batch, and one with expectation 'any'. */
  async function aStreamOf(count: number): Promise<string> {
    const streamId = aStreamId();
    await appendToStream(pool, streamId, someNewEvents(1), 'no_stream');
    if (count > 2) await appendToStream(pool, streamId, someNewEvents(count - 2), 0);
    if (count > 1) await appendToStream(pool, streamId, someNewEvents(1), 'any');
    return streamId;
  }

  const tamper = (sql: string, streamId: string, revision: number) => pool.query(sql, [streamId, revision]);
  const WHERE = 'WHERE stream_id = $1 AND stream_revision = $2';

  it('verifies an untouched database clean, counting its streams and events', async () => {
    await aStreamOf(5);
    await aStreamOf(1);
    const retried = aStreamId();
    const events = someNewEvents(3);
    await appendToStream(pool, retried, events, 'no_stream');
    await appendToStream(pool, retried, events, 'no_stream');

    expect(await verifyHashChains(pool)).toEqual({ streams: 3, events: 9, problems: [] });
  });

  it('chains streams created together in one write (the set-based path) from their genesis hashes, in the log in order of parts and events', async () => {
    const appends = [aStreamId(), aStreamId(), aStreamId()].map((streamId, index) => ({ streamId, events: someNewEvents(index + 2), expected: 'no_stream' as const }));
    await appendToStreams(pool, appends);
    // Each stream goes on after the write as after any other append.
    await appendToStream(pool, appends[1].streamId, someNewEvents(1), 2);

    expect(await verifyHashChains(pool)).toEqual({ streams: 3, events: 10, problems: [] });
    const { rows } = await pool.query<{ stream_id: string; stream_revision: string; event_id: string }>(
      'SELECT stream_id, stream_revision, event_id FROM event_store.events ORDER BY transaction_id, global_position');
    expect(rows.slice(0, 9).map((row) => row.event_id)).toEqual(appends.flatMap(({ events }) => events.map((event) => event.eventId)));
    expect(rows.slice(0, 9).map((row) => Number(row.stream_revision))).toEqual([0, 1, 0, 1, 2, 0, 1, 2, 3]);
    const times = await pool.query<{ ok: boolean }>(
      'SELECT bool_and(recorded_at >= prev) AS ok FROM (SELECT recorded_at, lag(recorded_at) OVER (PARTITION BY stream_id ORDER BY stream_revision) AS prev FROM event_store.events) t WHERE prev IS NOT NULL');
    expect(times.rows[0].ok).toBe(true);
  });

  it('verifies an empty store clean', async () => {
    expect(await verifyHashChains(pool)).toEqual({ streams: 0, events: 0, problems: [] });
  });

  it('stores a 32-byte hash with every event, each different', async () => {
    const streamId = await aStreamOf(4);
    const { rows } = await pool.query('SELECT encode(hash, $2) AS hash FROM event_store.events WHERE stream_id = $1', [streamId, 'hex']);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => row.hash)).size).toBe(4);
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the stream and revision whose data was changed by SQL', async () => {
    const streamId = await aStreamOf(5);
    const untouched = await aStreamOf(3);
    await tamper(`UPDATE event_store.events SET data = jsonb_set(data, '{index}', '7') ${WHERE}`, streamId, 2);

    const report = await verifyHashChains(pool);

    expect(report.problems).toEqual([{ streamId, revision: 2, problem: 'altered' }]);
    expect(report.problems.map((p) => p.streamId)).not.toContain(untouched);
  });

  it('names a middle event deleted by SQL as removed', async () => {
    const streamId = await aStreamOf(5);
    await tamper(`DELETE FROM event_store.events ${WHERE}`, streamId, 2);

    expect(await verifyHashChains(pool)).toEqual({ streams: 1, events: 4, problems: [{ streamId, revision: 2, problem: 'removed' }] });
  });

  it('names the last events deleted by SQL, and a stream emptied entirely', async () => {
    const truncated = await aStreamOf(5);
    const emptied = await aStreamOf(2);
    await pool.query('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision >= 3', [truncated]);
    await pool.query('DELETE FROM event_store.events WHERE stream_id = $1', [emptied]);

    const { problems } = await verifyHashChains(pool);

    expect(problems).toEqual(expect.arrayContaining([
      { streamId: truncated, revision: 3, problem: 'removed' },
      { streamId: truncated, revision: 4, problem: 'removed' },
      { streamId: emptied, revision: 0, problem: 'removed' },
      { streamId: emptied, revision: 1, problem: 'removed' },
    ]));
    expect(problems).toHaveLength(4);
  });

  it('checks one stream alone when asked for it: its own altered or emptied events, nothing of the others', async () => {
    const altered = await aStreamOf(4);
    const emptied = await aStreamOf(2);
    const clean = await aStreamOf(3);
    await tamper(`UPDATE event_store.events SET data = jsonb_set(data, '{index}', '7') ${WHERE}`, altered, 1);
    await pool.query('DELETE FROM event_store.events WHERE stream_id = $1', [emptied]);

    expect(await verifyHashChains(pool, altered)).toEqual({ streams: 1, events: 4, problems: [{ streamId: altered, revision: 1, problem: 'altered' }] });
    expect(await verifyHashChains(pool, emptied)).toEqual({
      streams: 1, events: 0,
      problems: [{ streamId: emptied, revision: 0, problem: 'removed' }, { streamId: emptied, revision: 1, problem: 'removed' }],
    });
    expect(await verifyHashChains(pool, clean)).toEqual({ streams: 1, events: 3, problems: [] });
    expect(await verifyHashChains(pool, aStreamId())).toEqual({ streams: 0, events: 0, problems: [] });
  });

  it('names each of several events changed one after another', async () => {
    const streamId = await aStreamOf(5);
    await pool.query(`UPDATE event_store.events SET data = '{}' WHERE stream_id = $1 AND stream_revision IN (1, 2, 4)`, [streamId]);

    expect((await verifyHashChains(pool)).problems.map((p) => p.revision)).toEqual([1, 2, 4]);
  });

  it('catches who, when and why being rewritten, not only what', async () => {
    const streamId = await aStreamOf(4);
    await tamper(`UPDATE event_store.events SET metadata = jsonb_set(metadata, '{actor,orgUnitId}', '"410100"') ${WHERE}`, streamId, 1);
    await tamper(`UPDATE event_store.events SET recorded_at = recorded_at - interval '1 microsecond' ${WHERE}`, streamId, 3);

    expect((await verifyHashChains(pool)).problems).toEqual([
      { streamId, revision: 1, problem: 'altered' },
      { streamId, revision: 3, problem: 'altered' },
    ]);
  });

  it('catches an edit whose own hash was recomputed at the next event, which no longer follows', async () => {
    const streamId = await aStreamOf(4);
    await tamper(
      `UPDATE event_store.events e SET data = '{"index": 99}',
         hash = sha256((SELECT p.hash FROM event_store.events p WHERE p.stream_id = e.stream_id AND p.stream_revision = e.stream_revision - 1)
                || event_store.event_bytes(e.stream_id, e.stream_revision, e.event_id, e.event_type, e.schema_version, '{"index": 99}', e.metadata, e.recorded_at))
       ${WHERE.replace('stream_id', 'e.stream_id').replace('stream_revision', 'e.stream_revision')}`,
      streamId,
      1,
    );

    expect((await verifyHashChains(pool)).problems).toEqual([{ streamId, revision: 2, problem: 'altered' }]);
  });

  it('names two events that swapped places as reordered', async () => {
    const streamId = await aStreamOf(4);
    for (const [from, to] of [[1, -2], [2, 1], [-2, 2]]) {
      await pool.query('UPDATE event_store.events SET stream_revision = $3 WHERE stream_id = $1 AND stream_revision = $2', [streamId, from, to]);
    }

    expect((await verifyHashChains(pool)).problems).toEqual([
      { streamId, revision: 1, problem: 'reordered' },
      { streamId, revision: 2, problem: 'reordered' },
    ]);
  });

  it('names an event written past the stream revision the store handed out as inserted', async () => {
    const streamId = await aStreamOf(2);
    const forged = aNewEvent();
    await pool.query(
      `INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, hash)
       VALUES ($1, 2, $2, $3, 1, '{}', $4, sha256('x'))`,
      [streamId, forged.eventId, forged.type, JSON.stringify(forged.metadata)],
    );

    expect((await verifyHashChains(pool)).problems).toEqual([{ streamId, revision: 2, problem: 'inserted' }]);
  });

  it('refuses an event written without a hash', async () => {
    const forged = aNewEvent();
    const insert = pool.query(
      `INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata)
       VALUES ($1, 0, $2, $3, 1, '{}', $4)`,
      [aStreamId(), forged.eventId, forged.type, JSON.stringify(forged.metadata)],
    );
    await expect(insert).rejects.toMatchObject({ code: '23502', column: 'hash' });
  });
});
