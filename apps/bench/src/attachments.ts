import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import sharp from 'sharp';
import { DEFAULT_ATTACHMENT_LIMITS, inspectFile } from '#attachments';
import type { RunningCasework } from '#casework-runtime';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const SECTION = '11. Attachments';
const CONCURRENCY = 8;
const PHOTOS_PER_LANE = 8;
const MB = 1024 * 1024;

/**
 * A phone photo of about 2 MB: noise, so that neither the JPEG encoder (the server re-encodes every
 * photo) nor PostgreSQL's TOAST compression makes it small.
 */
async function noisePhoto(): Promise<Buffer> {
  const width = 2000;
  const height = 1500;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

async function lanes(count: number, work: (lane: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, lane) => work(lane)));
}

/**
 * Item 11 (issue 19 point 7): 2 MB photos uploaded through `POST …/attachments` and downloaded through
 * `GET …/content` at concurrency 8 on the embedded default (the PostgreSQL content store), against
 * reading the same chunks straight from PostgreSQL at the same concurrency; and what the content
 * schema holds per MB uploaded. Each lane uploads to a case of its own (one case's uploads take turns
 * on its stream).
 */
export async function measureAttachments(casework: RunningCasework, token: string): Promise<Figure[]> {
  const api = async (method: string, path: string, body?: string | FormData, headers: Record<string, string> = {}) =>
    fetch(`${casework.url}${path}`, { method, body, headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID(), ...headers } });
  const cases: string[] = [];
  for (let lane = 0; lane < CONCURRENCY; lane++) {
    const opened = await api('POST', '/api/wage-cases', JSON.stringify({ source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: `压测附件公司${lane}`, district: '410105' }, summary: '附件压测' }), { 'content-type': 'application/json' });
    if (opened.status !== 201) throw new Error(`Opening a wage case failed: ${opened.status} ${await opened.text()}`);
    cases.push(((await opened.json()) as { id: string }).id);
  }
  progress(`attachments: making ${PHOTOS_PER_LANE} noise photos of about 2 MB (each lane sends them all)`);
  const photos = await Promise.all(Array.from({ length: PHOTOS_PER_LANE }, () => noisePhoto()));
  const sent = CONCURRENCY * photos.reduce((sum, p) => sum + p.length, 0);

  progress(`attachments: uploading ${CONCURRENCY * PHOTOS_PER_LANE} photos at concurrency ${CONCURRENCY}`);
  const stored: { caseId: string; id: string; size: number }[] = [];
  const uploadStarted = performance.now();
  await lanes(CONCURRENCY, async (lane) => {
    for (const [index, photo] of photos.entries()) {
      const form = new FormData();
      form.append('kind', 'site_photo');
      form.append('files', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `现场照片-${lane}-${index}.jpg`);
      const answer = await api('POST', `/api/wage-cases/${cases[lane]}/attachments`, form);
      if (answer.status !== 201) throw new Error(`Upload failed: ${answer.status} ${await answer.text()}`);
      const [item] = ((await answer.json()) as { items: { id: string; size: number }[] }).items;
      stored.push({ caseId: cases[lane], id: item.id, size: item.size });
    }
  });
  const uploadSeconds = (performance.now() - uploadStarted) / 1000;

  // The upload's ceiling on this machine: the same photos only checked and re-encoded (inspectFile, as the server does), at the same concurrency.
  progress(`attachments: checking and re-encoding the same ${CONCURRENCY * PHOTOS_PER_LANE} photos in-process, concurrency ${CONCURRENCY}`);
  const inspectStarted = performance.now();
  await lanes(CONCURRENCY, async (lane) => {
    for (const [index, photo] of photos.entries()) await inspectFile({ fileName: `现场照片-${lane}-${index}.jpg`, bytes: photo }, 0, DEFAULT_ATTACHMENT_LIMITS);
  });
  const inspectSeconds = (performance.now() - inspectStarted) / 1000;

  progress('attachments: downloading every photo at concurrency 8');
  const queue = [...stored];
  let received = 0;
  const downloadStarted = performance.now();
  await lanes(CONCURRENCY, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const answer = await api('GET', `/api/wage-cases/${item.caseId}/attachments/${item.id}/content`);
      const bytes = Buffer.from(await answer.arrayBuffer());
      if (answer.status !== 200 || bytes.length !== item.size) throw new Error(`Download failed: ${answer.status}, ${bytes.length} of ${item.size} bytes`);
      received += bytes.length;
    }
  });
  const downloadSeconds = (performance.now() - downloadStarted) / 1000;

  progress('attachments: reading the same chunks straight from PostgreSQL at concurrency 8');
  const pool = new pg.Pool({ connectionString: casework.runtime.databaseUrl, max: CONCURRENCY });
  let direct = 0;
  let directSeconds = 0;
  let contentBytes = 0;
  try {
    const again = [...stored];
    const directStarted = performance.now();
    await lanes(CONCURRENCY, async () => {
      for (let item = again.shift(); item; item = again.shift()) {
        const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM content.chunks WHERE content_id = $1 ORDER BY seq', [item.id]);
        direct += rows.reduce((sum, row) => sum + row.bytes.length, 0);
      }
    });
    directSeconds = (performance.now() - directStarted) / 1000;
    const [size] = (await pool.query<{ bytes: string }>(`SELECT (pg_total_relation_size('content.items') + pg_total_relation_size('content.chunks'))::text AS bytes`)).rows;
    contentBytes = Number(size.bytes);
  } finally {
    await pool.end();
  }
  const uploadRate = sent / MB / uploadSeconds;
  const downloadRate = received / MB / downloadSeconds;
  const directRate = direct / MB / directSeconds;
  const uploadedBytes = stored.reduce((sum, item) => sum + item.size, 0);
  const count = `${stored.length} photos of ${(sent / stored.length / MB).toFixed(2)} MB on average`;
  return [
    figure(SECTION, 'upload through the API, concurrency 8', uploadRate, 'MB/s', { op: '>=', value: 40 }, `${count}; checked, re-encoded without EXIF, encrypted, stored, event appended`),
    figure(SECTION, 'checking and re-encoding alone (inspectFile), concurrency 8', sent / MB / inspectSeconds, 'MB/s', null, 'the same photos, in-process, no HTTP, no storage: the ceiling of the upload on this machine'),
    figure(SECTION, 'download through the API, concurrency 8', downloadRate, 'MB/s', null, 'decrypted, access-logged'),
    figure(SECTION, 'reading the same chunks straight from PostgreSQL, concurrency 8', directRate, 'MB/s', null),
    figure(SECTION, 'download as a share of the direct read', (downloadRate / directRate) * 100, '%', { op: '>=', value: 75 }, 'target: within 25%'),
    figure(SECTION, 'content schema bytes per MB uploaded', contentBytes / (sent / MB), 'bytes/MB', null, `${(contentBytes / MB).toFixed(1)} MB in the schema (tables, TOAST, indexes) for ${(sent / MB).toFixed(1)} MB sent, ${(uploadedBytes / MB).toFixed(1)} MB kept after re-encoding`),
  ];
}
