/**
 * `npm run demo` on a fresh data directory: the system makes `admin` with a generated, temporary
 * password, which the API refuses until its owner changes it. The demo must still be able to write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { DEMO_ADMIN, demoAdminToken } from './demo-admin.js';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.js';

describe('the demo on a fresh data directory', () => {
  let db: TestDatabase;
  let dataDir: string;
  let app: RunningCasework;
  const usersWith = (token: string) => fetch(`${app.url}/api/users`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'casework-demo-admin-'));
    app = await startCasework({ databaseUrl: db.url, dataDir, port: 0, log: false });
  });

  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in as a demo administrator while admin holds its temporary password, and admin stays untouched', async () => {
    expect(app.generatedAdminPassword).toEqual(expect.any(String));
    const admin = await app.runtime.users.findByUsername('admin');
    expect((await usersWith(await app.runtime.users.issueToken(admin!))).status).toBe(403);

    const token = await demoAdminToken(app, DEFAULT_DEMO_PASSWORD);
    const answer = await usersWith(token);
    expect(answer.status).toBe(200);
    const listed = ((await answer.json()) as { username: string; role: string }[]).map((u) => `${u.username}:${u.role}`);
    expect(listed).toContain(`${DEMO_ADMIN.username}:admin`);
    // A second run finds the same demo administrator; admin still must change its own password.
    expect((await usersWith(await demoAdminToken(app, DEFAULT_DEMO_PASSWORD))).status).toBe(200);
    expect(await app.runtime.users.holdsTemporaryPassword(admin!.id)).toBe(true);
  });
});
