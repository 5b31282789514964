/**
 * The projector is killed (SIGKILL) in the middle of catching up, restarted, and must end with read
 * models equal to ones rebuilt from scratch: no effect lost, none doubled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostgresEventStore, START } from '#event-store';
import { ProjectionRunner, rebuildProjection } from '#projections';
import { loadMasterKey } from '#personal-data';
import { appendHistories, createTestDatabase, generateComplaintHistories, snapshotTables, type TestDatabase } from '#testing';
import { connectProjector, type ProjectorConnection } from '#casework-runtime';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PROJECTOR = join(REPO, 'dist/apps/projector/src/main.js');

/** The projector of an installation whose DATA_DIR holds the master key: the repeat-call hashes are derived from it. */
function startProjector(databaseUrl: string, dataDir: string): ChildProcess {
  const env = { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PROJECTION_BATCH_SIZE: '100' };
  const child = spawn(process.execPath, [PROJECTOR], { cwd: REPO, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => (projectorErrors += chunk.toString()));
  return child;
}

/** What the projector said on stderr, for the failure message if it never catches up. */
let projectorErrors = '';

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${projectorErrors ? `; the projector said: ${projectorErrors}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('projector killed while catching up', () => {
  let db: TestDatabase;
  let connection: ProjectorConnection;
  let child: ChildProcess | undefined;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(PROJECTOR)) throw new Error(`${PROJECTOR} is missing: run "npm run build" (npm test does it first)`);
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'casework-projector-'));
    loadMasterKey({ file: join(dataDir, 'master.key'), createIfMissing: true });
    connection = await connectProjector(db.url, dataDir);
    await ProjectionRunner.ensureSchemas(connection.dataSource, connection.projections);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await connection?.close();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends with every read model equal to a rebuild from scratch', async () => {
    const store = await PostgresEventStore.connect({ connectionString: db.url });
    const total = await appendHistories(store, generateComplaintHistories(1500, { seed: 11 }));
    await store.close();
    const applied = async (name: string) =>
      Number((await connection.dataSource.query('SELECT events_applied FROM projection_checkpoints WHERE name = $1', [name]))[0]?.events_applied ?? 0);

    child = startProjector(db.url, dataDir);
    await until(async () => (await applied('case-list')) > total / 5, 'the projector to be part way');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const atCrash = await applied('case-list');
    expect(atCrash).toBeLessThan(total);

    child = startProjector(db.url, dataDir);
    // The process managers append too (a repeat call flagged on the same phone or ID number), so "caught up" is the log as it stands.
    const caughtUp = async () => {
      const head = await connection.store.countEventsAfter(START);
      return (await Promise.all(connection.projections.map((p) => applied(p.name)))).every((n) => n === head);
    };
    await until(caughtUp, 'every projection and process manager to catch up');
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    child = undefined;

    expect(await connection.store.countEventsAfter(START)).toBeGreaterThanOrEqual(total);
    for (const projection of connection.projections) {
      const live = await snapshotTables(connection.dataSource, projection.tables);
      const rebuilt = await rebuildProjection(connection.dataSource, connection.store, projection, { swap: false });
      expect(await snapshotTables(connection.dataSource, projection.tables, rebuilt.schema)).toEqual(live);
      // Every read model this log feeds must have something in it (the wage ones have no wage cases here).
      const fed = projection.tables.length > 0 && (projection.streamPrefixes ?? ['']).some((prefix) => 'hotline-complaint-'.startsWith(prefix));
      if (fed) expect(Object.values(live).some((rows) => rows.length > 0)).toBe(true);
    }
  }, 120_000);
});
