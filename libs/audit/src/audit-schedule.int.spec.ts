import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { KurrentDbEventStore } from '#event-store';
import { createTestDatabase, plainEvent, type TestDatabase } from '#testing';
import { SimulatedKurrentDb } from '../../event-store/src/kurrentdb/simulated-kurrentdb.js';
import { AuditSchedule } from './audit-schedule.js';
import { SupervisorNotices } from './notices.js';

const CITY = '410100';

/**
 * The daily hash-chain check reads the chains through the store's `HashChainAudit` (issue 20.4), so it
 * works on KurrentDB too (here the simulated server): there a changed event does not break the chain
 * computed on read, and only the heads the previous check saved reveal it — which is why the check
 * saves them when all is well and keeps them when it is not.
 */
describe('the daily audit check on a KurrentDB event store', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let server: SimulatedKurrentDb;
  let store: KurrentDbEventStore;
  let dataDir: string;
  let notices: SupervisorNotices;
  let schedule: AuditSchedule;
  let now: Date;

  beforeEach(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    notices = new SupervisorNotices(dataSource);
    await notices.ensureSchema();
    server = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(server);
    dataDir = mkdtempSync(join(tmpdir(), 'casework-audit-'));
    now = new Date('2026-03-02T01:00:00Z');
    schedule = new AuditSchedule({ chains: store, headsFile: join(dataDir, 'stream-heads.json'), notices, rootUnitId: CITY, clock: () => now });
  });

  afterEach(async () => {
    await schedule.stop();
    await store.close();
    await dataSource.destroy();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('saves the heads when the chains are intact, and the next day finds an event changed underneath the server against them', async () => {
    await store.appendToStream('complaint-a', [plainEvent('A'), plainEvent('B'), plainEvent('C')], 'no_stream');
    await store.appendToStream('complaint-b', [plainEvent('A')], 'no_stream');

    const first = await schedule.runOnce();

    expect(first).toMatchObject({ streams: 2, events: 4, problems: [], headsChecked: 0 });
    const saved = readFileSync(join(dataDir, 'stream-heads.json'), 'utf8');
    expect(JSON.parse(saved).heads.map((head: { streamId: string }) => head.streamId)).toEqual(['complaint-a', 'complaint-b']);

    server.rewriteStoredEvent('complaint-a', 1, { changed: true });
    now = new Date('2026-03-03T01:00:00Z');
    const second = await schedule.runOnce();

    expect(second.problems).toEqual([{ streamId: 'complaint-a', revision: 2, problem: 'altered' }]);
    expect(second.headsChecked).toBe(2);
    const told = await notices.forUnits([CITY], '00000000-0000-4000-8000-000000000001');
    expect(told.map((notice) => notice.kind)).toEqual(['audit_chain_broken']);
    expect(told[0].body).toContain('complaint-a');
    // The heads are kept as they were, so every later check fails too until someone looks.
    expect(readFileSync(join(dataDir, 'stream-heads.json'), 'utf8')).toBe(saved);
  });
});
