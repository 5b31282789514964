/**
 * A worker's personal data in a wage case: stored encrypted, shown masked, revealed in full only to
 * the case's caseworkers and supervisors with a reason (logged), and made unreadable everywhere by a
 * lawful deletion while every amount of the case stays as it was.
 */
import pg from 'pg';
import readXlsxFile from 'read-excel-file/node';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';

const JINSHUI = '410105';
const WORKER = { name: '褚九', idNumber: '410105199003070026', phone: '13912340026' };

describe('personal data of wage claimants', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let citySupervisor: ApiClient;
  let erqi: ApiClient;
  let mediator: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'chu.wage', role: 'caseworker', orgUnitId: JINSHUI });
    citySupervisor = await system.userClient({ username: 'city.supervisor', role: 'supervisor', orgUnitId: '410100' });
    erqi = await system.userClient({ username: 'erqi.wage', role: 'caseworker', orgUnitId: '410103' });
    mediator = await system.userClient({ username: 'room.mediator', role: 'mediator', orgUnitId: 'MR-410105' });
  }, 60_000);

  afterAll(() => system?.stop());

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('reveals with a reason and logs it, and after a lawful deletion shows nothing of the worker while the money stays', async () => {
    const { id } = await post(caseworker, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '装修工人工资' });
    const { claimantIds: [worker] } = await post(caseworker, `/api/wage-cases/${id}/claimants`, { claimants: [{ ...WORKER, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 }] });
    await post(caseworker, `/api/wage-cases/${id}/start-verification`);
    await post(caseworker, `/api/wage-cases/${id}/verify`, { claims: [{ claimantId: worker, verified: 800_000, basis: '工资条' }] });
    await post(caseworker, `/api/wage-cases/${id}/payments`, { amount: 300_000, paidOn: system.today(), payer: '某装修公司', allocations: [{ claimantId: worker, amount: 300_000 }] });

    // Encrypted in the events, masked in the view.
    const db = new pg.Client({ connectionString: system.app.runtime.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT data::text FROM event_store.events WHERE stream_id = $1 AND event_type = 'ClaimantsAdded'`, [`wage-case-${id}`]);
      expect(rows[0].data).not.toContain(WORKER.idNumber);
      expect(rows[0].data).not.toContain(WORKER.phone);
    } finally {
      await db.end();
    }
    const shown = (await caseworker.get(`/api/wage-cases/${id}`)).body.claimants[0];
    expect(shown).toMatchObject({ name: WORKER.name, idNumber: '410105********0026', phone: '139****0026' });

    const reveal = (client: ApiClient, field: string, reason?: string) => client.post(`/api/wage-cases/${id}/claimants/${worker}/reveal`, { field, ...(reason ? { reason } : {}) });
    expect((await reveal(caseworker, 'idNumber', '申请劳动仲裁，需填写完整身份证号码')).body).toEqual({ field: 'idNumber', value: WORKER.idNumber });
    expect((await reveal(caseworker, 'idNumber')).status).toBe(400);
    expect((await reveal(erqi, 'idNumber', '看看')).status).toBe(404);
    expect((await reveal(mediator, 'phone', '调解')).status).toBe(403);
    expect((await reveal(system.admin, 'phone', '管理')).status).toBe(403);
    const log = (await citySupervisor.get(`/api/audit/access-log?caseId=${id}`)).body;
    expect(log).toContainEqual(expect.objectContaining({ action: 'reveal', caseKind: 'wage_case', caseId: id, field: `claimants.${worker}.idNumber`, reason: '申请劳动仲裁，需填写完整身份证号码' }));
    expect(log).toContainEqual(expect.objectContaining({ action: 'view', caseKind: 'wage_case', caseId: id }));

    const erased = await system.admin.post('/api/personal-data/erasures', { idNumber: WORKER.idNumber, reason: '本人依法申请删除' });
    expect(erased.status).toBe(201);
    const after = (await caseworker.get(`/api/wage-cases/${id}`)).body;
    expect(after.claimants[0]).toMatchObject({ name: null, idNumber: null, phone: null, claimed: 900_000, verified: 800_000, recovered: 300_000, outstanding: 500_000 });
    expect(after.totals).toMatchObject({ claimants: 1, verified: 800_000, recovered: 300_000 });
    expect((await reveal(caseworker, 'idNumber', '仲裁')).status).toBe(410);
    const history = JSON.stringify((await caseworker.get(`/api/wage-cases/${id}/history`)).body);
    expect(history).not.toContain(WORKER.name);
    const workbook = await caseworker.download(`/api/wage-cases/${id}/ledger.xlsx`);
    const [sheet] = await readXlsxFile(workbook.bytes);
    expect(JSON.stringify(sheet.data)).not.toContain(WORKER.name);
    expect(sheet.data.at(-1)?.slice(3, 9)).toEqual([9_000, 8_000, 3_000, 0, 0, 5_000]);
  });
});
