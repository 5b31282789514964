/**
 * The backup's own rules, on real PostgreSQL: what it takes and leaves, the order a restore loads
 * tables in, and the events' new positions — the log order kept even where a transaction that began
 * first committed an event with a later sequence number, and a process manager's checkpoint moved to
 * the same event.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { ensureSchema } from '#event-store';
import { CHECKPOINTS_SCHEMA_SQL } from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { BackupRefused, loadBackup, verifyBackupFile, writeBackup } from './index.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS public.units (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS public.accounts (id bigserial PRIMARY KEY, unit text NOT NULL REFERENCES public.units(id), joined timestamptz NOT NULL, note jsonb);
CREATE TABLE IF NOT EXISTS public.case_view (id text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS public.scratch (n int);
${CHECKPOINTS_SCHEMA_SQL}`;

const insertEvent = (db: pg.Pool | pg.PoolClient, stream: string) =>
  db.query(
    `INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, hash)
     VALUES ($1, 0, $2, 'Happened', 1, '{"n": 1}', '{}', '\\x00') RETURNING event_id::text AS id, transaction_id::text AS commit, global_position::text AS prepare`,
    [stream, randomUUID()],
  );

describe('a backup loaded into another database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casework-backup-int-'));
  const file = join(dir, 'one.backup.gz');
  let source: TestDatabase;
  let target: TestDatabase;
  let from: pg.Pool;
  let into: pg.Pool;
  const ids: { early?: string; late?: string } = {};

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    from = new pg.Pool({ connectionString: source.url });
    into = new pg.Pool({ connectionString: target.url });
    for (const pool of [from, into]) {
      await ensureSchema(pool);
      await pool.query(SCHEMA);
    }
    await from.query("INSERT INTO units VALUES ('410100', '郑州市总工会'), ('410105', '金水区总工会')");
    await from.query(`INSERT INTO accounts (unit, joined, note) VALUES ('410105', '2026-11-25T09:00:00.123456+08:00', '{"为什么": "测试"}'), ('410100', now(), NULL)`);
    await from.query("INSERT INTO case_view VALUES ('only a read model')");

    // A transaction takes its id first and appends last: its event is first in the log, with the later sequence number.
    const early = await from.connect();
    await early.query('BEGIN');
    await early.query('INSERT INTO scratch VALUES (1)');
    const late = (await insertEvent(from, 'hotline-complaint-b')).rows[0];
    const first = (await insertEvent(early, 'hotline-complaint-a')).rows[0];
    await early.query('COMMIT');
    early.release();
    expect(BigInt(first.commit)).toBeLessThan(BigInt(late.commit));
    expect(BigInt(first.prepare)).toBeGreaterThan(BigInt(late.prepare));
    ids.early = first.id;
    ids.late = late.id;
    // The process manager has handled the first event of the log only; the read model all of it.
    await from.query("INSERT INTO projection_checkpoints (name, commit_position, prepare_position) VALUES ('repeat-calls', $1, $2), ('case-view', $3, $4)", [first.commit, first.prepare, late.commit, late.prepare]);

    // The target as the system's start leaves it: its own rows, to be replaced.
    await into.query("INSERT INTO units VALUES ('999999', '启动时写入')");
    await writeBackup(from, { file, keyFingerprint: 'hmac-sha256:test', masterKeyId: 'test', readModels: [{ name: 'case-view', tables: ['case_view'] }], processManagers: ['repeat-calls'], now: new Date() });
  }, 60_000);

  afterAll(async () => {
    await from?.end();
    await into?.end();
    await source?.drop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every durable table with its rows, and leaves out the read models and their checkpoints', async () => {
    const manifest = await verifyBackupFile(file);
    const tables = Object.fromEntries(manifest.tables.map((t) => [t.table, t.rows]));
    expect(tables).toMatchObject({ 'public.units': 2, 'public.accounts': 2, 'event_store.events': 2, 'public.projection_checkpoints': 1 });
    expect(Object.keys(tables)).not.toContain('public.case_view');
    expect(manifest.leftOut).toEqual({ readModels: ['case-view'], tables: ['public.case_view'] });
    // Referenced tables come first, so a restore checks every foreign key as it loads.
    expect(manifest.tables.findIndex((t) => t.table === 'public.units')).toBeLessThan(manifest.tables.findIndex((t) => t.table === 'public.accounts'));
  });

  it('loads the same rows, keeps the log order with new positions, moves the process manager there, and continues the sequences', async () => {
    const manifest = await verifyBackupFile(file);
    await loadBackup(into, file, manifest);
    const rows = async (pool: pg.Pool, sql: string) => (await pool.query(sql)).rows;
    const same = 'SELECT u.id, u.name, a.id AS account, a.joined, a.note FROM units u LEFT JOIN accounts a ON a.unit = u.id ORDER BY u.id';
    expect(await rows(into, same)).toEqual(await rows(from, same));

    const events = await rows(into, 'SELECT event_id::text AS id, transaction_id::text AS commit, global_position::text AS prepare FROM event_store.events ORDER BY transaction_id, global_position');
    expect(events.map((e) => [e.id, e.prepare])).toEqual([[ids.early, '1'], [ids.late, '2']]);
    expect(new Set(events.map((e) => e.commit)).size).toBe(1);
    const [checkpoint] = await rows(into, "SELECT commit_position::text AS commit, prepare_position::text AS prepare FROM projection_checkpoints WHERE name = 'repeat-calls'");
    expect(checkpoint).toEqual({ commit: events[0].commit, prepare: '1' });

    const [{ next }] = await rows(into, "SELECT nextval('accounts_id_seq')::int AS next");
    expect(next).toBe(3);
    const [{ position }] = await rows(into, "SELECT nextval('event_store.events_global_position_seq')::int AS position");
    expect(position).toBe(3);
  });

  it('refuses a file with one changed value, naming the table', async () => {
    const changed = join(dir, 'changed.backup.gz');
    writeFileSync(changed, gzipSync(gunzipSync(readFileSync(file)).toString('utf8').replace('金水区总工会', '二七区总工会')));
    await expect(verifyBackupFile(changed)).rejects.toThrow(BackupRefused);
    await expect(verifyBackupFile(changed)).rejects.toMatchObject({ code: 'backup_corrupted', en: expect.stringContaining('public.units') });
  });
});
