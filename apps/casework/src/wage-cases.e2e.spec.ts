/**
 * 欠薪追讨 over HTTP: a project case with a pasted claimant list, verification, an emergency advance
 * approved by the supervisor, two instalments allocated across the workers, a reversal, the ledger
 * (JSON and Excel) and closing; bad input named by row and field; other units see nothing.
 */
import readXlsxFile from 'read-excel-file/node';
import { addDays } from '#calendar';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';

describe('wage cases over HTTP', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let supervisor: ApiClient;
  let erqi: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'zhou.wage', role: 'caseworker', orgUnitId: JINSHUI });
    supervisor = await system.userClient({ username: 'qian.supervisor', role: 'supervisor', orgUnitId: JINSHUI });
    erqi = await system.userClient({ username: 'wu.erqi', role: 'caseworker', orgUnitId: '410103' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function act(client: ApiClient, id: string, action: string, body: unknown = {}) {
    const response = await client.post(`/api/wage-cases/${id}/${action}`, body);
    if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function openProjectCase(): Promise<string> {
    const opened = await caseworker.post('/api/wage-cases', {
      source: { kind: 'walk_in' },
      respondent: { kind: 'project', name: '金水区某安置房二期项目', district: JINSHUI, chain: [{ role: 'developer', name: '某置业公司' }, { role: 'main_contractor', name: '某建工集团' }, { role: 'team_leader', name: '张某' }] },
      summary: '钢筋班组 3 人 2025 年工资未结清',
    });
    expect(opened.status).toBe(201);
    return opened.body.id;
  }

  const LIST = ['姓名\t身份证号码\t电话\t入职日期\t离职日期\t主张金额（元）', '赵大\t410105198001010017\t13800001111\t2025/3/1\t2025-12-31\t12,000', '钱二\t\t13800002222\t2025-03-01\t2025-12-31\t8000.5', '孙三\t\t\t2025-04-01\t\t5000'].join('\n');

  it('walks a case from a pasted list to full recovery, with every fen in the ledger', async () => {
    const id = await openProjectCase();
    const imported = await act(caseworker, id, 'claimants/import', { format: 'csv', content: LIST });
    expect(imported).toMatchObject({ added: 3 });

    let view = (await caseworker.get(`/api/wage-cases/${id}`)).body;
    expect(view.claimants.map((c: { name: string; claimed: number }) => [c.name, c.claimed])).toEqual([['赵大', 1_200_000], ['钱二', 800_050], ['孙三', 500_000]]);
    expect(view.claimants[0].idNumber).toBe('410105********0017');
    expect(view.claimants[0].limitation).toEqual({ date: '2026-12-31', standing: 'ok' });
    const [a, b, c] = view.claimants.map((x: { claimantId: string }) => x.claimantId);

    await act(caseworker, id, 'start-verification');
    await act(caseworker, id, 'verify', { claims: [{ claimantId: a, verified: 1_000_000, basis: '考勤卡' }, { claimantId: b, verified: 800_050, basis: '欠条' }, { claimantId: c, verified: 500_000, basis: '工资条' }] });
    await act(caseworker, id, 'complete-verification');
    await act(caseworker, id, 'negotiations', { summary: '约谈总包项目经理，承诺分两次支付', promisedBy: addDays(system.today(), 30) });

    const advance = await act(caseworker, id, 'advances', { allocations: [{ claimantId: c, amount: 300_000 }], reason: '孙三家中困难' });
    await system.app.runtime.projections.waitUntilCaughtUp();
    const approvals = (await supervisor.get('/api/approvals?status=pending')).body;
    expect(approvals).toContainEqual(expect.objectContaining({ id: advance.approvalId, kind: 'wage_advance', caseKind: 'wage_case', caseId: id }));
    expect((await supervisor.post(`/api/approvals/${advance.approvalId}/approve`, { reason: '同意垫付' })).status).toBe(200);

    // Paid on the day the case was opened (the earliest a payment of the case may carry) and today.
    const today = system.today();
    const first = await act(caseworker, id, 'payments', { amount: 1_000_000, paidOn: today, payer: '某建工集团', allocations: [{ claimantId: a, amount: 600_000 }, { claimantId: b, amount: 400_000 }] });
    const wrong = await act(caseworker, id, 'payments', { amount: 100_000, paidOn: today, payer: '某建工集团', allocations: [{ claimantId: a, amount: 100_000 }] });
    await act(caseworker, id, 'payments/' + wrong.paymentId + '/reverse', { reason: '误录，实为同一笔' });
    await act(caseworker, id, 'payments', { amount: 1_300_050, paidOn: today, payer: '某建工集团', allocations: [{ claimantId: a, amount: 400_000 }, { claimantId: b, amount: 400_050 }, { claimantId: c, amount: 500_000 }] });
    expect(first.paymentId).toBeDefined();

    const ledger = (await caseworker.get(`/api/wage-cases/${id}/ledger`)).body;
    expect(ledger.totals).toEqual({ claimants: 3, claimed: 2_500_050, verified: 2_300_050, recovered: 2_300_050, advanced: 300_000, reimbursed: 300_000, outstanding: 0, owedToFund: 0 });
    expect(ledger.lines.find((l: { claimantId: string }) => l.claimantId === c)).toMatchObject({ recovered: 500_000, advanced: 300_000, reimbursed: 300_000, outstanding: 0 });

    const workbook = await caseworker.download(`/api/wage-cases/${id}/ledger.xlsx`);
    expect(workbook).toMatchObject({ status: 200, contentType: expect.stringContaining('spreadsheetml') });
    const [sheet] = await readXlsxFile(workbook.bytes);
    expect(sheet.data.at(-1)).toEqual(['合计', '3 人', null, 25_000.5, 23_000.5, 23_000.5, 3_000, 3_000, 0, null]);

    await act(caseworker, id, 'close', { outcome: 'fully_recovered', reason: '全部追回' });
    view = (await caseworker.get(`/api/wage-cases/${id}`)).body;
    expect(view).toMatchObject({ status: 'closed', closure: { outcome: 'fully_recovered' } });
    expect(view.allowedActions).toEqual(['reopen']);
  });

  it('names every bad row of a list and adds none of it', async () => {
    const id = await openProjectCase();
    const bad = ['姓名,身份证号码,入职日期,主张金额（元）', '周四,410105198001010018,2025-03-01,100', ',,2025-03-01,abc', '吴五,,2025-02-30,100.123'].join('\n');
    const response = await caseworker.post(`/api/wage-cases/${id}/claimants/import`, { format: 'csv', content: bad });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`).sort()).toEqual([
      'rows.2.idNumber:id_number', 'rows.3.claimed:yuan', 'rows.3.name:required', 'rows.4.claimed:yuan', 'rows.4.workedFrom:date',
    ]);
    expect(JSON.stringify(response.body)).not.toContain('410105198001010018');
    expect((await caseworker.get(`/api/wage-cases/${id}`)).body.claimants).toEqual([]);
  });

  it('refuses a payment whose allocations do not add up, naming the field, and changes nothing', async () => {
    const id = await openProjectCase();
    await act(caseworker, id, 'claimants', { claimants: [{ name: '郑六', workedFrom: '2025-03-01', claimed: 500_000 }] });
    const [claimant] = (await caseworker.get(`/api/wage-cases/${id}`)).body.claimants;
    await act(caseworker, id, 'start-verification');
    await act(caseworker, id, 'verify', { claims: [{ claimantId: claimant.claimantId, verified: 500_000, basis: '欠条' }] });
    const before = (await caseworker.get(`/api/wage-cases/${id}`)).body.version;
    const response = await caseworker.post(`/api/wage-cases/${id}/payments`, { amount: 100_000, paidOn: system.today(), payer: '某公司', allocations: [{ claimantId: claimant.claimantId, amount: 99_999 }] });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'allocations', rule: 'sum' })] });
    expect(response.body.message).toContain('分配合计');
    const float = await caseworker.post(`/api/wage-cases/${id}/payments`, { amount: 100.5, paidOn: system.today(), payer: '某公司', allocations: [{ claimantId: claimant.claimantId, amount: 100.5 }] });
    expect(float.status).toBe(400);
    expect((await caseworker.get(`/api/wage-cases/${id}`)).body.version).toBe(before);
  });

  it('refuses a payment dated tomorrow or before the case was opened, naming paidOn, and changes nothing', async () => {
    const id = await openProjectCase();
    await act(caseworker, id, 'claimants', { claimants: [{ name: '郑六', workedFrom: '2025-03-01', claimed: 500_000 }] });
    const [claimant] = (await caseworker.get(`/api/wage-cases/${id}`)).body.claimants;
    await act(caseworker, id, 'start-verification');
    await act(caseworker, id, 'verify', { claims: [{ claimantId: claimant.claimantId, verified: 500_000, basis: '欠条' }] });
    const before = (await caseworker.get(`/api/wage-cases/${id}`)).body.version;
    const pay = (paidOn: string) => caseworker.post(`/api/wage-cases/${id}/payments`, { amount: 100_000, paidOn, payer: '某公司', allocations: [{ claimantId: claimant.claimantId, amount: 100_000 }] });
    // Dated next year it would count in next year's figures; dated before the opening it gives a negative time to first recovery.
    const tomorrow = await pay(addDays(system.today(), 1));
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'paidOn', rule: 'future_date' })] });
    const beforeOpening = await pay(addDays(system.today(), -1));
    expect(beforeOpening.status).toBe(400);
    expect(beforeOpening.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'paidOn', rule: 'date_order' })] });
    expect(beforeOpening.body.errors[0].message).toContain(system.today());
    expect((await caseworker.get(`/api/wage-cases/${id}`)).body.version).toBe(before);
  });

  it('warns of a limitation date within 30 days, and states the wage figures of the unit', async () => {
    const id = await openProjectCase();
    const today = system.today();
    const inTenDays = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000);
    const ended = `${inTenDays.getUTCFullYear() - 1}-${String(inTenDays.getUTCMonth() + 1).padStart(2, '0')}-${String(inTenDays.getUTCDate()).padStart(2, '0')}`;
    const added = await act(caseworker, id, 'claimants', { claimants: [{ name: '王七', workedFrom: '2024-01-01', workedUntil: ended, claimed: 300_000 }, { name: '李八', workedFrom: '2024-01-01', claimed: 100_000 }] });
    await act(caseworker, id, 'start-verification');
    await act(caseworker, id, 'verify', { claims: [{ claimantId: added.claimantIds[0], verified: 300_000, basis: '欠条' }, { claimantId: added.claimantIds[1], verified: 100_000, basis: '欠条' }] });
    await act(caseworker, id, 'payments', { amount: 150_000, paidOn: today, payer: '某建工集团', allocations: [{ claimantId: added.claimantIds[0], amount: 50_000 }, { claimantId: added.claimantIds[1], amount: 100_000 }] });
    await system.app.runtime.projections.waitUntilCaughtUp();

    const watch = (await caseworker.get('/api/wage-cases/limitation-watch')).body;
    expect(watch.filter((w: { caseId: string }) => w.caseId === id)).toEqual([
      expect.objectContaining({ claimantId: added.claimantIds[0], claimantNumber: 1, standing: 'warning', daysLeft: 10 }),
    ]);
    expect((await erqi.get('/api/wage-cases/limitation-watch')).body.some((w: { caseId: string }) => w.caseId === id)).toBe(false);

    const figures = (await supervisor.get(`/api/stats/wage?from=${today}&to=${today}&unit=${JINSHUI}`)).body;
    expect(figures.amounts.recovered).toBeGreaterThanOrEqual(150_000);
    expect(figures.workersHelped).toBeGreaterThanOrEqual(2);
    expect((await erqi.get(`/api/stats/wage?unit=${JINSHUI}`)).status).toBe(403);
    const bad = await supervisor.get('/api/stats/wage?from=2026-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'from' });
  });

  it('hides a case from another district exactly like a case that does not exist', async () => {
    const id = await openProjectCase();
    const other = await erqi.get(`/api/wage-cases/${id}`);
    const missing = await erqi.get(`/api/wage-cases/${crypto.randomUUID()}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await erqi.post(`/api/wage-cases/${id}/claimants`, { claimants: [{ name: '某', workedFrom: '2025-01-01', claimed: 1 }] })).status).toBe(404);
    expect((await system.admin.get(`/api/wage-cases/${id}`)).status).toBe(404);
  });
});
