/**
 * 证据附件, part 2 over HTTP: the people a file may concern, the bytes of withdrawn files removed after
 * the retention period (an `AttachmentPurged` on the case, the file still listed), an upload that dies
 * between its bytes and its event (nothing listed, the sweep removes the bytes), and the person journey's files.
 */
import pg from 'pg';
import sharp from 'sharp';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';
const DAY_MS = 86_400_000;
const WORKER = { name: '褚九', idNumber: '410105198505050039', phone: '13912340039' };
const OTHER = { name: '卫十', idNumber: '410105199202020048', phone: '13912340048' };

function upload(client: ApiClient, path: string, fields: Record<string, string>, files: { name: string; bytes: Buffer }[], key?: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': key ?? crypto.randomUUID() },
    body: form,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
}

const photo = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } }).jpeg().toBuffer();

describe('attachments over time', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let db: pg.Client;
  let caseId: string;
  let worker: string;
  let other: string;
  const base = () => `/api/wage-cases/${caseId}/attachments`;
  const chunksOf = async (contentId: string) => (await db.query('SELECT count(*)::int AS n FROM content.chunks WHERE content_id = $1', [contentId])).rows[0].n as number;

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'wei.files', role: 'caseworker', orgUnitId: JINSHUI });
    const opened = await caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某物流公司', district: JINSHUI }, summary: '搬运工工资' });
    caseId = opened.body.id;
    const added = await caseworker.post(`/api/wage-cases/${caseId}/claimants`, {
      claimants: [
        { ...WORKER, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 500_000 },
        { ...OTHER, workedFrom: '2025-06-01', workedUntil: '2025-12-31', claimed: 400_000 },
      ],
    });
    [worker, other] = added.body.claimantIds;
    db = new pg.Client({ connectionString: system.app.runtime.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  it('lists the people a file may concern with the refs the upload accepts, masked', async () => {
    const people = await caseworker.get(`${base()}/people`);
    expect(people.status).toBe(200);
    expect(people.body.items).toEqual([
      { ref: `claimant:${worker}`, label: '褚*' },
      { ref: `claimant:${other}`, label: '卫*' },
    ]);
    for (const { ref } of people.body.items) {
      expect((await upload(caseworker, base(), { kind: 'pay_slip', person: ref }, [{ name: 'slip.jpg', bytes: await photo() }])).status).toBe(201);
    }
    const erqi = await system.userClient({ username: 'erqi.people', role: 'caseworker', orgUnitId: '410103' });
    expect((await erqi.get(`${base()}/people`)).status).toBe(404);
  });

  it('names hardship members by their place in the household, and the upload takes the same refs', async () => {
    const cadre = await system.userClient({ username: 'station.people', role: 'caseworker', orgUnitId: '410105001' });
    const file = await cadre.post('/api/hardship-files', {
      source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
      head: { name: '陈某', idNumber: '410105198001010017', phone: '13900001234', employer: '郑州某纺织厂', unionMember: true },
      members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }, { name: '陈子', relation: '子', age: 15, schooling: '初中' }],
    });
    expect(file.status).toBe(201);
    const path = `/api/hardship-files/${file.body.id}/attachments`;
    const people = (await cadre.get(`${path}/people`)).body.items;
    expect(people).toEqual([{ ref: 'head', label: '陈*' }, { ref: 'member:1', label: '陈*' }, { ref: 'member:2', label: '陈*' }]);
    const stored = await upload(cadre, path, { kind: 'home_visit_form', person: 'member:2' }, [{ name: '入户.jpg', bytes: await photo() }]);
    expect(stored.body.items[0].person).toEqual({ ref: 'member:2', label: '陈*' });
    expect((await upload(cadre, path, { kind: 'home_visit_form', person: 'member:3' }, [{ name: 'x.jpg', bytes: await photo() }])).body.code).toBe('person_not_in_case');
  });

  it('lists the files that concern a person in the person journey, per case', async () => {
    const journey = await caseworker.post('/api/people/journey', { idNumber: WORKER.idNumber, reason: '核对本人的证据材料' });
    expect(journey.status).toBe(200);
    const wageCase = journey.body.cases.find((c: { id: string }) => c.id === caseId);
    expect(wageCase.attachments).toEqual([
      expect.objectContaining({ kind: 'pay_slip', kindLabel: '工资条', fileName: 'slip.jpg', mediaType: 'image/jpeg', withdrawn: false, size: expect.any(Number), addedAt: expect.any(String) }),
    ]);
    // The other claimant's file is theirs, not this person's.
    expect(wageCase.attachments).toHaveLength(1);
  });

  it('removes a withdrawn file’s bytes once the retention period has passed, and then answers 410 while still listing it', async () => {
    const [item] = (await upload(caseworker, base(), { kind: 'iou', person: `claimant:${worker}` }, [{ name: '欠条.jpg', bytes: await photo() }])).body.items;
    expect((await caseworker.post(`${base()}/${item.id}/withdraw`, { reason: '重复上传' })).status).toBe(200);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ purged: 0 });
    expect((await caseworker.download(`${base()}/${item.id}/content`)).status).toBe(200);

    system.shiftClock(29 * DAY_MS);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ purged: 0 });
    system.shiftClock(2 * DAY_MS);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ purged: 1 });
    expect(await chunksOf(item.id)).toBe(0);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ purged: 0 });

    const gone = await caseworker.get(`${base()}/${item.id}/content`);
    expect(gone).toMatchObject({ status: 410, body: { code: 'attachment_withdrawn' } });
    expect((await caseworker.get(`${base()}/${item.id}/preview`)).body.code).toBe('attachment_withdrawn');
    const listed = (await caseworker.get(base())).body.items.find((i: { id: string }) => i.id === item.id);
    expect(listed).toMatchObject({ purged: true, withdrawn: expect.objectContaining({ reason: '重复上传' }) });
    // The files never withdrawn keep their bytes.
    const kept = (await caseworker.get(base())).body.items.find((i: { withdrawn: unknown }) => i.withdrawn === null);
    expect((await caseworker.download(`${base()}/${kept.id}/content`)).status).toBe(200);
    const events = (await db.query(`SELECT event_type AS type FROM event_store.events WHERE stream_id LIKE $1 AND event_type LIKE 'Attachment%'`, [`%${caseId}`])).rows.map((r) => r.type);
    expect(events.filter((t: string) => t === 'AttachmentPurged')).toHaveLength(1);
  });

  it('leaves nothing listed when the system dies between the bytes and the event, and the sweep removes those bytes', async () => {
    const store = system.app.runtime.store;
    const append = store.appendToStream.bind(store);
    store.appendToStream = async (streamId, events, expected) => {
      if (events.some((e) => e.type === 'AttachmentAdded')) throw new Error('the process died here');
      return append(streamId, events, expected);
    };
    const before = (await caseworker.get(base())).body.items.length;
    const key = crypto.randomUUID();
    let died;
    try {
      died = await upload(caseworker, base(), { kind: 'site_photo' }, [{ name: '现场.jpg', bytes: await photo() }], key);
    } finally {
      store.appendToStream = append;
    }
    expect(died.status).toBe(500);
    expect((await caseworker.get(base())).body.items).toHaveLength(before);
    const { rows } = await db.query('SELECT content_id::text FROM attachment_ledger.contents WHERE NOT confirmed');
    expect(rows).toHaveLength(1);
    const orphan = rows[0].content_id as string;
    expect(await chunksOf(orphan)).toBeGreaterThan(0);

    // Within the hour the upload may still be finishing: the bytes stay.
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ orphansRemoved: 0 });
    system.shiftClock(61 * 60_000);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ orphansRemoved: 1 });
    expect(await chunksOf(orphan)).toBe(0);
    expect((await db.query('SELECT 1 FROM attachment_ledger.contents WHERE content_id = $1', [orphan])).rows).toHaveLength(0);

    // The same request tried again stores the whole attachment.
    const retried = await upload(caseworker, base(), { kind: 'site_photo' }, [{ name: '现场.jpg', bytes: await photo() }], key);
    expect(retried.status).toBe(201);
    expect((await caseworker.download(`${base()}/${retried.body.items[0].id}/content`)).status).toBe(200);
    system.shiftClock(2 * 60 * 60_000);
    expect(await system.app.attachmentSweep.runOnce()).toMatchObject({ orphansRemoved: 0 });
    expect((await caseworker.download(`${base()}/${retried.body.items[0].id}/content`)).status).toBe(200);
  });

  it('leaves an erased person out of the people a file may concern', async () => {
    expect((await system.admin.post('/api/personal-data/erasures', { idNumber: OTHER.idNumber, reason: '本人依法申请删除' })).status).toBe(201);
    expect((await caseworker.get(`${base()}/people`)).body.items).toEqual([{ ref: `claimant:${worker}`, label: '褚*' }]);
    expect((await upload(caseworker, base(), { kind: 'other', person: `claimant:${other}` }, [{ name: 'x.jpg', bytes: await photo() }])).body.code).toBe('person_not_in_case');
  });
});
