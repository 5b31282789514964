/**
 * The audit of wage cases, hardship files and mediation cases over HTTP (issue 18, point 8), as the
 * complaint's: the case as of a moment, the differences between two moments, the reads in the access
 * log, and the hash-chain check of one case catching a row changed in PostgreSQL (docs/api.md, "Audit").
 */
import pg from 'pg';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { residentId } from '#casework-testing';

const CITY = '410100';
const JINSHUI = '410105';
const ERQI = '410103';
const ROOM = 'MR-410105';
const WORKER = { name: '褚九', idNumber: residentId('41010519900307002'), phone: '13912340026' };
const HEAD = { name: '陈某', idNumber: residentId('41010519800101001'), phone: '13900001234' };
const APPLICANT = { name: '王建国', idNumber: residentId('41010519800202001'), phone: '13812345001' };

interface Kind {
  readonly name: string;
  /** The URL segment: `/api/<path>/:id/as-of`. */
  readonly path: string;
  /** `kind` of `GET /api/audit/verify` and of the access log. */
  readonly caseKind: string;
  readonly stream: (id: string) => string;
  /** Personal data that must never leave the server unmasked. */
  readonly secrets: string[];
  /** Opens the case (recorded at t1) and returns its id. */
  open(): Promise<string>;
  /** The one change recorded at t2. */
  change(id: string): Promise<void>;
  /** The change, as the case's view shows it: absent at t1, present at t2. */
  shows(view: Record<string, any>): boolean;
  /** Exactly the paths the change alters in the case's view. */
  readonly changedPaths: string[];
}

describe('the audit of wage cases, hardship files and mediation cases over HTTP', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let mediator: ApiClient;
  let erqi: ApiClient;
  let citySupervisor: ApiClient;
  let auditor: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'chu.wage', role: 'caseworker', orgUnitId: JINSHUI });
    mediator = await system.userClient({ username: 'zhao.mediator', role: 'mediator', orgUnitId: ROOM });
    erqi = await system.userClient({ username: 'zhao.erqi', role: 'caseworker', orgUnitId: ERQI });
    citySupervisor = await system.userClient({ username: 'chen.supervisor', role: 'supervisor', orgUnitId: CITY });
    // Reads nothing but the audit, so the access log's entries under this name are the audit's.
    auditor = await system.userClient({ username: 'sun.auditor', role: 'supervisor', orgUnitId: CITY });
    // A home visit weighs the household's income against the district's 低保 line.
    const line = await system.admin.request<any>('PUT', `/api/admin/poverty-lines/${JINSHUI}/${system.today().slice(0, 4)}`, { line: 100_000, reason: '郑政〔2026〕12号' });
    if (line.status !== 200) throw new Error(`poverty line: ${line.status} ${JSON.stringify(line.body)}`);
  }, 60_000);

  afterAll(() => system?.stop());

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const KINDS: Kind[] = [
    {
      name: 'a wage case',
      path: 'wage-cases',
      caseKind: 'wage_case',
      stream: (id) => `wage-case-${id}`,
      secrets: [WORKER.idNumber, WORKER.phone],
      open: async () => (await post(caseworker, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某装修公司', district: JINSHUI }, summary: '装修工人工资' })).id,
      change: async (id) => void await post(caseworker, `/api/wage-cases/${id}/claimants`, { claimants: [{ ...WORKER, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 }] }),
      shows: (view) => view.claimants.length === 1 && view.totals.claimed === 900_000,
      changedPaths: ['version', 'claimants', 'totals.claimants', 'totals.claimed'],
    },
    {
      name: 'a hardship file',
      path: 'hardship-files',
      caseKind: 'hardship_file',
      stream: (id) => `hardship-file-${id}`,
      secrets: [HEAD.idNumber, HEAD.phone],
      open: async () => (await post(caseworker, '/api/hardship-files', {
        source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
        head: { ...HEAD, employer: '郑州某纺织厂', unionMember: true }, members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
      })).id,
      change: async (id) => void await post(caseworker, `/api/hardship-files/${id}/home-visit`, { visitedOn: system.today(), consentToIncomeCheck: true, findings: '妻子透析', monthlyHouseholdIncome: 200_000 }),
      shows: (view) => view.incomePerHead === 100_000 && view.line === 100_000,
      // The visit verifies the income (200,000 fen for two) and weighs it against the district's line.
      changedPaths: ['version', 'status', 'statusLabel', 'incomePerHead', 'line'],
    },
    {
      name: 'a mediation case',
      path: 'mediation-cases',
      caseKind: 'mediation_case',
      stream: (id) => `mediation-case-${id}`,
      secrets: [APPLICANT.idNumber, APPLICANT.phone],
      open: async () => (await post(mediator, '/api/mediation-cases', {
        source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: `(2026)豫0105民诉前调${7000 + Math.floor(Math.random() * 999)}号`, referralType: 'assigned' },
        roomId: ROOM, referredOn: system.today(), applicants: [APPLICANT],
        respondent: { name: '郑州某建筑劳务有限公司', creditCode: '91410105MA44XXXX1X', representative: '张总' },
        claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '工人追索工资',
      })).id,
      change: async (id) => void await post(mediator, `/api/mediation-cases/${id}/accept`, { acceptedOn: system.today() }),
      shows: (view) => view.status !== 'referred' && view.acceptedOn === system.today(),
      // Accepting starts the 15-day period (调解期限): its basis, length, end, and the days left of it.
      changedPaths: ['version', 'status', 'statusLabel', 'acceptedOn', 'deadlineBasis', 'periodDays', 'deadline', 'daysLeft', 'deadlineStanding'],
    },
  ];

  /** A case opened (t1) and changed once (t2), with the instant each of its events was recorded. */
  async function aChangedCase(kind: Kind): Promise<{ id: string; t1: string; t2: string }> {
    const id = await kind.open();
    await kind.change(id);
    const { body: history } = await citySupervisor.get(`/api/${kind.path}/${id}/history`);
    const recorded = history.map((event: { recordedAt: string }) => event.recordedAt);
    return { id, t1: recorded[0], t2: recorded[recorded.length - 1] };
  }

  const asOf = (client: ApiClient, kind: Kind, id: string, at: string) => client.get(`/api/${kind.path}/${id}/as-of?at=${encodeURIComponent(at)}`);
  const diff = (client: ApiClient, kind: Kind, id: string, from: string, to: string) =>
    client.get(`/api/${kind.path}/${id}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

  describe.each(KINDS.map((kind) => [kind.name, kind] as const))('%s', (_, kind) => {
    let id: string;
    let t1: string;
    let t2: string;

    beforeAll(async () => {
      ({ id, t1, t2 } = await aChangedCase(kind));
    }, 30_000);

    it('shows the case without the later change as of the first moment, and with it as of the second, personal data masked', async () => {
      const before = await asOf(citySupervisor, kind, id, t1);
      const after = await asOf(citySupervisor, kind, id, t2);

      expect([before.status, after.status]).toEqual([200, 200]);
      expect(before.body).toMatchObject({ id, version: 1 });
      expect(kind.shows(before.body)).toBe(false);
      expect(kind.shows(after.body)).toBe(true);
      // As of its last event the case reads as its page does (which may add names of the people in it).
      expect((await citySupervisor.get(`/api/${kind.path}/${id}`)).body).toMatchObject(after.body);
      for (const secret of kind.secrets) expect(JSON.stringify([before.body, after.body])).not.toContain(secret);
    });

    it('names exactly the fields the change altered, and the event recorded in between', async () => {
      const response = await diff(citySupervisor, kind, id, t1, t2);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ from: t1, to: t2 });
      expect(response.body.changes.map((c: { field: string }) => c.field).sort()).toEqual([...kind.changedPaths].sort());
      expect(response.body.changes).toContainEqual({ field: 'version', before: 1, after: 2 });
      expect(response.body.events.map((e: { revision: number }) => e.revision)).toEqual([1]);
      for (const secret of kind.secrets) expect(JSON.stringify(response.body)).not.toContain(secret);
      expect((await diff(citySupervisor, kind, id, t2, t2)).body).toMatchObject({ changes: [], events: [] });
    });

    it('refuses a moment that is not an instant, lies ahead, or a period that runs backwards, naming the parameter in Chinese', async () => {
      const noZone = await asOf(citySupervisor, kind, id, '2026-01-05T08:30:00');
      expect([noZone.status, noZone.body.errors]).toEqual([400, [expect.objectContaining({ field: 'at', rule: 'iso_instant', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]]);
      const ahead = await asOf(citySupervisor, kind, id, '2099-01-01T00:00:00Z');
      expect([ahead.status, ahead.body.errors]).toEqual([400, [expect.objectContaining({ field: 'at', rule: 'not_in_future', message: expect.stringMatching(/不能晚于当前时间/) })]]);
      expect((await citySupervisor.get(`/api/${kind.path}/${id}/as-of`)).body.errors[0].field).toBe('at');
      const backwards = await diff(citySupervisor, kind, id, t2, t1);
      expect([backwards.status, backwards.body.errors[0]]).toEqual([400, expect.objectContaining({ field: 'from', rule: 'not_after_to' })]);
      const futureTo = await diff(citySupervisor, kind, id, t1, '2099-01-01T00:00:00Z');
      expect(futureTo.body.errors).toEqual([expect.objectContaining({ field: 'to', rule: 'not_in_future' })]);
      const before = await asOf(citySupervisor, kind, id, '2020-01-01T00:00:00Z');
      expect([before.status, before.body.code]).toEqual([404, expect.stringMatching(/_not_yet_/)]);
    });

    it('answers 404 to a caseworker of another district, as for the case itself', async () => {
      for (const response of [await asOf(erqi, kind, id, t2), await diff(erqi, kind, id, t1, t2), await erqi.get(`/api/${kind.path}/${id}`)]) {
        expect(response.status).toBe(404);
      }
      expect((await asOf(citySupervisor, kind, '00000000-0000-4000-8000-000000000000', t2)).status).toBe(404);
    });

    it('records each read of the past in the access log', async () => {
      expect((await asOf(auditor, kind, id, t1)).status).toBe(200);
      expect((await diff(auditor, kind, id, t1, t2)).status).toBe(200);
      expect((await asOf(auditor, kind, id, 'bad')).status).toBe(400);

      const { body: log } = await citySupervisor.get(`/api/audit/access-log?caseId=${id}`);
      const reads = log.filter((entry: { username: string }) => entry.username === 'sun.auditor');
      expect(reads).toEqual([
        expect.objectContaining({ action: 'view', caseKind: kind.caseKind, caseId: id }),
        expect.objectContaining({ action: 'view', caseKind: kind.caseKind, caseId: id }),
      ]);
    });
  });

  it('checks one case\'s hash chain for a city supervisor, naming the event changed in PostgreSQL, and leaves other cases clean', async () => {
    const cases = await Promise.all(KINDS.map(async (kind) => ({ kind, ...(await aChangedCase(kind)) })));
    const verify = (client: ApiClient, kind: Kind, id: string) => client.get(`/api/audit/verify?kind=${kind.caseKind}&id=${id}`);
    for (const { kind, id } of cases) expect((await verify(citySupervisor, kind, id)).body).toEqual({ kind: kind.caseKind, id, streams: 1, events: 2, problems: [], chainKeeping: 'stored' });

    const db = new pg.Client({ connectionString: system.app.runtime.databaseUrl });
    await db.connect();
    try {
      for (const { kind, id } of cases) {
        await db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{summary}', '"改过"') WHERE stream_id = $1 AND stream_revision = 0`, [kind.stream(id)]);
      }
    } finally {
      await db.end();
    }

    for (const { kind, id } of cases) {
      const { status, body } = await verify(citySupervisor, kind, id);
      expect(status).toBe(200);
      expect(body.problems).toEqual([{ streamId: kind.stream(id), revision: 0, problem: 'altered' }]);
    }
    const untouched = await aChangedCase(KINDS[0]);
    expect((await verify(citySupervisor, KINDS[0], untouched.id)).body.problems).toEqual([]);
  });

  it('refuses the check to anyone but the city\'s supervisors, and names a bad kind or id', async () => {
    const { id } = await aChangedCase(KINDS[0]);
    for (const client of [caseworker, mediator, system.admin]) {
      expect((await client.get(`/api/audit/verify?kind=wage_case&id=${id}`)).status).toBe(403);
    }
    const bad = await citySupervisor.get('/api/audit/verify?kind=ship&id=nope');
    expect([bad.status, bad.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['kind', 'id']]);
    const missing = await citySupervisor.get('/api/audit/verify?kind=hardship_file&id=00000000-0000-4000-8000-000000000000');
    expect([missing.status, missing.body.code]).toEqual([404, 'case_not_found']);
  });
});
