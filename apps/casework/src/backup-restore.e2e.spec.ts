/**
 * Issue 20, point 1: `npm run backup` and `npm run restore` on the embedded default. The system runs
 * on a DATA_DIR of its own (its embedded PostgreSQL), holds cases of every kind, and is backed up by
 * the built command while it serves. A fresh DATA_DIR holding only the master key is restored by the
 * built command, the system started there answers every case, history and figure as before. A restore
 * without the right key, from a damaged file, or into a DATA_DIR in use refuses and writes nothing.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom, residentId } from '#casework-testing';
import { TEST_ADMIN_PASSWORD, TEST_USER_PASSWORD, testClock } from '#casework-testing';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BACKUP = join(REPO, 'dist/apps/projector/src/backup-main.js');
const RESTORE = join(REPO, 'dist/apps/projector/src/restore-main.js');

const CITY = '410100';
const JINSHUI = '410105';
const ROOM = 'MR-410105';
const CALLER = { name: '王建国', phone: '13812345678', idNumber: residentId('41010519800202001') };
const WORKER = { name: '褚九', idNumber: residentId('41010519900307002'), phone: '13912340026' };
const HEAD = { name: '陈某', idNumber: residentId('41010519800101001'), phone: '13900001234' };
const APPLICANT = { name: '李秀英', idNumber: residentId('41010319851231002'), phone: '13987654321' };
const USERS = [
  { username: 'wang.hotline', role: 'caseworker', orgUnitId: JINSHUI },
  { username: 'zhao.mediator', role: 'mediator', orgUnitId: ROOM },
  { username: 'chen.supervisor', role: 'supervisor', orgUnitId: CITY },
];

/** A built command of the projector app, as `npm run backup|restore` runs it. */
function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    // The embedded default: no external database or key of the test run's own reaches the command.
    const { DATABASE_URL, KEYSTORE_DATABASE_URL, CASEWORK_MASTER_KEY, ...inherited } = process.env;
    const child = spawn(process.execPath, [script, ...args], { cwd: REPO, env: { ...inherited, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
}

/** A directory the embedded server's `postgres` user may enter (the tests may run as root). */
function freshDataDir(name: string, masterKeyFrom?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `casework-${name}-`));
  chmodSync(dir, 0o755);
  if (masterKeyFrom) {
    copyFileSync(masterKeyFrom, join(dir, 'master.key'));
    chmodSync(join(dir, 'master.key'), 0o600);
  }
  return dir;
}

async function ok<T = any>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

describe('backup and restore of the embedded default', () => {
  const clock = testClock();
  const dirs: string[] = [];
  let first: RunningCasework | undefined;
  let restored: RunningCasework | undefined;
  let original: string;
  let backupFile: string;
  let backup: { code: number | null; output: string };
  let before: Record<string, unknown>;
  /** The figures as of one instant after the writes, before and after the restore alike. */
  let figuresAsOf: string;
  const start = (dataDir: string) => startCasework({ dataDir, port: 0, adminPassword: TEST_ADMIN_PASSWORD, log: false, clock: clock.now });

  beforeAll(async () => {
    for (const script of [BACKUP, RESTORE]) if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" (npm test does it first)`);
    original = freshDataDir('backup-source');
    dirs.push(original);
    backupFile = join(original, '..', `${original.split('/').pop()}.backup.gz`);
    first = await start(original);
    await writeCasesOfEveryKind(first.url);
    await first.runtime.projections.waitUntilCaughtUp();
    figuresAsOf = clock.now().toISOString();
    before = await everythingShown(first.url);
    // Taken from the running system (its embedded server, found through DATA_DIR), which keeps serving.
    backup = await run(BACKUP, [backupFile], { DATA_DIR: original });
    expect((await new ApiClient(first.url).get('/health')).status).toBe(200);
    await first.stop();
    first = undefined;
  }, 300_000);

  afterAll(async () => {
    await first?.stop();
    await restored?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    if (backupFile) rmSync(backupFile, { force: true });
  }, 60_000);

  it('writes one file with every durable table and a manifest, without the master key and without the read models', () => {
    expect(backup).toEqual({ code: 0, output: expect.stringContaining('Backup written to') });
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
    const { manifest } = JSON.parse(lines[lines.length - 1]);
    const tables = Object.fromEntries(manifest.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]));
    expect(tables['event_store.events']).toBeGreaterThan(10);
    expect(tables['keystore.data_keys']).toBeGreaterThan(0);
    expect(tables['public.users']).toBe(1 + USERS.length);
    for (const durable of ['public.org_units', 'case_numbers.series', 'public.command_results', 'public.poverty_lines', 'content.chunks', 'attachment_ledger.contents']) expect(Object.keys(tables)).toContain(durable);
    for (const readModel of ['public.case_list', 'public.hotline_facts', 'public.wage_cases', 'public.hardship_files', 'public.mediation_facts']) {
      expect(Object.keys(tables)).not.toContain(readModel);
      expect(manifest.leftOut.tables).toContain(readModel);
    }
    expect(manifest.keyFingerprint).toMatch(/^hmac-sha256:/);
    const key = readFileSync(join(original, 'master.key'), 'utf8').trim();
    const text = lines.join('\n');
    for (const form of [key, Buffer.from(key, 'base64url').toString('hex'), Buffer.from(key, 'base64url').toString('base64')]) expect(text).not.toContain(form);
  });

  it('refuses a master key other than the backup’s, before writing anything', async () => {
    const target = freshDataDir('restore-wrong-key');
    dirs.push(target);
    writeFileSync(join(target, 'master.key'), `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    const answer = await run(RESTORE, [backupFile], { DATA_DIR: target });
    expect(answer.code).toBe(2);
    expect(answer.output).toContain('主密钥与备份不符');
    expect(answer.output).toContain('does not match');
    expect(readdirSync(target)).toEqual(['master.key']);
  }, 60_000);

  it('refuses a damaged file (a changed row, or the file cut short), before writing anything', async () => {
    const target = freshDataDir('restore-damaged', join(original, 'master.key'));
    dirs.push(target);
    const text = gunzipSync(readFileSync(backupFile)).toString('utf8');
    const changed = text.replace('"410105"', '"410106"');
    expect(changed).not.toEqual(text);
    const damaged = [gzipSync(changed), readFileSync(backupFile).subarray(0, Math.floor(readFileSync(backupFile).length / 2))];
    for (const bytes of damaged) {
      const file = join(tmpdir(), `casework-damaged-${randomBytes(4).toString('hex')}.gz`);
      writeFileSync(file, bytes);
      const answer = await run(RESTORE, [file], { DATA_DIR: target });
      rmSync(file);
      expect(answer.code).toBe(2);
      expect(answer.output).toContain('已损坏或不完整');
      expect(answer.output).toContain('damaged or incomplete');
      expect(readdirSync(target)).toEqual(['master.key']);
    }
  }, 60_000);

  it('restores into an empty DATA_DIR holding the master key: read models rebuilt with a progress bar, hash chains intact, every case and figure as before', async () => {
    const target = freshDataDir('restore-target', join(original, 'master.key'));
    dirs.push(target);
    const answer = await run(RESTORE, [backupFile], { DATA_DIR: target });
    expect({ code: answer.code, output: answer.output }).toEqual({ code: 0, output: expect.stringContaining('Intact: no problem in the chains') });
    expect(answer.output).toContain('checksums verified, the master key matches');
    expect(answer.output).toMatch(/Rebuilding case-list\n(\r\[█*░*\] +\d+%.*)*\r\[█+\] 100%/);

    restored = await start(target);
    await restored.runtime.projections.waitUntilCaughtUp();
    expect(await everythingShown(restored.url)).toEqual(before);

    // The restored system goes on: new events come after the restored ones, numbers continue.
    const hotline = await ApiClient.login(restored.url, 'wang.hotline', TEST_USER_PASSWORD);
    const next = await ok(hotline.post('/api/complaints', complaintFrom(CALLER, '郑州恢复后有限公司')), 'a complaint after the restore');
    expect(next.caseNumber).toMatch(/-000003$/);
    await restored.runtime.projections.waitUntilCaughtUp();
    const { body: list } = await hotline.get('/api/cases?kind=complaint&pageSize=50');
    expect(list.total).toBe(3);
    // The repeat-call detector (a process manager) resumed where it was, with the state it had: the
    // same caller's new call is flagged against the calls from before the backup.
    const earlier = (list.items as { id: string }[]).map((item) => item.id).filter((id) => id !== next.id);
    let repeatOf: string[] = [];
    for (let tries = 0; tries < 100 && repeatOf.length === 0; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      repeatOf = (await hotline.get(`/api/complaints/${next.id}`)).body.repeatOf ?? [];
    }
    expect(repeatOf.length).toBeGreaterThan(0);
    for (const id of repeatOf) expect(earlier).toContain(id);
  }, 300_000);

  it('refuses a DATA_DIR that is not empty', async () => {
    const answer = await run(RESTORE, [backupFile], { DATA_DIR: original });
    expect(answer.code).toBe(2);
    expect(answer.output).toContain('不是空的');
    expect(answer.output).toContain('is not empty');
  }, 60_000);

  /** Complaints (one a repeat call), a wage case, a hardship file and a mediation case, each moved on a step. */
  async function writeCasesOfEveryKind(url: string): Promise<void> {
    const admin = await ApiClient.login(url, 'admin', TEST_ADMIN_PASSWORD);
    for (const user of USERS) await ok(admin.post('/api/users', { ...user, password: TEST_USER_PASSWORD, displayName: user.username }), `user ${user.username}`);
    const [hotline, mediator] = await Promise.all(USERS.slice(0, 2).map((user) => ApiClient.login(url, user.username, TEST_USER_PASSWORD)));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now());
    await ok(admin.request('PUT', `/api/admin/poverty-lines/${JINSHUI}/${today.slice(0, 4)}`, { line: 100_000, reason: '郑政〔2026〕12号' }), 'poverty line');

    await ok(hotline.post('/api/complaints', complaintFrom(CALLER, '郑州某建筑劳务有限公司')), 'complaint');
    await ok(hotline.post('/api/complaints', complaintFrom(CALLER, '郑州某建筑劳务有限公司')), 'repeat call');
    const wage = await ok(hotline.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '装修工人工资' }), 'wage case');
    await ok(hotline.post(`/api/wage-cases/${wage.id}/claimants`, { claimants: [{ ...WORKER, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 }] }), 'claimants');
    const file = await ok(hotline.post('/api/hardship-files', {
      source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
      head: { ...HEAD, employer: '郑州某纺织厂', unionMember: true }, members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
    }), 'hardship file');
    await ok(hotline.post(`/api/hardship-files/${file.id}/home-visit`, { visitedOn: today, consentToIncomeCheck: true, findings: '妻子透析', monthlyHouseholdIncome: 200_000 }), 'home visit');
    const mediation = await ok(mediator.post('/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调7301号', referralType: 'assigned' },
      roomId: ROOM, referredOn: today, applicants: [APPLICANT],
      respondent: { name: '郑州某建筑劳务有限公司', creditCode: '91410105MA44XXXX1X', representative: '张总' },
      claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '工人追索工资',
    }), 'mediation case');
    await ok(mediator.post(`/api/mediation-cases/${mediation.id}/accept`, { acceptedOn: today }), 'accept');
  }

  /** What a city supervisor sees: the case list, each case's view and history, and every figure page. */
  async function everythingShown(url: string): Promise<Record<string, unknown>> {
    const supervisor = await ApiClient.login(url, 'chen.supervisor', TEST_USER_PASSWORD);
    const shown: Record<string, unknown> = {};
    const list = await ok(supervisor.get('/api/cases?pageSize=100'), 'case list');
    expect(list.total).toBe(5);
    shown.cases = list;
    const paths: Record<string, string> = { complaint: 'complaints', wage_case: 'wage-cases', hardship_file: 'hardship-files', mediation_case: 'mediation-cases' };
    for (const item of list.items as { kind: string; id: string }[]) {
      shown[`${item.kind} ${item.id}`] = await ok(supervisor.get(`/api/${paths[item.kind]}/${item.id}`), `${item.kind} view`);
      shown[`${item.kind} ${item.id} history`] = await ok(supervisor.get(`/api/${paths[item.kind]}/${item.id}/history`), `${item.kind} history`);
    }
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(clock.now()).slice(0, 4);
    for (const kind of ['hotline', 'wage', 'hardship', 'mediation']) shown[`figures ${kind}`] = await ok(supervisor.get(`/api/stats/${kind}?from=${year}-01-01&to=${year}-12-31&asOf=${encodeURIComponent(figuresAsOf)}`), `${kind} figures`);
    shown.search = await ok(supervisor.get(`/api/cases?q=${CALLER.phone}`), 'search by phone');
    return shown;
  }
});
