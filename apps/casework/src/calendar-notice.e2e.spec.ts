/**
 * 放假通知: a year no package knows is counted on the statutory holidays and its deadlines are
 * provisional (暂定); the administrator enters the State Council's notice in one go, and the open
 * deadlines it moves are recounted by the system, with an event that says why.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

// 2030: a year chinese-days will not ship for a long time, so these tests do not depend on its version.
const NOTICE_2030 = {
  holidays: [
    { name: '元旦', from: '2030-01-01', to: '2030-01-01' },
    { name: '春节', from: '2030-02-02', to: '2030-02-10' },
  ],
  makeUpWorkingDays: ['2030-01-26', '2030-02-16'],
  reason: '国务院办公厅关于2030年部分节假日安排的通知',
};

describe('a year whose holiday notice is not known yet', () => {
  let system: TestCasework;
  let centre: ApiClient;

  beforeAll(async () => {
    // Monday 4 February 2030, 10:00 in Shanghai, between the statutory 春节 days and the weekend days given back.
    system = await startTestCasework({ startAt: '2030-02-04T10:00:00+08:00' });
    centre = await system.userClient({ username: 'li.notice', role: 'caseworker', orgUnitId: '410100' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function assignedComplaint(): Promise<string> {
    const { body } = await centre.post('/api/complaints', {
      channel: 'phone', caller: { anonymous: true }, employer: { name: '通知测试企业', district: '410105' },
      category: 'pay', type: 'request_for_action', summary: '拖欠工资',
    });
    const { body: view } = await centre.get(`/api/complaints/${body.id}`);
    await centre.post(`/api/complaints/${body.id}/assign`, { unitId: '410105' }, { version: view.version });
    for (let tries = 0; tries < 100 && !JSON.stringify((await system.admin.get('/api/cases?kind=complaint')).body).includes(body.id); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return body.id;
  }

  it('is provisional, counted on the statutory 春节 (除夕 to 初三, and the weekend days given back)', async () => {
    const { body } = await centre.get('/api/calendar?year=2030');
    expect(body).toMatchObject({ year: 2030, known: false, provisional: true, notice: null });
    const day = (date: string) => body.days.find((d: { date: string }) => d.date === date);
    expect(day('2030-02-02')).toMatchObject({ working: false, statutory: { name: '春节', substitute: false } });
    expect(day('2030-02-07')).toMatchObject({ working: false, statutory: { name: '春节', substitute: true } });
    expect(day('2030-02-08')).toMatchObject({ working: true, statutory: null });
  });

  it('marks a deadline counted into it as provisional, moves it when the notice is entered, and records why', async () => {
    const id = await assignedComplaint();
    const before = (await centre.get(`/api/complaints/${id}`)).body;
    expect(before.deadlines.signForDueAt).toBe('2030-02-08T15:59:59.999Z'); // Friday, after the statutory holidays
    expect(before.deadlines.provisional).toMatchObject({ signForDueAt: true, resolveDueAt: true });

    const entered = await system.admin.request<any>('PUT', '/api/calendar/years/2030/notice', NOTICE_2030);
    expect(entered.status).toBe(200);
    expect(entered.body).toMatchObject({ year: 2030, known: true });
    expect(entered.body.recomputation.casesRecomputed).toBeGreaterThanOrEqual(1);

    const after = (await centre.get(`/api/complaints/${id}`)).body;
    expect(after.deadlines.signForDueAt).toBe('2030-02-11T15:59:59.999Z'); // Monday, after the notice's nine days
    expect(after.deadlines.provisional).toEqual({});
    const history = (await centre.get(`/api/complaints/${id}/history`)).body as { type: string; actor: { userId: string; role: string }; data: any }[];
    const recomputed = history.find((e) => e.type === 'DeadlinesRecomputed')!;
    expect(recomputed.actor).toMatchObject({ userId: 'system:calendar', role: 'system' });
    expect(recomputed.data.reason).toContain('2030 年放假通知录入');
    expect(recomputed.data.deadlines).toContainEqual({ step: 'sign_for', previousDueAt: '2030-02-08T15:59:59.999Z', dueAt: '2030-02-11T15:59:59.999Z' });
    // The assignment still says what was decided then.
    expect(history.find((e) => e.type === 'ComplaintAssigned')!.data.signForDueAt).toBe('2030-02-08T15:59:59.999Z');

    const { body: year } = await centre.get('/api/calendar?year=2030');
    expect(year).toMatchObject({ known: true, provisional: false, notice: { year: 2030, reason: NOTICE_2030.reason } });
    expect(year.days.find((d: { date: string }) => d.date === '2030-02-16')).toMatchObject({ working: true, notice: '调休上班' });
  });

  it('entering the same notice again moves nothing', async () => {
    const again = await system.admin.request<any>('PUT', '/api/calendar/years/2030/notice', NOTICE_2030);
    expect(again.body).toMatchObject({ changedDays: 0, recomputation: { casesRecomputed: 0 } });
  });

  it('refuses a notice with a date that is not real, outside the year, out of order or overlapping, naming each field', async () => {
    const bad = await system.admin.request<any>('PUT', '/api/calendar/years/2031/notice', {
      holidays: [{ name: '春节', from: '2031-02-30', to: '2031-02-28' }, { name: '国庆节', from: '2031-10-07', to: '2031-10-01' }, { name: '清明节', from: '2032-04-05', to: '2031-04-05' }],
      makeUpWorkingDays: ['2031-13-01'],
      reason: '测试',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).toEqual([
      ['holidays[0].from', 'local_date'],
      ['holidays[1].to', 'date_order'],
      ['holidays[2].from', 'notice_year'],
      ['makeUpWorkingDays[0]', 'local_date'],
    ]);
    expect(bad.body.errors[0].message).toMatch(/第 1 项放假安排的开始日期/);
    const overlap = await system.admin.request<any>('PUT', '/api/calendar/years/2031/notice', {
      holidays: [{ name: '劳动节', from: '2031-05-01', to: '2031-05-05' }, { name: '其他', from: '2031-05-05', to: '2031-05-06' }], makeUpWorkingDays: ['2031-05-02'], reason: '测试',
    });
    expect(overlap.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).toEqual([['holidays[1].from', 'notice_overlap'], ['makeUpWorkingDays[0]', 'notice_overlap']]);
    expect((await system.admin.request<any>('PUT', '/api/calendar/years/2031/notice', { holidays: [], makeUpWorkingDays: [], reason: '测试' })).body.errors[0].field).toBe('holidays');
    expect((await system.admin.request<any>('PUT', '/api/calendar/years/20x1/notice', NOTICE_2030)).body.errors[0].field).toBe('year');
    expect((await centre.request('PUT', '/api/calendar/years/2031/notice', NOTICE_2030)).status).toBe(403);
    expect((await centre.get('/api/calendar?year=2031')).body.known).toBe(false);
  });
});
