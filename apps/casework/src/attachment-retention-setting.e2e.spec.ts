/**
 * 撤回附件保留期限 over HTTP (issue 19, point 4): the administrator sets the days the bytes of a
 * withdrawn file are kept, each change kept with who and why, and the sweep uses the days so set —
 * at its next run, without a restart.
 */
import pg from 'pg';
import sharp from 'sharp';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';
const DAY_MS = 86_400_000;
const PATH = '/api/admin/attachments/retention';

const photo = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 20 } } }).jpeg().toBuffer();

function upload(client: ApiClient, path: string, fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': crypto.randomUUID() },
    body: form,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
}

describe('the retention period of withdrawn attachments, as the administrator sets it', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let db: pg.Client;
  const put = (client: ApiClient, body: unknown) => client.request<any>('PUT', PATH, body);

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'qin.retention', role: 'caseworker', orgUnitId: JINSHUI });
    db = new pg.Client({ connectionString: system.app.runtime.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  it('is for administrators only', async () => {
    expect(await caseworker.get(PATH)).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(await put(caseworker, { days: 7, reason: '想早点删掉' })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect((await system.admin.get(PATH)).body.changes).toEqual([]);
  });

  it('stands at the configuration’s days until an administrator sets them', async () => {
    expect(await system.admin.get(PATH)).toEqual({ status: 200, body: { days: 30, source: 'configuration', configuredDays: 30, changes: [] } });
  });

  it('refuses days that are not a whole number from 1 to 3650 with a 400 naming `days`, and a change without a reason', async () => {
    const cases: [unknown, string][] = [[0, 'range'], [3651, 'range'], [-5, 'range'], [1.5, 'integer'], ['30', 'integer'], [undefined, 'required'], [null, 'required']];
    for (const [days, rule] of cases) {
      const refused = await put(system.admin, { days, reason: '按档案管理规定调整' });
      expect({ days, status: refused.status, code: refused.body.code, error: refused.body.errors?.[0] }).toEqual({
        days, status: 400, code: 'validation_failed', error: { field: 'days', rule, message: expect.stringMatching(/^保留天数/) },
      });
    }
    const unexplained = await put(system.admin, { days: 60 });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.errors[0]).toMatchObject({ field: 'reason', message: expect.stringContaining('变更理由') });
    expect(await put(system.admin, { days: 60, reason: '调整', extra: true })).toMatchObject({ status: 400 });
    // Nothing refused was kept.
    expect((await system.admin.get(PATH)).body).toMatchObject({ days: 30, source: 'configuration', changes: [] });
  });

  it('keeps each change with the days before and after, who made it, when and why, newest first', async () => {
    const first = await put(system.admin, { days: 90, reason: '  按工会档案管理办法，撤回材料保留三个月  ' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ days: 90, source: 'administrator', configuredDays: 30 });
    expect(first.body.changes).toEqual([{
      id: expect.any(Number), days: 90, beforeDays: 30, reason: '按工会档案管理办法，撤回材料保留三个月',
      changedBy: { userId: expect.any(String), username: 'admin' }, changedAt: expect.any(String),
    }]);
    expect(Math.abs(Date.parse(first.body.changes[0].changedAt) - Date.parse('2026-11-25T01:00:00Z'))).toBeLessThan(DAY_MS);

    expect(await put(system.admin, { days: 90, reason: '再保存一次' })).toMatchObject({ status: 422, body: { code: 'retention_days_unchanged' } });

    const second = await put(system.admin, { days: 1, reason: '存储空间紧张，撤回的材料次日删除' });
    expect(second.body).toMatchObject({ days: 1, source: 'administrator' });
    expect(second.body.changes.map((c: { days: number; beforeDays: number }) => [c.beforeDays, c.days])).toEqual([[90, 1], [30, 90]]);
    expect(await system.admin.get(PATH)).toEqual({ status: 200, body: second.body });
  });

  it('has the sweep use the administrator’s days at its next run, and record them on the purge', async () => {
    const opened = await caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '油漆工工资' });
    const base = `/api/wage-cases/${opened.body.id}/attachments`;
    const [item] = (await upload(caseworker, base, { kind: 'iou' }, { name: '欠条.jpg', bytes: await photo() })).body.items;
    expect((await caseworker.post(`${base}/${item.id}/withdraw`, { reason: '传错了案件' })).status).toBe(200);

    system.shiftClock(DAY_MS - 60_000);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ purged: 0 });
    expect((await caseworker.download(`${base}/${item.id}/content`)).status).toBe(200);

    // A day and a bit: under the configuration's 30 days the bytes would stay for four more weeks.
    system.shiftClock(2 * 60_000);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ purged: 1 });
    expect(await caseworker.get(`${base}/${item.id}/content`)).toMatchObject({ status: 410, body: { code: 'attachment_withdrawn' } });
    const { rows } = await db.query(`SELECT data FROM event_store.events WHERE event_type = 'AttachmentPurged' AND data->>'attachmentId' = $1`, [item.id]);
    expect(rows.map((r) => r.data.retentionDays)).toEqual([1]);
  });
});
