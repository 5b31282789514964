/**
 * Issue 17: what the system tells supervisors of its own accord. A user who reveals personal data too
 * often is stopped (`429 reveal_limit`) and their unit's supervisors are told; the daily hash-chain
 * check that finds a stream cut back below the head it saved last time tells every city supervisor.
 */
import { complaintFrom } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { startTestCasework, type TestCasework } from '#casework-testing';

const JINSHUI = '410105';
const ERQI = '410103';

describe('notices to supervisors', () => {
  let system: TestCasework;
  let jinshui: ApiClient;
  let jinshuiSupervisor: ApiClient;
  let erqiSupervisor: ApiClient;
  let citySupervisor: ApiClient;
  let complaintId: string;

  beforeAll(async () => {
    system = await startTestCasework();
    jinshui = await system.userClient({ username: 'li.notices', role: 'caseworker', orgUnitId: JINSHUI });
    jinshuiSupervisor = await system.userClient({ username: 'zhang.notices', role: 'supervisor', orgUnitId: JINSHUI });
    erqiSupervisor = await system.userClient({ username: 'zhou.notices', role: 'supervisor', orgUnitId: ERQI });
    citySupervisor = await system.userClient({ username: 'chen.notices', role: 'supervisor', orgUnitId: '410100' });
    complaintId = (await jinshui.post('/api/complaints', complaintFrom({ name: '王建国', phone: '13812345678' }, '某建筑公司', JINSHUI))).body.id;
    await system.app.runtime.projections.waitUntilCaughtUp();
  }, 60_000);

  afterAll(() => system?.stop());

  const kinds = async (client: ApiClient) => ((await client.get('/api/notices')).body.items as { kind: string }[]).map((n) => n.kind);

  it('stops a user who reveals personal data more than 30 times in 10 minutes, and tells their unit\'s supervisors once', async () => {
    const reveal = () => jinshui.post(`/api/complaints/${complaintId}/reveal`, { field: 'caller.phone', reason: '回访来电人' });
    for (let i = 0; i < 30; i++) expect((await reveal()).status).toBe(200);
    const refused = await reveal();
    expect([refused.status, refused.body.code]).toEqual([429, 'reveal_limit']);
    expect(refused.body.message).toContain('督导已收到通知');
    expect((await reveal()).status).toBe(429);

    const notices = await jinshuiSupervisor.get('/api/notices');
    expect(notices.body.unread).toBe(1);
    expect(notices.body.items).toEqual([expect.objectContaining({ kind: 'reveal_limit_reached', unitId: JINSHUI, unitName: '金水区总工会', read: false })]);
    expect(notices.body.items[0].body).toContain('li.notices');
    expect(await kinds(citySupervisor)).toEqual(['reveal_limit_reached']);
    expect(await kinds(erqiSupervisor)).toEqual([]);
    expect((await jinshui.get('/api/notices')).status).toBe(403);

    expect((await jinshuiSupervisor.post(`/api/notices/${notices.body.items[0].id}/read`)).status).toBe(204);
    expect((await jinshuiSupervisor.get('/api/notices')).body.unread).toBe(0);
    expect((await erqiSupervisor.post(`/api/notices/${notices.body.items[0].id}/read`)).status).toBe(404);
  });

  it('checks the hash chains against the heads it saved, and tells every city supervisor when a stream was cut back', async () => {
    const first = await system.app.audit.runOnce();
    expect(first.problems).toEqual([]);
    // Someone with write access to the database removes the complaint's last event and moves its head back:
    // the chain that is left is intact, only the saved head shows what is missing.
    const { dataSource } = system.app.runtime;
    const streamId = `hotline-complaint-${complaintId}`;
    const [{ revision }] = await dataSource.query('SELECT revision::int AS revision FROM event_store.streams WHERE stream_id = $1', [streamId]);
    expect(revision).toBeGreaterThan(0);
    await dataSource.query('DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = $2', [streamId, revision]);
    await dataSource.query('UPDATE event_store.streams SET revision = $2 WHERE stream_id = $1', [streamId, revision - 1]);

    const second = await system.app.audit.runOnce();
    expect(second.problems).toEqual([expect.objectContaining({ problem: 'removed', streamId, revision })]);
    expect(await kinds(citySupervisor)).toContain('audit_chain_broken');
    expect(await kinds(jinshuiSupervisor)).not.toContain('audit_chain_broken');
    // The heads are not overwritten: the next check fails as well, and tells no one twice the same day.
    expect((await system.app.audit.runOnce()).problems).toHaveLength(1);
    expect((await kinds(citySupervisor)).filter((k) => k === 'audit_chain_broken')).toHaveLength(1);
  });
});
