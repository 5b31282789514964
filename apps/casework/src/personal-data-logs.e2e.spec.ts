/**
 * Nothing personal in the logs (issue 3): a full run with logging on — log-ins right and wrong, a
 * complaint with phone and ID number, bad input, views, reveals, failures, an erasure — and a scan of
 * everything the process wrote for the phone, the ID number and every password.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom, residentId } from '#casework-testing';

const PHONE = '13812345678';
const ID_NUMBER = residentId('41010519900101123');
const ADMIN_PASSWORD = 'Warden-Log-Scan-passw0rd';
const USER_PASSWORD = 'Li-Log-Scan-passw0rd';
const WRONG_PASSWORD = 'Wrong-Log-Scan-passw0rd';

/** Everything written to stdout, stderr and the console while `run` runs. */
async function capturingOutput(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const keep = (chunk: unknown) => chunks.push(typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : chunk instanceof Error ? `${chunk.message}\n${chunk.stack}` : JSON.stringify(chunk));
  const streams = [process.stdout, process.stderr].map((stream) => ({ stream, write: stream.write }));
  const levels = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const consoles = levels.map((level) => ({ level, method: console[level] }));
  for (const { stream } of streams) stream.write = ((chunk: unknown) => (keep(chunk), true)) as typeof stream.write;
  for (const level of levels) console[level] = (...args: unknown[]) => void args.forEach(keep);
  try {
    await run();
  } finally {
    for (const { stream, write } of streams) stream.write = write;
    for (const { level, method } of consoles) console[level] = method;
  }
  return chunks.join('\n');
}

describe('the logs of a full run', () => {
  let db: TestDatabase;
  let app: RunningCasework | undefined;
  let output = '';
  const answers: unknown[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    output = await capturingOutput(async () => {
      app = await startCasework({ databaseUrl: db.url, dataDir: mkdtempSync(join(tmpdir(), 'casework-logs-')), port: 0, adminPassword: ADMIN_PASSWORD, log: true });
      const sql = (text: string) => app!.runtime.dataSource.query(text);
      const admin = await ApiClient.login(app.url, 'admin', ADMIN_PASSWORD);
      await admin.post('/api/users', { username: 'li.centre', password: USER_PASSWORD, displayName: '李', role: 'caseworker', orgUnitId: '410100' });
      answers.push((await new ApiClient(app.url).post('/api/auth/login', { username: 'li.centre', password: WRONG_PASSWORD })).body);
      const centre = await ApiClient.login(app.url, 'li.centre', USER_PASSWORD);
      const complaint = complaintFrom({ name: '王建国', phone: PHONE, idNumber: ID_NUMBER }, '某建筑公司');
      answers.push((await centre.post('/api/complaints', { ...complaint, caller: { phone: `${PHONE}99`, idNumber: `${ID_NUMBER.slice(0, 17)}0` } })).body);
      const { id } = (await centre.post('/api/complaints', complaint)).body;
      const current = (await centre.get(`/api/complaints/${id}`)).body;
      await centre.post(`/api/complaints/${id}/assign`, { unitId: '410105' }, { version: current.version });
      await centre.get(`/api/complaints/${id}/history`);
      await centre.post(`/api/complaints/${id}/reveal`, { field: 'caller.phone', reason: '回访' });
      await app.runtime.projections.waitUntilCaughtUp();
      // Failures: a view whose access-log entry is lost (logged), a reveal that cannot be logged (500, logged).
      await sql('ALTER TABLE access_log RENAME TO access_log_away');
      await centre.get(`/api/complaints/${id}`);
      answers.push((await centre.post(`/api/complaints/${id}/reveal`, { field: 'caller.idNumber', reason: '核实' })).body);
      await sql('ALTER TABLE access_log_away RENAME TO access_log');
      await admin.post('/api/personal-data/erasures', { idNumber: ID_NUMBER, phone: PHONE, reason: '依法删除' });
      answers.push((await centre.post(`/api/complaints/${id}/reveal`, { field: 'caller.phone', reason: '回访' })).body);
      await app.stop();
      app = undefined;
    });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('captured what the run logged, failures included', () => {
    expect(output).toContain('Access log entry lost');
    expect(output).toContain('Unhandled');
  });

  it('holds no phone number, ID number or password', () => {
    for (const secret of [PHONE, ID_NUMBER, ID_NUMBER.slice(0, 17), ADMIN_PASSWORD, USER_PASSWORD, WRONG_PASSWORD]) {
      expect(output).not.toContain(secret);
    }
  });

  it('answered the failures without quoting the values either', () => {
    expect(answers).toHaveLength(4);
    for (const secret of [PHONE, ID_NUMBER.slice(0, 17), WRONG_PASSWORD]) expect(JSON.stringify(answers)).not.toContain(secret);
    expect(answers[2]).toMatchObject({ statusCode: 500, code: 'internal_error' });
    expect(answers[3]).toMatchObject({ statusCode: 410, code: 'personal_data_erased' });
  });
});
