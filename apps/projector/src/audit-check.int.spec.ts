import { KurrentDbEventStore, PostgresEventStore } from '#event-store';
import { createTestDatabase, plainEvent, type TestDatabase } from '#testing';
import { SimulatedKurrentDb } from '../../../libs/event-store/src/kurrentdb/simulated-kurrentdb.js';
import { auditEventStore, chainKeepingNote } from './audit-check.js';

/** `audit:verify`'s check through the hash-chain port, on each store it can be run against. */
describe("audit:verify's check of the event store", () => {
  describe('on PostgreSQL', () => {
    let db: TestDatabase;
    let store: PostgresEventStore;

    beforeEach(async () => {
      db = await createTestDatabase();
      store = await PostgresEventStore.connect({ connectionString: db.url, poolSize: 2 });
    });

    afterEach(async () => {
      await store.close();
      await db.drop();
    });

    it('finds the store intact, then names the event changed behind its back by SQL', async () => {
      await store.appendToStream('hotline-complaint-1', [plainEvent('ComplaintReceived'), plainEvent('ComplaintNoted'), plainEvent('ComplaintClosed')], 'no_stream');
      await store.appendToStream('wage-case-1', [plainEvent('WageCaseOpened')], 'no_stream');
      const clean = await auditEventStore(store);

      await store.pool.query(`UPDATE event_store.events SET data = '{"note": "改过"}' WHERE stream_id = 'hotline-complaint-1' AND stream_revision = 1`);
      const tampered = await auditEventStore(store, await store.readStreamHeads());

      expect(clean).toEqual({ report: { streams: 2, events: 4, problems: [] }, headProblems: [], intact: true });
      expect(tampered.intact).toBe(false);
      expect(tampered.report.problems).toEqual([{ streamId: 'hotline-complaint-1', revision: 1, problem: 'altered' }]);
      expect(chainKeepingNote(store)).toBeUndefined();
    });
  });

  describe('on KurrentDB (a simulated server)', () => {
    let server: SimulatedKurrentDb;
    let store: KurrentDbEventStore;

    beforeEach(() => {
      server = new SimulatedKurrentDb();
      store = new KurrentDbEventStore(server);
    });

    afterEach(() => store.close());

    it('finds the store intact against its saved heads, then names the stream whose event was changed underneath the server', async () => {
      await store.appendToStream('hotline-complaint-1', [plainEvent('ComplaintReceived'), plainEvent('ComplaintNoted'), plainEvent('ComplaintClosed')], 'no_stream');
      await store.appendToStream('wage-case-1', [plainEvent('WageCaseOpened')], 'no_stream');
      const heads = await store.readStreamHeads();
      const clean = await auditEventStore(store, heads);

      server.rewriteStoredEvent('hotline-complaint-1', 1, { note: '改过' });
      const withoutHeads = await auditEventStore(store);
      const tampered = await auditEventStore(store, heads);

      expect(clean).toEqual({ report: { streams: 2, events: 4, problems: [] }, headProblems: [], intact: true });
      // Computed when read: the chain alone cannot see a changed event, which the note says.
      expect(withoutHeads.intact).toBe(true);
      expect(chainKeepingNote(store)).toContain('--check-heads');
      expect(tampered).toEqual({
        report: { streams: 2, events: 4, problems: [] },
        headProblems: [{ streamId: 'hotline-complaint-1', revision: 2, problem: 'altered' }],
        intact: false,
      });
    });
  });
});
