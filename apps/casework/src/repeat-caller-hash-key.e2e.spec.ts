/**
 * The key of the repeat-caller hashes (docs/configuration.md): a new installation derives it from the
 * master key and stores it nowhere, so the app, a restarted app and the projector all hash a phone the
 * same way; an installation that already stored a random key keeps it, and its hashes keep matching.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_SETTINGS_SCHEMA_SQL } from '#database';
import { rebuildProjection } from '#projections';
import { deriveRepeatCallerHashKey, keyedHash, loadMasterKey } from '#personal-data';
import { createTestDatabase, type TestDatabase } from '#testing';
import { connectProjector } from '#casework-runtime';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { TEST_ADMIN_PASSWORD } from '#casework-testing';

const PHONE = '13912345678';

describe('the repeat-caller hash key', () => {
  let db: TestDatabase;
  let dataDir: string;
  let app: RunningCasework | undefined;

  beforeEach(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'casework-hash-key-'));
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => (app = await startCasework({ databaseUrl: db.url, dataDir, port: 0, adminPassword: TEST_ADMIN_PASSWORD, log: false }));
  const masterKey = () => loadMasterKey({ fromEnv: process.env.CASEWORK_MASTER_KEY || undefined, file: join(dataDir, 'master.key'), createIfMissing: false });
  const storedKeys = async () => app!.runtime.dataSource.query("SELECT value FROM system_settings WHERE key = 'personal-data-hash-key'");

  /** A complaint from PHONE, through the API; answers the hash the detector stored for it. */
  async function phoneHashOfANewComplaint(running: RunningCasework): Promise<string> {
    const admin = await ApiClient.login(running.url, 'admin', TEST_ADMIN_PASSWORD);
    const username = `hotline.${Date.now()}`;
    await admin.post('/api/users', { username, password: 'hotline-passw0rd', displayName: '王芳', role: 'caseworker', orgUnitId: '410100' });
    const centre = await ApiClient.login(running.url, username, 'hotline-passw0rd');
    const received = await centre.post('/api/complaints', {
      channel: 'phone', caller: { name: '王建国', phone: PHONE }, employer: { name: `郑州市哈希测试${username}有限公司`, district: '410105' },
      category: 'pay', type: 'request_for_action', summary: '拖欠工资',
    });
    expect(received.status).toBe(201);
    await running.runtime.projections.waitUntilCaughtUp();
    const [row] = await running.runtime.dataSource.query('SELECT caller_phone_hash FROM repeat_call_keys WHERE complaint_id = $1', [received.body.id]);
    return row.caller_phone_hash;
  }

  it('is derived from the master key on a new installation, stored nowhere, and the same after a restart and in the projector', async () => {
    const running = await start();
    const derived = deriveRepeatCallerHashKey(masterKey());
    expect(running.runtime.personalDataHashKey).toBe(derived);
    expect(await storedKeys()).toEqual([]);
    expect(await phoneHashOfANewComplaint(running)).toBe(keyedHash(PHONE, derived));

    await running.stop();
    app = undefined;
    const restarted = await start();
    expect(restarted.runtime.personalDataHashKey).toBe(derived);

    const projector = await connectProjector(db.url, dataDir);
    try {
      const detector = projector.projections.find((p) => p.name === 'hotline-repeat-calls')!;
      const { schema } = await rebuildProjection(projector.dataSource, projector.store, detector, { swap: false });
      const rebuilt = await projector.dataSource.query(`SELECT DISTINCT caller_phone_hash FROM "${schema}".repeat_call_keys`);
      expect(rebuilt).toEqual([{ caller_phone_hash: keyedHash(PHONE, derived) }]);
    } finally {
      await projector.close();
    }
  }, 120_000);

  it('stays the secret an existing installation already stored, so its earlier hashes still match', async () => {
    const seed = await import('pg').then(({ default: pg }) => new pg.Client({ connectionString: db.url }));
    await seed.connect();
    await seed.query(SYSTEM_SETTINGS_SCHEMA_SQL);
    await seed.query("INSERT INTO system_settings (key, value) VALUES ('personal-data-hash-key', 'secret-of-an-installation-from-2025')");
    await seed.end();

    const running = await start();
    expect(running.runtime.personalDataHashKey).toBe('secret-of-an-installation-from-2025');
    expect(await phoneHashOfANewComplaint(running)).toBe(keyedHash(PHONE, 'secret-of-an-installation-from-2025'));
  }, 120_000);
});
