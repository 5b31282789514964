/**
 * 指派调解员 over HTTP (issue 17.4): a mediation case's mediator is an active mediator of its room —
 * not any string, not the administrator, not a mediator of another district's room, not a disabled one.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ROOM = 'MR-410105';

describe('who may be assigned as a case\'s mediator', () => {
  let system: TestCasework;
  let mediator: ApiClient;
  let supervisor: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    mediator = await system.userClient({ username: 'assign.mediator', role: 'mediator', orgUnitId: ROOM });
    supervisor = await system.userClient({ username: 'assign.supervisor', role: 'supervisor', orgUnitId: '410105' });
  }, 60_000);

  afterAll(() => system?.stop());

  const idOf = async (client: ApiClient) => (await client.get('/api/auth/me')).body.id as string;
  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('refuses anyone but an active mediator of the case\'s room, naming mediatorId, and assigns one who is', async () => {
    const today = shanghaiDay();
    const { id } = await post(mediator, '/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调9101号', referralType: 'assigned' },
      roomId: ROOM, referredOn: today, applicants: [{ name: '王建国', phone: '13812345678' }], respondent: { name: '郑州某建筑劳务有限公司' },
      claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '追索工资',
    });
    await post(mediator, `/api/mediation-cases/${id}/accept`, { acceptedOn: today });
    const erqi = await system.userClient({ username: 'assign.erqi', role: 'mediator', orgUnitId: 'MR-410103' });
    const caseworker = await system.userClient({ username: 'assign.caseworker', role: 'caseworker', orgUnitId: '410105' });
    const leaving = await system.userClient({ username: 'assign.leaving', role: 'mediator', orgUnitId: ROOM });
    const leavingId = await idOf(leaving);
    await system.admin.post(`/api/users/${leavingId}/disable`);
    for (const candidate of ['not-a-user', await idOf(system.admin), await idOf(erqi), await idOf(caseworker), leavingId]) {
      const refused = await supervisor.post(`/api/mediation-cases/${id}/mediator`, { mediatorId: candidate });
      expect([refused.status, refused.body.errors?.[0]?.field, refused.body.errors?.[0]?.rule]).toEqual([400, 'mediatorId', 'room_mediator']);
      expect(refused.body.errors[0].message).toMatch(/调解员/);
    }
    expect((await mediator.get(`/api/mediation-cases/${id}`)).body.mediator ?? null).toBeNull();
    await post(supervisor, `/api/mediation-cases/${id}/mediator`, { mediatorId: await idOf(mediator) });
    expect((await mediator.get(`/api/mediation-cases/${id}`)).body.mediator).toMatchObject({ mediatorId: await idOf(mediator) });
  });
});
