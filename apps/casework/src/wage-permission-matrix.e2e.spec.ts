/**
 * The permission matrix for wage cases over HTTP: every user of the matrix table × a wage case handled
 * at each unit × each wage endpoint, answered as the grids below say. A 404 must equal the answer to a
 * random id, and a refused command must leave the case as it was.
 */
import { randomUUID } from 'node:crypto';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient, ApiResponse } from '#casework-testing';
import { grid, renderGrid, type Grid } from '#casework-testing';
import { MATRIX_USERS, REVEALS, SEES, UNIT_OF_COLUMN, type MatrixUser } from '#casework-testing';

const USERS = Object.keys(MATRIX_USERS) as MatrixUser[];

// Reading a wage case (the case, its history, its ledger) and revealing a worker's ID number answer
// exactly as for a complaint: `SEES` and `REVEALS` of permission-matrix.table.ts, one rule for every case.

/** A payment (201 when recorded): the same people as above. */
const PAYS = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   201      201      404   404
  jinshuiSupervisor   201      201      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      201      404   404
  erqiCaseworker      404      404      201   404
  cityCaseworker      201      201      201   201
  citySupervisor      201      201      201   201
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/** Approving an emergency advance: supervisors who see the case; a caseworker who sees it is refused. */
const APPROVES_ADVANCE = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   403      403      404   404
  jinshuiSupervisor   200      200      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      403      404   404
  erqiCaseworker      404      404      403   404
  cityCaseworker      403      403      403   403
  citySupervisor      200      200      200   200
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);

/** The wage figures of a unit: users at or above it (administrators city-wide); mediators read mediation figures only. */
const FIGURES = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   200      200      403   403
  jinshuiSupervisor   200      200      403   403
  jinshuiMediator     403      403      403   403
  stationCaseworker   403      200      403   403
  erqiCaseworker      403      403      200   403
  cityCaseworker      200      200      200   200
  citySupervisor      200      200      200   200
  erqiMediator        403      403      403   403
  admin               200      200      200   200
`);

const WORKER_ID_NUMBER = '410105199003070026';

describe('the permission matrix for wage cases', () => {
  let system: TestCasework;
  const clients = {} as Record<MatrixUser, ApiClient>;

  beforeAll(async () => {
    system = await startTestCasework();
    for (const user of USERS) {
      clients[user] = user === 'admin' ? system.admin : await system.userClient({ username: `wage.${user.toLowerCase()}`, ...MATRIX_USERS[user] });
    }
  }, 60_000);

  afterAll(() => system?.stop());

  async function ok(response: Promise<ApiResponse>) {
    const answer = await response;
    if (answer.status >= 300) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** A verified case at the unit, opened by the city centre, with one worker owed 10,000 yuan. */
  async function caseAt(unitId: string): Promise<{ id: string; worker: string }> {
    const city = clients.cityCaseworker;
    const { id } = await ok(city.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '权限矩阵欠薪单位', district: '410105' }, summary: '矩阵', unitId }));
    const { claimantIds: [worker] } = await ok(city.post(`/api/wage-cases/${id}/claimants`, { claimants: [{ name: '矩阵工人', idNumber: WORKER_ID_NUMBER, workedFrom: '2025-01-01', claimed: 1_000_000 }] }));
    await ok(city.post(`/api/wage-cases/${id}/start-verification`));
    await ok(city.post(`/api/wage-cases/${id}/verify`, { claims: [{ claimantId: worker, verified: 1_000_000, basis: '欠条' }] }));
    return { id, worker };
  }

  const columns = SEES.columns;
  /** Asks every user about the case at every column; a 404 must be indistinguishable from a random id's. */
  async function answers(ask: (client: ApiClient, kase: { id: string; worker: string }) => Promise<ApiResponse>, cases: Record<string, { id: string; worker: string }>): Promise<Grid> {
    const rows: Record<string, string[]> = {};
    for (const user of USERS) {
      rows[user] = [];
      for (const column of columns) {
        const answer = await ask(clients[user], cases[column]);
        if (answer.status === 404) {
          const random = await ask(clients[user], { id: randomUUID(), worker: cases[column].worker });
          expect(answer.body).toEqual(random.body);
        }
        rows[user].push(String(answer.status));
      }
    }
    return { columns, rows };
  }

  it('lets each user read, pay, reveal and approve on each unit\'s case exactly as the grids say', async () => {
    const cases: Record<string, { id: string; worker: string }> = {};
    for (const column of columns) cases[column] = await caseAt(UNIT_OF_COLUMN[column]);

    for (const path of ['', '/history', '/ledger']) {
      expect(renderGrid(await answers((client, { id }) => client.get(`/api/wage-cases/${id}${path}`), cases))).toBe(renderGrid(SEES));
    }
    expect(renderGrid(await answers((client, { id, worker }) => client.post(`/api/wage-cases/${id}/payments`, { amount: 100, paidOn: system.today(), payer: '权限矩阵', allocations: [{ claimantId: worker, amount: 100 }] }), cases)))
      .toBe(renderGrid(PAYS));
    expect(renderGrid(await answers((client, { id, worker }) => client.post(`/api/wage-cases/${id}/claimants/${worker}/reveal`, { field: 'idNumber', reason: '权限矩阵' }), cases)))
      .toBe(renderGrid(REVEALS));

    // One advance request per user and case, decided by that user: refused ones must leave it pending.
    const decided: Record<string, string[]> = {};
    for (const user of USERS) {
      const row: string[] = [];
      for (const column of columns) {
        const { id, worker } = cases[column];
        const { advanceId } = await ok(clients.cityCaseworker.post(`/api/wage-cases/${id}/advances`, { allocations: [{ claimantId: worker, amount: 1 }], reason: '权限矩阵' }));
        const before = (await clients.cityCaseworker.get(`/api/wage-cases/${id}`)).body.version;
        const answer = await clients[user].post(`/api/wage-cases/${id}/advances/${advanceId}/decision`, { approve: true, reason: '同意' });
        if (answer.status !== 200) expect((await clients.cityCaseworker.get(`/api/wage-cases/${id}`)).body.version).toBe(before);
        else await ok(clients.cityCaseworker.post(`/api/wage-cases/${id}/advances/${advanceId}/reverse`, { reason: '权限矩阵复原' }));
        row.push(String(answer.status));
      }
      decided[user] = row;
    }
    expect(renderGrid({ columns, rows: decided })).toBe(renderGrid(APPROVES_ADVANCE));
  }, 120_000);

  it('gives the wage figures of a unit only to users at or above it', async () => {
    const rows: Record<string, string[]> = {};
    for (const user of USERS) rows[user] = await Promise.all(columns.map(async (column) => String((await clients[user].get(`/api/stats/wage?unit=${UNIT_OF_COLUMN[column]}`)).status)));
    expect(renderGrid({ columns, rows })).toBe(renderGrid(FIGURES));
  });
});
