/**
 * The embedded PostgreSQL after its owner was killed (`kill -9` of `npm start`): the server lives on
 * as an orphan, and the next start on the same DATA_DIR must stop it and start normally, losing
 * nothing. A live process that is not that server is never touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jest } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres-server.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BUILT = join(REPO, 'dist/libs/database/src/index.js');

/** A process like `npm start`: starts the embedded server of `dataDir`, writes a row, says "ready" and waits to be killed. */
function startOwner(dataDir: string): { child: ChildProcess; ready: Promise<void> } {
  const script = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(pathToFileURL(BUILT).href)});
    const { default: pg } = await import('pg');
    const server = await startEmbeddedPostgres(${JSON.stringify(dataDir)});
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query("CREATE TABLE kept (note text)");
    await client.query("INSERT INTO kept VALUES ('written before the crash')");
    await client.end();
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    child.stdout!.on('data', (chunk) => (output += chunk) && output.includes('ready') && resolveReady());
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the owner exited (${code}) before it was ready: ${output}`)));
  });
  return { child, ready };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An orphan that exited stays a zombie until whoever adopted it reaps it.
  return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
};

const postmasterPid = (dataDir: string) => Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('the embedded PostgreSQL of a DATA_DIR', () => {
  const dirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'casework-orphan-'));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  const leftovers: number[] = [];

  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npm run build" (npm test does it first)`);
  });

  afterAll(() => {
    for (const pid of leftovers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('stops the server orphaned by a killed owner and starts again on the same data, losing nothing', async () => {
    const dataDir = newDataDir();
    const owner = startOwner(dataDir);
    await owner.ready;
    const orphan = postmasterPid(dataDir);
    leftovers.push(orphan);
    const exited = new Promise((r) => owner.child.once('exit', r));
    owner.child.kill('SIGKILL');
    await exited;
    expect(alive(orphan)).toBe(true);

    const said = jest.spyOn(console, 'error').mockImplementation(() => {});
    const server = await startEmbeddedPostgres(dataDir);
    const lines = said.mock.calls.map(([line]) => String(line));
    said.mockRestore();
    try {
      expect(lines).toEqual([expect.stringContaining(`stopping the server (pid ${orphan}) left running`)]);
      expect(alive(orphan)).toBe(false);
      expect(postmasterPid(dataDir)).not.toBe(orphan);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query('SELECT note FROM kept');
      await client.end();
      expect(rows).toEqual([{ note: 'written before the crash' }]);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('leaves alone a live process named in the pid file that is not a PostgreSQL of this DATA_DIR, and refuses to start', async () => {
    const dataDir = newDataDir();
    mkdirSync(join(dataDir, 'postgres'));
    writeFileSync(join(dataDir, 'postgres', 'PG_VERSION'), '18\n');
    const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
    leftovers.push(stranger.pid!);
    writeFileSync(join(dataDir, 'postgres', 'postmaster.pid'), `${stranger.pid}\n${join(dataDir, 'postgres')}\n`);

    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/in use by another running process/);
    expect(alive(stranger.pid!)).toBe(true);
    stranger.kill('SIGKILL');
  });
});
