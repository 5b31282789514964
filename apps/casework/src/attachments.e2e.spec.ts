/**
 * 证据附件 over HTTP: files are checked by their content, images lose their EXIF location, every
 * download is logged, and a file that concerns a person goes with the person's erasure.
 */
import pg from 'pg';
import sharp from 'sharp';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';
const WORKER = { name: '褚九', idNumber: '410105199003070026', phone: '13912340026' };
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

interface Part { name: string; bytes: Buffer }

function upload(client: ApiClient, path: string, fields: Record<string, string>, files: Part[], key?: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': key ?? crypto.randomUUID() },
    body: form,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
}

/** A phone photo: a JPEG carrying the camera make and a GPS position in its EXIF. */
function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 100, b: 50 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 37/1 0/1' } })
    .toBuffer();
}

describe('attachments of a wage case', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let supervisor: ApiClient;
  let erqi: ApiClient;
  let caseId: string;
  let worker: string;
  const base = () => `/api/wage-cases/${caseId}/attachments`;

  beforeAll(async () => {
    // A small per-file limit, read from the configuration when the system starts.
    process.env.ATTACHMENT_MAX_BYTES = String(200 * 1024);
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'chu.files', role: 'caseworker', orgUnitId: JINSHUI });
    supervisor = await system.userClient({ username: 'city.files', role: 'supervisor', orgUnitId: '410100' });
    erqi = await system.userClient({ username: 'erqi.files', role: 'caseworker', orgUnitId: '410103' });
    const opened = await caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '装修工人工资' });
    caseId = opened.body.id;
    const added = await caseworker.post(`/api/wage-cases/${caseId}/claimants`, { claimants: [{ ...WORKER, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 }] });
    worker = added.body.claimantIds[0];
  }, 60_000);

  afterAll(async () => {
    delete process.env.ATTACHMENT_MAX_BYTES;
    await system?.stop();
  });

  it('stores a phone photo for a claimant without its EXIF location, as a valid JPEG', async () => {
    const photo = await photoWithLocation();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const answer = await upload(caseworker, base(), { kind: 'attendance_card', note: '三月考勤', person: `claimant:${worker}` }, [{ name: '考勤卡.jpg', bytes: photo }]);
    expect(answer.status).toBe(201);
    const [item] = answer.body.items;
    expect(item).toMatchObject({ caseId, kind: 'attendance_card', kindLabel: '考勤卡', note: '三月考勤', fileName: '考勤卡.jpg', mediaType: 'image/jpeg', person: { ref: `claimant:${worker}`, label: '褚*' }, withdrawn: null, erased: false, preview: 'image' });
    const download = await caseworker.download(`${base()}/${item.id}/content`);
    expect(download.status).toBe(200);
    expect(download.contentType).toBe('image/jpeg');
    const stored = await sharp(download.bytes).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(stored.exif).toBeUndefined();
    expect(download.bytes.length).toBe(item.size);
    const preview = await caseworker.download(`${base()}/${item.id}/preview`);
    expect(preview).toMatchObject({ status: 200, contentType: 'image/jpeg' });
  });

  it('decides the type from the content: a PNG named .pdf is a PNG, a text named .jpg is refused naming the file', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'white' } }).png().toBuffer();
    const stored = await upload(caseworker, base(), { kind: 'pay_slip' }, [{ name: '工资条.pdf', bytes: png }]);
    expect(stored.status).toBe(201);
    expect(stored.body.items[0]).toMatchObject({ mediaType: 'image/png', person: null });
    const refused = await upload(caseworker, base(), { kind: 'pay_slip' }, [{ name: 'photo.jpg', bytes: Buffer.from('not a picture at all, just words') }]);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('file_type_not_allowed');
    expect(refused.body.message).toContain('photo.jpg');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'files.0', rule: 'file_type_not_allowed' })]);
  });

  it('refuses an empty file, an oversized one and a truncated image, and writes nothing when one file of many is bad', async () => {
    const before = (await caseworker.get(base())).body.items.length;
    const good = await photoWithLocation();
    const empty = await upload(caseworker, base(), { kind: 'other' }, [{ name: 'a.jpg', bytes: good }, { name: 'empty.pdf', bytes: Buffer.alloc(0) }]);
    expect(empty).toMatchObject({ status: 400, body: { code: 'file_empty' } });
    expect(empty.body.message).toContain('empty.pdf');
    const big = await upload(caseworker, base(), { kind: 'other' }, [{ name: 'big.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300 * 1024, 32)]) }]);
    expect(big).toMatchObject({ status: 400, body: { code: 'file_too_large' } });
    const cut = await upload(caseworker, base(), { kind: 'other' }, [{ name: 'cut.jpg', bytes: good.subarray(0, Math.floor(good.length / 2)) }]);
    expect(cut).toMatchObject({ status: 400, body: { code: 'file_truncated' } });
    const unknownKind = await upload(caseworker, base(), { kind: 'selfie' }, [{ name: 'a.jpg', bytes: good }]);
    expect(unknownKind).toMatchObject({ status: 400, body: { code: 'attachment_kind_unknown' } });
    const stranger = await upload(caseworker, base(), { kind: 'other', person: 'claimant:00000000-0000-4000-8000-000000000000' }, [{ name: 'a.jpg', bytes: good }]);
    expect(stranger).toMatchObject({ status: 400, body: { code: 'person_not_in_case' } });
    expect((await caseworker.get(base())).body.items.length).toBe(before);
  });

  it('takes several files at once, lists them newest first, and keeps a withdrawn one marked with its reason', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\nstartxref\n0\n%%EOF\n');
    const photo = await photoWithLocation();
    const many = await upload(caseworker, base(), { kind: 'iou' }, [{ name: '欠条1.jpg', bytes: photo }, { name: '欠条2.pdf', bytes: pdf }]);
    expect(many.status).toBe(201);
    expect(many.body.items.map((i: { fileName: string }) => i.fileName)).toEqual(['欠条1.jpg', '欠条2.pdf']);
    const pdfPreview = await caseworker.download(`${base()}/${many.body.items[1].id}/preview`);
    expect(pdfPreview).toMatchObject({ status: 200, contentType: 'application/pdf' });
    expect((await caseworker.post(`${base()}/${many.body.items[0].id}/withdraw`, {})).status).toBe(400);
    const withdrawn = await caseworker.post(`${base()}/${many.body.items[0].id}/withdraw`, { reason: '拍错了' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toMatchObject({ reason: '拍错了', byName: 'chu.files' });
    const list = (await caseworker.get(base())).body.items;
    expect(list[0].fileName).toBe('欠条2.pdf');
    expect(list.find((i: { id: string }) => i.id === many.body.items[0].id).withdrawn).not.toBeNull();
  });

  it('answers another unit’s caseworker as for the case itself, and logs every download with the case and the person', async () => {
    const [first] = (await caseworker.get(base())).body.items.slice(-1);
    expect((await erqi.get(base())).status).toBe(404);
    expect((await erqi.download(`${base()}/${first.id}/content`)).status).toBe(404);
    expect((await system.admin.get(base())).status).toBe((await system.admin.get(`/api/wage-cases/${caseId}`)).status);
    expect((await supervisor.download(`${base()}/${first.id}/content`)).status).toBe(200);
    const log = (await supervisor.get(`/api/audit/access-log?caseId=${caseId}`)).body;
    expect(log).toContainEqual(expect.objectContaining({ action: 'download', caseKind: 'wage_case', caseId, field: `attachments.${first.id}.claimant:${worker}` }));
    expect(log).toContainEqual(expect.objectContaining({ action: 'preview', caseId }));
  });

  it('after the claimant’s erasure answers 410, and no chunk of the content store holds the photo', async () => {
    const [photo] = (await caseworker.get(base())).body.items.slice(-1);
    expect(photo.person.ref).toBe(`claimant:${worker}`);
    const erased = await system.admin.post('/api/personal-data/erasures', { idNumber: WORKER.idNumber, reason: '本人依法申请删除' });
    expect(erased.status).toBe(201);
    const gone = await caseworker.get(`${base()}/${photo.id}/content`);
    expect(gone).toMatchObject({ status: 410, body: { code: 'attachment_erased' } });
    expect((await caseworker.get(`${base()}/${photo.id}/preview`)).status).toBe(410);
    const listed = (await caseworker.get(base())).body.items.find((i: { id: string }) => i.id === photo.id);
    expect(listed).toMatchObject({ erased: true, person: { label: '（已删除）' } });
    const db = new pg.Client({ connectionString: system.app.runtime.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT bytes FROM content.chunks WHERE content_id = $1', [photo.id]);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows as { bytes: Buffer }[]) expect(row.bytes.includes(JPEG_MAGIC)).toBe(false);
    } finally {
      await db.end();
    }
  });
});
