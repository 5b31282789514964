import { createTestDatabase, type TestDatabase } from '#testing';
import { migrateDurableSchema } from '../migrate-durable-schema.js';
import { withSession } from '../sql-session.js';
import { UnsupportedObject } from './catalog-scope.js';
import { dumpDatabase } from './dump-database.js';
import { loadDatabaseDump } from './load-database-dump.js';

/** The dump without its first lines (source, time) and the transaction counter it asks for. */
const body = (dump: string) => dump.split('\n').slice(2).join('\n').replace(/v_missing bigint := \d+/, 'v_missing bigint := N');

const AWKWARD_TEXT = "it's a \\ backslash,\na new line, 引号“”, and '' two quotes";

describe('dumpDatabase and loadDatabaseDump', () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };

  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('give back the same schema and data: a dump of the loaded copy is the same text', async () => {
    const source = await fresh();
    await migrateDurableSchema(source.url);
    await withSession(source.url, async (session) => {
      await session.query("SELECT event_store.append_to_stream('hotline-complaint-1', -1, $1::jsonb)", [
        JSON.stringify([{ eventId: '00000000-0000-4000-8000-000000000001', type: 'ComplaintReceived', schemaVersion: 1, data: { text: AWKWARD_TEXT, fen: 12_345 }, metadata: { actor: 'a' } }]),
      ]);
      await session.query("INSERT INTO system_settings (key, value) VALUES ('awkward', $1)", [AWKWARD_TEXT]);
      await session.query("INSERT INTO keystore.data_keys (subject, wrapped_key, master_key_id) VALUES ('00000000-0000-4000-8000-000000000002', '\\x00ff10', 'k1')");
      await session.query("INSERT INTO login_throttle (username_key, recent_failures) VALUES ('h', ARRAY['2026-12-01T08:00:00.123456Z'::timestamptz, '2026-12-01T09:00:00Z'])");
      await session.query("INSERT INTO identity_audit (at, action, target_kind, target_id, details, unit_ids) VALUES (now(), 'user_created', 'user', 'u', '{\"a\": [1, null]}', '{410105,\"a,b\"}')");
    });
    const dump = await dumpDatabase(source.url, 'a test');
    const copy = await fresh();
    await loadDatabaseDump(copy.url, dump);
    const again = await dumpDatabase(copy.url, 'a test');
    expect(body(again)).toEqual(body(dump));
    expect(dump).toContain('INSERT INTO event_store.events');
    const [row] = await withSession(copy.url, (session) => session.query<{ value: string }>("SELECT value FROM public.system_settings WHERE key = 'awkward'"));
    expect(row!.value).toBe(AWKWARD_TEXT);
  });

  it('moves the loading cluster’s transaction counter past the source’s, so the copied log positions lie in its past', async () => {
    const source = await fresh();
    await migrateDurableSchema(source.url);
    const dump = await dumpDatabase(source.url);
    const [{ next }] = (await withSession(source.url, (s) => s.query<{ next: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next'))) as [{ next: string }];
    // As if the source had used 300 more transactions than this cluster has.
    const ahead = BigInt(next) + 300n;
    const copy = await fresh();
    await loadDatabaseDump(copy.url, dump.replace(/v_missing bigint := \d+/, `v_missing bigint := ${ahead}`));
    // (Other test files share the cluster, so its oldest transaction in flight is not ours to assert on.)
    const [{ xid }] = (await withSession(copy.url, (s) => s.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid'))) as [{ xid: string }];
    expect(BigInt(xid)).toBeGreaterThan(ahead);
  });

  it('stops at a kind of object it does not write, naming it', async () => {
    const source = await fresh();
    await withSession(source.url, (session) => session.query('CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t'));
    const error = await dumpDatabase(source.url).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedObject);
    expect((error as Error).message).toContain('views, materialized views, foreign or partitioned tables the dumper does not write: public.v');
  });

  it('loads all or nothing', async () => {
    const copy = await fresh();
    await expect(loadDatabaseDump(copy.url, 'CREATE TABLE kept (a int); SELECT 1 / 0;')).rejects.toThrow('division by zero');
    const [row] = await withSession(copy.url, (s) => s.query<{ t: string | null }>("SELECT to_regclass('public.kept')::text AS t"));
    expect(row!.t).toBeNull();
  });
});
