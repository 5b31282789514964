/**
 * Issue 20, point 2: an upgrade loses nothing. The database and DATA_DIR of the previous release (the
 * fixture `libs/testing/fixtures/release-2026-12`, made by `apps/demo/src/release-fixture-main.ts`
 * from commit d4daa9f: the demo's cases of all four kinds, users, the key store, two attachments) are
 * loaded into an empty database and DATA_DIR; this release starts on them with its clock at the
 * instant the previous one answered, migrates the durable tables and catches up. Every answer the
 * previous release gave — the case list, each case's view, history, files and ledger, every figure —
 * is given again (fields a later release adds are allowed: nothing shown before may change or go),
 * every attached file reads back byte for byte, the hash chains are intact, the durable schema is
 * exactly the migrations', and a second start migrates nothing.
 */
import { chmodSync, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { startCasework, projectionTables, type RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { readHeadsFile } from '#audit';
import { PostgresEventStore } from '#event-store';
import { checksumOf, DURABLE_MIGRATIONS, loadDatabaseDump, migrateDurableSchema, schemaStatements, withSession, type SqlSession } from '#migrations';
import { createTestDatabase, type TestDatabase } from '#testing';
import { createHash } from 'node:crypto';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURE = join(REPO, 'libs/testing/fixtures/release-2026-12');

/** What the previous release answered (release-fixture/record-views.ts). */
interface RecordedViews {
  readonly recordedAt: string;
  readonly login: { readonly username: string; readonly password: string };
  readonly views: Readonly<Record<string, unknown>>;
  readonly contents: Readonly<Record<string, string>>;
}

const readGzip = (file: string) => gunzipSync(readFileSync(join(FIXTURE, file))).toString('utf8');

/** The previous release's DATA_DIR without its database: the master key and the audit's saved heads. */
function dataDirOfFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casework-upgrade-'));
  chmodSync(dir, 0o755);
  copyFileSync(join(FIXTURE, 'master.key'), join(dir, 'master.key'));
  chmodSync(join(dir, 'master.key'), 0o600);
  cpSync(join(FIXTURE, 'audit'), join(dir, 'audit'), { recursive: true });
  return dir;
}

/** Tables that are not read models (a read model's shape is its projection's business, not the migrations'). */
function durableOnly(): (table: string) => boolean {
  const readModelTables = new Set(projectionTables().readModels.flatMap((projection) => projection.tables.map((table) => `public.${table}`)));
  return (table) => !readModelTables.has(table) && !table.startsWith('rebuild_');
}

const migrationsOf = (session: SqlSession) =>
  session.query<{ version: number; name: string; checksum: string; applied_at: Date }>('SELECT version, name, checksum, applied_at FROM public.schema_migrations ORDER BY version');

describe('an upgrade from the previous release (December 2026)', () => {
  const recorded: RecordedViews = JSON.parse(readGzip('expected-views.json.gz'));
  /** Stopped where the previous release answered: "overdue", "this month" and the like read the same. */
  const clock = () => new Date(recorded.recordedAt);
  let db: TestDatabase;
  let dataDir: string;
  let app: RunningCasework | undefined;
  let hadMigrationsBefore: boolean;

  const start = () => startCasework({ dataDir, databaseUrl: db.url, port: 0, log: false, clock });

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatabaseDump(db.url, readGzip('database.sql.gz'));
    hadMigrationsBefore = await withSession(db.url, async (s) => (await s.query<{ t: string | null }>("SELECT to_regclass('public.schema_migrations')::text AS t"))[0]!.t !== null);
    dataDir = dataDirOfFixture();
    app = await start();
    // The reminder sweep of this start runs at the instant of the recording: it finds every reminder sent.
    await app.reminders.runOnce();
    await app.runtime.projections.waitUntilCaughtUp();
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('adopts the previous release’s database by applying migration 0001, recorded with its checksum', async () => {
    expect(hadMigrationsBefore).toBe(false);
    const rows = await withSession(db.url, migrationsOf);
    expect(rows.map(({ version, name, checksum }) => ({ version, name, checksum }))).toEqual([
      { version: 1, name: 'release-2026-12-durable-schema', checksum: checksumOf(DURABLE_MIGRATIONS[0]!.sql) },
    ]);
    expect(rows[0]!.applied_at.getTime()).toBeGreaterThan(Date.now() - 600_000);
  });

  it('answers every case view, history, file list, ledger and figure as the previous release did', async () => {
    const client = await ApiClient.login(app!.url, recorded.login.username, recorded.login.password);
    const answered: Record<string, unknown> = {};
    for (const path of Object.keys(recorded.views)) {
      const { status, body } = await client.get(path);
      answered[path] = status === 200 ? body : { status, body };
    }
    expect(Object.keys(answered)).toHaveLength(Object.keys(recorded.views).length);
    expect(Object.keys(recorded.views).filter((path) => path.startsWith('/api/cases?')).length).toBeGreaterThan(0);
    expect(answered).toMatchObject(recorded.views as Record<string, unknown>);
  }, 120_000);

  it('reads every attached file back byte for byte', async () => {
    const client = await ApiClient.login(app!.url, recorded.login.username, recorded.login.password);
    const digests: Record<string, string> = {};
    for (const path of Object.keys(recorded.contents)) {
      const { status, bytes } = await client.download(path);
      digests[path] = status === 200 ? createHash('sha256').update(bytes).digest('hex') : `status ${status}`;
    }
    expect(Object.keys(digests).length).toBeGreaterThan(0);
    expect(digests).toEqual(recorded.contents);
  });

  it('finds the hash chains intact and every head the previous release saved still in them', async () => {
    const store = await PostgresEventStore.connect({ connectionString: db.url });
    try {
      const saved = readHeadsFile(join(FIXTURE, 'audit/stream-heads.json'));
      expect(saved.heads.length).toBeGreaterThan(0);
      expect(await store.checkStreamHeads(saved.heads)).toEqual([]);
      const report = await store.verifyHashChains();
      expect(report.problems).toEqual([]);
      expect(report.streams).toBe(saved.heads.length);
    } finally {
      await store.close();
    }
  });

  it('has exactly the durable schema the migrations create on an empty database', async () => {
    const fresh = await createTestDatabase();
    try {
      await migrateDurableSchema(fresh.url);
      const durable = durableOnly();
      const upgraded = await withSession(db.url, (s) => schemaStatements(s, durable));
      const migrated = await withSession(fresh.url, (s) => schemaStatements(s, durable));
      expect(upgraded).toEqual(migrated);
    } finally {
      await fresh.drop();
    }
  }, 60_000);

  it('applies nothing on a second start', async () => {
    const before = await withSession(db.url, migrationsOf);
    await app!.stop();
    app = undefined;
    app = await start();
    expect(await withSession(db.url, migrationsOf)).toEqual(before);
    expect(await migrateDurableSchema(db.url)).toEqual([]);
  }, 120_000);
});
