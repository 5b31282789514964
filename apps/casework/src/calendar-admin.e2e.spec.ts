/** 工作日历: an administrator corrects the working calendar and new deadlines follow it at once. */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

describe('the working calendar, corrected by an administrator', () => {
  let system: TestCasework;
  let centre: ApiClient;
  let serial = 0;

  beforeAll(async () => {
    // Friday 8 March 2030, 10:00 in Shanghai: a year chinese-days does not know, on days without a holiday.
    system = await startTestCasework({ startAt: '2030-03-08T10:00:00+08:00' });
    centre = await system.userClient({ username: 'wang.hotline', role: 'caseworker', orgUnitId: '410100' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function signForDueOfNewAssignment(): Promise<string> {
    serial += 1;
    const { body } = await centre.post('/api/complaints', {
      channel: 'phone', caller: { anonymous: true }, employer: { name: `日历测试企业${serial}`, district: '410105' },
      category: 'pay', type: 'request_for_action', summary: '拖欠工资',
    });
    const { body: view } = await centre.get(`/api/complaints/${body.id}`);
    await centre.post(`/api/complaints/${body.id}/assign`, { unitId: '410105' }, { version: view.version });
    return (await centre.get(`/api/complaints/${body.id}`)).body.deadlines.signForDueAt;
  }

  it('moves the next deadline when a day is made a holiday, and back when the correction is removed', async () => {
    expect((await centre.get('/api/calendar?year=2030')).body).toMatchObject({ year: 2030, known: false, provisional: true, corrections: [] });
    expect(await signForDueOfNewAssignment()).toBe('2030-03-11T15:59:59.999Z'); // Monday

    const set = await system.admin.request('PUT', '/api/calendar/days/2030-03-11', { kind: 'non_working', note: '防汛应急停工' });
    expect(set.status).toBe(200);
    expect(await signForDueOfNewAssignment()).toBe('2030-03-12T15:59:59.999Z'); // Tuesday
    expect((await centre.get('/api/calendar?year=2030')).body.corrections).toEqual([{ date: '2030-03-11', kind: 'non_working', note: '防汛应急停工' }]);

    expect((await system.admin.request('DELETE', '/api/calendar/days/2030-03-11')).status).toBe(204);
    expect(await signForDueOfNewAssignment()).toBe('2030-03-11T15:59:59.999Z');
  });

  it('lists every day of a year with its holiday or make-up working day, and the correction that overrides it', async () => {
    const days = async () => (await centre.get('/api/calendar?year=2026')).body.days as { date: string }[];
    const day = async (date: string) => (await days()).find((d) => d.date === date);
    expect(await days()).toHaveLength(365);
    expect(await day('2026-02-16')).toEqual({
      date: '2026-02-16', weekday: 1, working: false, published: { kind: 'holiday', name: '春节', nameEn: 'Spring Festival' }, notice: null, statutory: null, correction: null,
    });
    expect(await day('2026-02-14')).toMatchObject({ weekday: 6, working: true, published: { kind: 'make_up_working_day', name: '春节' } });
    expect(await day('2026-03-07')).toMatchObject({ weekday: 6, working: false, published: null });

    await system.admin.request('PUT', '/api/calendar/days/2026-03-09', { kind: 'non_working', note: '防汛应急停工' });
    expect(await day('2026-03-09')).toMatchObject({ working: false, published: null, correction: { kind: 'non_working', note: '防汛应急停工' } });
    await system.admin.request('DELETE', '/api/calendar/days/2026-03-09');
    expect(await day('2026-03-09')).toMatchObject({ working: true, correction: null });
  });

  it('records that a year\'s arrangement has been entered', async () => {
    const marked = await system.admin.request<any>('PUT', '/api/calendar/years/2029', { entered: true });
    expect(marked.body).toMatchObject({ year: 2029, known: true });
  });

  it('lets only an administrator correct it, and names a bad date or kind', async () => {
    expect((await centre.request('PUT', '/api/calendar/days/2030-02-08', { kind: 'non_working' })).status).toBe(403);
    const badDate = await system.admin.request<any>('PUT', '/api/calendar/days/2030-02-30', { kind: 'working' });
    expect([badDate.status, badDate.body.errors[0].field]).toEqual([400, 'date']);
    const badKind = await system.admin.request<any>('PUT', '/api/calendar/days/2030-02-08', { kind: 'holiday' });
    expect([badKind.status, badKind.body.errors[0].field]).toEqual([400, 'kind']);
  });
});
