/**
 * Idempotency-Keys belong to the user who sends them: two users who happen to pick the same key each
 * get their own command run and written. A key left claimed by a process that died is taken over by
 * the retry (ADR 0005).
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const CENTRE = '410100';

describe('Idempotency-Keys of different users', () => {
  let system: TestCasework;
  let wang: ApiClient;
  let liu: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    wang = await system.userClient({ username: 'wang.keys', role: 'caseworker', orgUnitId: CENTRE });
    liu = await system.userClient({ username: 'liu.keys', role: 'caseworker', orgUnitId: CENTRE });
  }, 60_000);

  afterAll(() => system?.stop());

  it('writes both users’ different commands on one case when they send the same key', async () => {
    const created = await wang.post('/api/complaints', {
      channel: 'phone',
      caller: { anonymous: true },
      employer: { name: '郑州同键测试有限公司', district: '410105' },
      category: 'pay',
      type: 'inquiry',
      summary: '咨询工资支付周期',
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    const key = 'same-key-from-two-users';

    const first = await wang.post(`/api/complaints/${id}/note`, { text: '王：已回电' }, { key });
    const second = await liu.post(`/api/complaints/${id}/note`, { text: '刘：补充材料' }, { key });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.version).toBe(first.body.version + 1);

    const history = (await wang.get(`/api/complaints/${id}/history`)).body as { type: string; data: { text?: string } }[];
    const notes = history.filter((event) => event.type === 'ComplaintNoteAdded').map((event) => event.data.text);
    expect(notes).toEqual(['王：已回电', '刘：补充材料']);
  });

  it('still answers one user’s retry with the first answer and writes once', async () => {
    const body = { channel: 'walk_in', caller: { anonymous: true }, employer: { name: '郑州重试测试有限公司', district: '410105' }, category: 'pay', type: 'inquiry', summary: '来访咨询' };
    const first = await wang.post('/api/complaints', body, { key: 'one-user-retry-0001' });
    const retry = await wang.post('/api/complaints', body, { key: 'one-user-retry-0001' });
    const other = await liu.post('/api/complaints', body, { key: 'one-user-retry-0001' });
    expect([first.status, retry.status, other.status]).toEqual([201, 201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('answers a retry whose first attempt was written by a process that then died with that attempt’s answer, writing nothing', async () => {
    const created = await wang.post('/api/complaints', {
      channel: 'phone',
      caller: { anonymous: true },
      employer: { name: '郑州接管测试有限公司', district: '410105' },
      category: 'pay',
      type: 'inquiry',
      summary: '咨询加班工资',
    });
    const key = 'written-then-crashed-0001';
    const first = await wang.post(`/api/complaints/${created.body.id}/note`, { text: '已回电' }, { key, version: created.body.version });
    expect(first.status).toBe(200);
    // What a kill -9 between the append and the stored answer leaves: the key claimed by a process that is gone.
    const [, claimed] = await system.app.runtime.dataSource.query(
      `UPDATE command_results SET result = NULL, claimed_by = '4242424242424242' WHERE idempotency_key = $1 RETURNING 1`,
      [key],
    );
    expect(claimed).toBe(1);

    const retry = await wang.post(`/api/complaints/${created.body.id}/note`, { text: '已回电' }, { key, version: created.body.version });
    expect([retry.status, retry.body]).toEqual([200, first.body]);
    const history = (await wang.get(`/api/complaints/${created.body.id}/history`)).body as { type: string }[];
    expect(history.filter((event) => event.type === 'ComplaintNoteAdded')).toHaveLength(1);
  });
});
