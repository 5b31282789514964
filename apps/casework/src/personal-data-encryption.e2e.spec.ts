/**
 * Personal data encrypted inside the events with a key per person, masked in every view, and
 * idempotent retries still written once — over HTTP, on the whole system and a real PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { complaintFrom, residentId, tablesContaining } from '#casework-testing';

const PHONE = '13812345678';
const ID_NUMBER = residentId('41010519900101123');

describe('personal data at rest and in views', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let complaintId: string;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'wang.centre', role: 'caseworker', orgUnitId: '410100' });
    const created = await centre.post('/api/complaints', complaintFrom({ name: '王建国', phone: `+86 138-1234-5678`, idNumber: ID_NUMBER }, '郑州市某某建筑劳务有限公司'));
    expect(created.status).toBe(201);
    complaintId = created.body.id;
    await system.app.runtime.projections.waitUntilCaughtUp();
  }, 60_000);

  afterAll(() => system?.stop());

  const sql = (text: string, params: unknown[] = []) => system.app.runtime.dataSource.query(text, params);

  it('never stores the phone or ID number in clear in the events table', async () => {
    expect(await sql(`SELECT count(*)::int AS n FROM event_store.events WHERE data::text LIKE '%13812345678%'`)).toEqual([{ n: 0 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM event_store.events WHERE data::text LIKE $1`, [`%${ID_NUMBER}%`])).toEqual([{ n: 0 }]);
    const [{ caller }] = await sql(`SELECT data->'caller' AS caller FROM event_store.events WHERE event_type = 'ComplaintReceived' AND data->>'complaintId' = $1`, [complaintId]);
    expect(caller).toMatchObject({ anonymous: false, phone: { $enc: { subject: expect.any(String), iv: expect.any(String), data: expect.any(String), tag: expect.any(String) } } });
    expect(caller.idNumber.$enc.subject).toBe(caller.phone.$enc.subject);
  });

  it('stores them in clear in no table at all, read models and key store included', async () => {
    expect(await tablesContaining(system.app.runtime.dataSource, PHONE)).toEqual([]);
    expect(await tablesContaining(system.app.runtime.dataSource, ID_NUMBER)).toEqual([]);
    expect(await tablesContaining(system.app.runtime.dataSource, '王建国')).toEqual([]);
  });

  it('keeps each person\'s data key in the key store schema, wrapped (IV, tag and 32 sealed bytes)', async () => {
    const keys: { bytes: number; master: string }[] = await sql(`SELECT length(wrapped_key) AS bytes, master_key_id AS master FROM keystore.data_keys`);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(new Set(keys.map((key) => `${key.bytes}/${key.master}`)).size).toBe(1);
    expect(keys[0].bytes).toBe(12 + 16 + 32);
  });

  it('shows the phone and ID number masked in the view, the history and the case list', async () => {
    const { body: view } = await centre.get(`/api/complaints/${complaintId}`);
    expect(view.caller).toEqual({ anonymous: false, name: '王建国', phone: '138****5678', idNumber: '410105********1233' });
    const { body: history } = await centre.get(`/api/complaints/${complaintId}/history`);
    expect(history[0].data.caller).toMatchObject({ phone: '138****5678', idNumber: '410105********1233' });
    const { body: list } = await centre.get('/api/cases');
    expect(list.items.map((item: { id: string }) => item.id)).toContain(complaintId);
    for (const answer of [view, history, list]) {
      expect(JSON.stringify(answer)).not.toContain(PHONE);
      expect(JSON.stringify(answer)).not.toContain(ID_NUMBER);
    }
  });

  it('gives one person one subject across cases', async () => {
    const again = await centre.post('/api/complaints', complaintFrom({ name: '王建国', phone: '13900001111', idNumber: ID_NUMBER }, '另一家公司'));
    const subjects: { subject: string }[] = await sql(
      `SELECT DISTINCT data->'caller'->'idNumber'->'$enc'->>'subject' AS subject FROM event_store.events
        WHERE event_type = 'ComplaintReceived' AND data->>'complaintId' = ANY($1)`,
      [[complaintId, again.body.id]],
    );
    expect(subjects).toHaveLength(1);
  });

  it('writes a retried command once with encryption on, over HTTP and at the store', async () => {
    const body = complaintFrom({ phone: '13700002222' }, '重试测试公司');
    const answers = await Promise.all([1, 2, 3].map(() => centre.post('/api/complaints', body, { key: 'pd-retry-key-0001' })));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await centre.get(`/api/complaints/${answers[0].body.id}/history`)).body).toHaveLength(2);

    // A whole ComplaintReceived (the one just taken, under a new id): the live projections read it too.
    const [taken] = await system.app.runtime.store.readStream(`hotline-complaint-${answers[0].body.id}`);
    const complaintId = randomUUID();
    const streamId = `hotline-complaint-${complaintId}`;
    const event: NewEvent = {
      eventId: randomUUID(),
      type: 'ComplaintReceived',
      schemaVersion: taken.schemaVersion,
      data: { ...(taken.data as object), complaintId, caller: { anonymous: false, phone: '13700003333' } },
      metadata: taken.metadata,
    };
    const first = await system.app.runtime.store.appendToStream(streamId, [event], 'no_stream');
    const retry = await system.app.runtime.store.appendToStream(streamId, [event], 'no_stream');
    expect(retry).toEqual(first);
    expect(await sql('SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1', [streamId])).toEqual([{ n: 1 }]);
    await system.app.runtime.projections.waitUntilCaughtUp();
    expect((await system.app.runtime.projections.status()).filter((projection) => projection.state !== 'running')).toEqual([]);
  });
});
