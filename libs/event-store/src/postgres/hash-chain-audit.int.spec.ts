import { createTestDatabase, type TestDatabase } from '#testing';
import { canAuditHashChains } from '../hash-chain-audit.port.js';
import { aStreamId, someNewEvents } from '../testing/event-fixtures.js';
import { PostgresEventStore } from './postgres-event-store.js';

/** The PostgreSQL store through the audit port: the same findings as the SQL functions it wraps (hash-chain.int.spec.ts). */
describe('the PostgreSQL store audited through the hash-chain port', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url, poolSize: 2 });
  });

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('offers the audit, with the chain stored at each append', () => {
    expect(canAuditHashChains(store)).toBe(true);
    expect(store.chainKeeping).toBe('stored');
  });

  it('names an event changed by SQL as altered, without any saved head, and the saved head after it as altered too', async () => {
    const streamId = aStreamId();
    await store.appendToStream(streamId, someNewEvents(4), 'no_stream');
    await store.appendToStream(aStreamId(), someNewEvents(2), 'no_stream');
    const saved = await store.readStreamHeads();

    await store.pool.query(`UPDATE event_store.events SET data = '{"index": 99}' WHERE stream_id = $1 AND stream_revision = 1`, [streamId]);

    expect(await store.verifyHashChains()).toEqual({ streams: 2, events: 6, problems: [{ streamId, revision: 1, problem: 'altered' }] });
    expect(await store.verifyHashChains(streamId)).toEqual({ streams: 1, events: 4, problems: [{ streamId, revision: 1, problem: 'altered' }] });
    // The stored hashes were left alone, so the head still matches: the chain is what caught it.
    expect(await store.checkStreamHeads(saved)).toEqual([]);
  });

  it('names the revisions deleted by SQL as removed, and the saved head they took along', async () => {
    const streamId = aStreamId();
    await store.appendToStream(streamId, someNewEvents(3), 'no_stream');
    const saved = await store.readStreamHeads();

    await store.pool.query('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 2', [streamId]);

    expect((await store.verifyHashChains()).problems).toEqual([{ streamId, revision: 2, problem: 'removed' }]);
    expect(await store.checkStreamHeads(saved)).toEqual([{ streamId, revision: 2, problem: 'removed' }]);
  });
});
