/**
 * The supervisor's audit over HTTP, against the whole system on a real PostgreSQL: a complaint as of
 * any moment, the difference between two moments, and the hash-chain check that catches rows changed
 * or deleted behind the system's back (docs/api.md, "Audit"; docs/adr/0008-hash-chain.md).
 */
import pg from 'pg';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const CITY = '410100';
const JINSHUI = '410105';
const ERQI = '410103';
const PHONE = '13812345678';

describe('the audit of a complaint over HTTP', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let jinshui: ApiClient;
  let erqi: ApiClient;
  let citySupervisor: ApiClient;
  let jinshuiSupervisor: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    centre = await system.userClient({ username: 'wang.hotline', role: 'caseworker', orgUnitId: CITY });
    jinshui = await system.userClient({ username: 'li.jinshui', role: 'caseworker', orgUnitId: JINSHUI });
    erqi = await system.userClient({ username: 'zhao.erqi', role: 'caseworker', orgUnitId: ERQI });
    citySupervisor = await system.userClient({ username: 'chen.supervisor', role: 'supervisor', orgUnitId: CITY });
    jinshuiSupervisor = await system.userClient({ username: 'sun.supervisor', role: 'supervisor', orgUnitId: JINSHUI });
  }, 60_000);

  afterAll(() => system?.stop());

  let serial = 0;
  async function receive(): Promise<string> {
    const created = await centre.post('/api/complaints', {
      channel: 'phone',
      caller: { name: '王建国', phone: serial++ === 0 ? PHONE : `139${String(10_000_000 + serial).slice(-8)}` },
      employer: { name: `郑州市第${serial}建筑劳务有限公司`, district: JINSHUI },
      category: 'pay',
      type: 'request_for_action',
      summary: '工地拖欠三名工人两个月工资',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function step(client: ApiClient, id: string, action: string, body: unknown = {}) {
    const { body: current } = await client.get(`/api/complaints/${id}`);
    const response = await client.post(`/api/complaints/${id}/${action}`, body, { version: current.version });
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
  }

  /** A complaint received, assigned to Jinshui and signed for there; with the instant each event was recorded. */
  async function anAssignedComplaint(): Promise<{ id: string; recorded: string[] }> {
    const id = await receive();
    await step(centre, id, 'assign', { unitId: JINSHUI });
    await step(jinshui, id, 'sign-for');
    const { body: history } = await centre.get(`/api/complaints/${id}/history`);
    return { id, recorded: history.map((event: { recordedAt: string }) => event.recordedAt) };
  }

  const asOf = (client: ApiClient, id: string, at: string) => client.get(`/api/complaints/${id}/as-of?at=${encodeURIComponent(at)}`);
  const diff = (client: ApiClient, id: string, from: string, to: string) =>
    client.get(`/api/complaints/${id}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

  it('shows the complaint as it stood at each moment, personal data still masked', async () => {
    const { id, recorded } = await anAssignedComplaint();
    expect(recorded).toHaveLength(4); // received, classified, assigned, signed for

    const classified = await asOf(centre, id, recorded[1]);
    expect(classified.status).toBe(200);
    expect(classified.body).toMatchObject({ id, version: 2, status: 'classified', assignedUnitId: null, caller: { phone: '138****5678' } });
    const assigned = await asOf(centre, id, recorded[2]);
    expect(assigned.body).toMatchObject({ version: 3, assignedUnitId: JINSHUI });
    expect((await centre.get(`/api/complaints/${id}`)).body.version).toBe(4);
    expect(JSON.stringify([classified.body, assigned.body])).not.toContain(PHONE);
  });

  it('reads the moment in any time zone, and says when the complaint did not exist yet', async () => {
    const { id, recorded } = await anAssignedComplaint();
    // The same instant on Beijing time, microseconds kept: '…T16:30:00.123456+08:00'.
    const shanghai = `${new Date(Date.parse(recorded[2]) + 8 * 3_600_000).toISOString().slice(0, 19)}${recorded[2].slice(19, 26)}+08:00`;

    expect((await asOf(centre, id, shanghai)).body.version).toBe(3);
    const before = await asOf(centre, id, '2020-01-01T00:00:00Z');
    expect([before.status, before.body.code]).toEqual([404, 'complaint_not_yet_received']);
  });

  it('lists what changed between two moments, field by field, and the events recorded in between', async () => {
    const { id, recorded } = await anAssignedComplaint();
    const then = (await asOf(centre, id, recorded[1])).body;
    const later = (await asOf(centre, id, recorded[3])).body;

    const response = await diff(centre, id, recorded[1], recorded[3]);

    expect(response.status).toBe(200);
    expect(response.body.from).toBe(recorded[1]);
    expect(response.body.to).toBe(recorded[3]);
    expect(response.body.changes).toEqual(expect.arrayContaining([
      { field: 'version', before: 2, after: 4 },
      { field: 'status', before: 'classified', after: later.status },
      { field: 'assignedUnitId', before: null, after: JINSHUI },
    ]));
    expect(then.status).not.toBe(later.status);
    expect(response.body.changes.map((c: { field: string }) => c.field)).not.toContain('allowedActions');
    expect(response.body.events.map((e: { revision: number }) => e.revision)).toEqual([2, 3]);
    expect(response.body.events[1]).toMatchObject({ actor: { orgUnitId: JINSHUI, role: 'caseworker' } });
    expect((await diff(centre, id, recorded[3], recorded[3])).body).toMatchObject({ changes: [], events: [] });
  });

  it('answers the units that may see the complaint, and 404 to everyone else, as for the complaint itself', async () => {
    const { id, recorded } = await anAssignedComplaint();
    const unknown = '00000000-0000-4000-8000-000000000000';

    for (const client of [centre, jinshui, citySupervisor, jinshuiSupervisor]) {
      expect((await asOf(client, id, recorded[3])).status).toBe(200);
      expect((await diff(client, id, recorded[0], recorded[3])).status).toBe(200);
    }
    for (const client of [erqi, system.admin]) {
      for (const response of [await asOf(client, id, recorded[3]), await diff(client, id, recorded[0], recorded[3])]) {
        expect([response.status, response.body.code]).toEqual([404, 'complaint_not_found']);
      }
    }
    expect((await asOf(centre, unknown, recorded[3])).body.code).toBe('complaint_not_found');
    expect((await diff(centre, 'not-an-id', recorded[0], recorded[3])).status).toBe(404);
  });

  it('refuses a moment that is not an ISO instant with its zone, in Chinese, naming the parameter', async () => {
    const { id, recorded } = await anAssignedComplaint();

    const noZone = await asOf(centre, id, '2026-01-05T08:30:00');
    expect([noZone.status, noZone.body.code]).toEqual([400, 'validation_failed']);
    expect(noZone.body.errors).toEqual([expect.objectContaining({ field: 'at', rule: 'iso_instant', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]);
    expect((await centre.get(`/api/complaints/${id}/as-of`)).status).toBe(400);
    const backwards = await diff(centre, id, recorded[3], recorded[0]);
    expect([backwards.status, backwards.body.errors[0].rule]).toEqual([400, 'not_after_to']);
  });

  it('lets only the city federation\'s supervisors check the hash chains', async () => {
    await anAssignedComplaint();

    const verified = await citySupervisor.get('/api/audit/verify');

    expect(verified.status).toBe(200);
    expect(verified.body.problems).toEqual([]);
    expect(verified.body.streams).toBeGreaterThanOrEqual(1);
    expect(verified.body.events).toBeGreaterThanOrEqual(4);
    // The embedded default keeps the events in PostgreSQL, whose chains are stored with each event.
    expect(verified.body.chainKeeping).toBe('stored');
    for (const client of [jinshuiSupervisor, centre, jinshui, system.admin]) {
      const refused = await client.get('/api/audit/verify');
      expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    }
  });

  it('names the complaint and revision of a row changed or deleted directly in PostgreSQL', async () => {
    const altered = await anAssignedComplaint();
    const shortened = await anAssignedComplaint();
    const db = new pg.Client({ connectionString: system.app.runtime.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{workingDays}', '60') WHERE stream_id = $1 AND stream_revision = 2`, [`hotline-complaint-${altered.id}`]);
      await db.query('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 1', [`hotline-complaint-${shortened.id}`]);
    } finally {
      await db.end();
    }

    const { body } = await citySupervisor.get('/api/audit/verify');

    expect(body.problems).toEqual(expect.arrayContaining([
      { streamId: `hotline-complaint-${altered.id}`, revision: 2, problem: 'altered' },
      { streamId: `hotline-complaint-${shortened.id}`, revision: 1, problem: 'removed' },
    ]));
    expect(body.problems).toHaveLength(2);
  });
});
