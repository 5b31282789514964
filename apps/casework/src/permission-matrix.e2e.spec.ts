/**
 * The permission matrix over HTTP (issue 3): every user of the table, a complaint handled at each
 * unit, every endpoint — answered as `testing/permission-matrix.table.ts` and `.scopes.ts` say. A 404
 * is compared with the answer to a random id (a hidden case must look exactly like a missing one),
 * and a refused command must leave the complaint as it was.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient, ApiResponse } from '#casework-testing';
import { ComplaintStages, type StagedComplaint } from '#casework-testing';
import { grid, renderGrid, type Grid } from '#casework-testing';
import { CASE_ENDPOINTS, MATRIX_USERS, SEES, UNIT_OF_COLUMN, type EndpointSpec, type MatrixUser } from '#casework-testing';
import {
  ACCESS_LOG,
  ADMINISTRATION_BY_ROLE,
  ADMINISTRATION_ENDPOINTS,
  ADMIN_SCOPE,
  APPROVALS_INBOX,
  FOUR_EYES,
  IDENTITY_AUDIT,
  BY_ROLE,
  CASE_LIST,
  HOTLINE_FIGURES,
  ROLE_ENDPOINTS,
  type RoleEndpoint,
} from '#casework-testing';

const USERS = Object.keys(MATRIX_USERS) as MatrixUser[];
const HANDLER_OF_UNIT: Readonly<Record<string, MatrixUser>> = {
  '410105': 'jinshuiCaseworker',
  '410105001': 'stationCaseworker',
  '410103': 'erqiCaseworker',
  '410100': 'cityCaseworker',
};

describe('the permission matrix', () => {
  let system: TestCasework;
  const clients = {} as Record<MatrixUser, ApiClient>;
  let stages: ComplaintStages;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestCasework();
    for (const user of USERS) {
      clients[user] = user === 'admin' ? system.admin : await system.userClient({ username: user.toLowerCase(), ...MATRIX_USERS[user] });
    }
    stages = new ComplaintStages(clients.cityCaseworker, (unit) => clients[HANDLER_OF_UNIT[unit]], caughtUp);
  }, 60_000);

  afterAll(() => system?.stop());

  const caughtUp = () => system.app.runtime.projections.waitUntilCaughtUp();
  const answerGrid = (columns: readonly string[], answer: (user: MatrixUser, column: string) => Promise<string>) =>
    Promise.all(USERS.map(async (user) => [user, await Promise.all(columns.map((column) => answer(user, column)))] as const)).then(
      (rows): Grid => ({ columns, rows: Object.fromEntries(rows) }),
    );

  it('lists in GET /api/cases exactly the complaints of the units each user sees', async () => {
    const complaints = await Promise.all(CASE_LIST.columns.map((column) => stages.create('assigned', UNIT_OF_COLUMN[column])));
    await caughtUp();
    const lists = new Map<MatrixUser, ApiResponse>();
    for (const user of USERS) lists.set(user, await clients[user].get('/api/cases?kind=complaint&pageSize=200'));
    const answers = await answerGrid(CASE_LIST.columns, async (user, column) => {
      const list = lists.get(user)!;
      if (list.status !== 200) return String(list.status);
      const { id } = complaints[CASE_LIST.columns.indexOf(column)];
      return list.body.items.some((item: { id: string }) => item.id === id) ? 'listed' : 'hidden';
    });
    expect(renderGrid(answers)).toBe(renderGrid(CASE_LIST));
  });

  it('gives the hotline figures of a unit only to users at or above it', async () => {
    const answers = await answerGrid(HOTLINE_FIGURES.columns, async (user, column) =>
      String((await clients[user].get(`/api/stats/hotline?unit=${UNIT_OF_COLUMN[column]}`)).status),
    );
    expect(renderGrid(answers)).toBe(renderGrid(HOTLINE_FIGURES));
  });

  it('lets each role open complaints, administer users and units, and see an approvals inbox as the table says', async () => {
    const bodies: Record<string, () => unknown> = {
      receive: () => ({ channel: 'walk_in', caller: { anonymous: true }, employer: { name: `郑州市按角色测试${++serial}有限公司`, district: '410105' }, category: 'pay', type: 'inquiry', summary: '咨询加班费计算' }),
      createUser: () => ({ username: `matrix.new${++serial}`, password: 'matrix-passw0rd', displayName: '新用户', role: 'caseworker', orgUnitId: '410105' }),
      createUnit: () => ({ id: `410105${100 + ++serial}`, name: `权限测试服务站${serial}`, kind: 'township', parentId: '410105' }),
    };
    const answers = await answerGrid(BY_ROLE.columns, async (user, column) => String((await call(user, ROLE_ENDPOINTS[column], bodies[column]?.())).status));
    expect(renderGrid(answers)).toBe(renderGrid(BY_ROLE));
  });

  it('lets each role erase personal data, check the hash chains, keep the calendar and the reference data as the table says', async () => {
    const bodies: Record<string, () => unknown> = {
      erase: () => ({ phone: '13700000000', reason: '本人依法申请删除（权限矩阵）' }),
      setDay: () => ({ kind: 'non_working', note: '权限矩阵测试' }),
      markYear: () => ({ entered: true }),
      refChange: () => ({ label: `其他联系方式${++serial}`, reason: '权限矩阵测试' }),
      refAdd: () => ({ code: `matrix_reason_${++serial}`, label: `权限矩阵退回原因${serial}`, labelEn: 'Matrix reason', reason: '权限矩阵测试' }),
    };
    const answers = await answerGrid(ADMINISTRATION_BY_ROLE.columns, async (user, column) =>
      String((await call(user, ADMINISTRATION_ENDPOINTS[column], bodies[column]?.())).status),
    );
    expect(renderGrid(answers)).toBe(renderGrid(ADMINISTRATION_BY_ROLE));
  });

  it('shows in the access log a reveal about each unit\'s complaint to the supervisors above it only', async () => {
    const complaints = await Promise.all(ACCESS_LOG.columns.map((column) => stages.create('assigned', UNIT_OF_COLUMN[column])));
    for (const { id } of complaints) {
      const revealed = await clients.cityCaseworker.post(`/api/complaints/${id}/reveal`, { field: 'caller.phone', reason: '回访需要联系来电人' });
      expect(revealed.status).toBe(200);
    }
    await caughtUp();
    const answers = await answerGrid(ACCESS_LOG.columns, async (user, column) => {
      const { id } = complaints[ACCESS_LOG.columns.indexOf(column)];
      const log = await clients[user].get(`/api/audit/access-log?caseId=${id}`);
      if (log.status !== 200) return String(log.status);
      return log.body.some((entry: { caseId: string; action: string }) => entry.caseId === id && entry.action === 'reveal') ? 'listed' : 'hidden';
    });
    expect(renderGrid(answers)).toBe(renderGrid(ACCESS_LOG));
  });

  it('puts each unit\'s extension request in the inboxes of the supervisors above it only', async () => {
    const requests = await Promise.all(APPROVALS_INBOX.columns.map((column) => stages.create('extension_requested', UNIT_OF_COLUMN[column])));
    const answers = await answerGrid(APPROVALS_INBOX.columns, async (user, column) => {
      const { approvalId } = requests[APPROVALS_INBOX.columns.indexOf(column)];
      const inbox = await clients[user].get('/api/approvals?status=pending');
      if (inbox.status !== 200) return String(inbox.status);
      return inbox.body.some((approval: { id: string }) => approval.id === approvalId) ? 'listed' : 'hidden';
    });
    expect(renderGrid(answers)).toBe(renderGrid(APPROVALS_INBOX));
  });

  it('lets a district administrator manage users only in its district, and the city administrator everywhere', async () => {
    const admins = { jinshuiAdmin: await system.userClient({ username: 'matrix.jinshui.admin', role: 'admin', orgUnitId: '410105' }), admin: system.admin };
    const caseworkerAt = async (unitId: string) => (await system.admin.post('/api/users', { username: `matrix.target${++serial}`, password: 'Tq8-jade-river-Kw3m', displayName: '对象', role: 'caseworker', orgUnitId: unitId })).body.id as string;
    const actions: Record<string, (client: ApiClient, unitId: string) => Promise<ApiResponse>> = {
      create: (client, unitId) => client.post('/api/users', { username: `matrix.placed${++serial}`, password: 'Tq8-jade-river-Kw3m', displayName: '新人', role: 'caseworker', orgUnitId: unitId }),
      moveInto: async (client, unitId) => client.request('PATCH', `/api/users/${await caseworkerAt('410105')}`, { orgUnitId: unitId }),
      rename: async (client, unitId) => client.request('PATCH', `/api/users/${await caseworkerAt(unitId)}`, { displayName: '改名' }),
      disable: async (client, unitId) => client.post(`/api/users/${await caseworkerAt(unitId)}/disable`),
      reset: async (client, unitId) => client.post(`/api/users/${await caseworkerAt(unitId)}/reset-password`),
    };
    const rows: Record<string, string[]> = {};
    for (const row of Object.keys(ADMIN_SCOPE.rows)) {
      const [who, action] = row.split('.') as [keyof typeof admins, string];
      rows[row] = [];
      for (const column of ADMIN_SCOPE.columns) rows[row].push(String((await actions[action](admins[who], UNIT_OF_COLUMN[column])).status));
    }
    expect(renderGrid({ columns: ADMIN_SCOPE.columns, rows })).toBe(renderGrid(ADMIN_SCOPE));
  });

  it('shows a unit\'s identity audit to the supervisors and administrators at or above it only', async () => {
    const answers = await answerGrid(IDENTITY_AUDIT.columns, async (user, column) => String((await clients[user].get(`/api/identity-audit?unit=${UNIT_OF_COLUMN[column]}`)).status));
    expect(renderGrid(answers)).toBe(renderGrid(IDENTITY_AUDIT));
  });

  it('lets no supervisor decide their own request: another supervisor must (four eyes)', async () => {
    const requester = clients.jinshuiSupervisor;
    const ok = async (answer: Promise<ApiResponse>) => {
      const { status, body } = await answer;
      if (status >= 300) throw new Error(`${status} ${JSON.stringify(body)}`);
      return body;
    };
    const wageCase = async () => {
      const { id } = await ok(requester.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: `四眼测试单位${++serial}`, district: '410105' }, summary: '四眼' }));
      const { claimantIds: [worker] } = await ok(requester.post(`/api/wage-cases/${id}/claimants`, { claimants: [{ name: '四眼工人', workedFrom: '2025-01-01', claimed: 100_000 }] }));
      await ok(requester.post(`/api/wage-cases/${id}/start-verification`));
      await ok(requester.post(`/api/wage-cases/${id}/verify`, { claims: [{ claimantId: worker, verified: 100_000, basis: '欠条' }] }));
      return { id, worker };
    };
    const requests: Record<string, () => Promise<(decider: ApiClient) => Promise<ApiResponse>>> = {
      hotlineExtension: async () => {
        const { id } = await stages.create('contacted', '410105');
        const { approvalId } = await ok(requester.post(`/api/complaints/${id}/extension-requests`, { workingDays: 3, reason: '需要调取考勤记录' }));
        await caughtUp();
        return (decider) => decider.post(`/api/approvals/${approvalId}/approve`, { reason: '同意' });
      },
      wageAdvance: async () => {
        const { id, worker } = await wageCase();
        const { advanceId } = await ok(requester.post(`/api/wage-cases/${id}/advances`, { allocations: [{ claimantId: worker, amount: 100 }], reason: '生活困难' }));
        return (decider) => decider.post(`/api/wage-cases/${id}/advances/${advanceId}/decision`, { approve: true, reason: '同意' });
      },
      wageUnrecoverable: async () => {
        const { id } = await wageCase();
        const { approvalId } = await ok(requester.post(`/api/wage-cases/${id}/unrecoverable-closure`, { reason: '企业已注销' }));
        return (decider) => decider.post(`/api/wage-cases/${id}/unrecoverable-closure/${approvalId}/decision`, { approve: true, reason: '同意' });
      },
    };
    const rows: Record<string, string[]> = {};
    for (const [kind, request] of Object.entries(requests)) {
      const decide = await request();
      const own = await decide(requester);
      if (own.status === 403) expect([own.body.code, own.body.message]).toEqual(['own_request', expect.stringMatching(/不能审批自己提出的/)]);
      rows[kind] = [String(own.status), String((await decide(clients.citySupervisor)).status)];
    }
    expect(renderGrid({ columns: FOUR_EYES.columns, rows })).toBe(renderGrid(FOUR_EYES));
  });

  function call(user: MatrixUser, { method, path }: RoleEndpoint, body?: unknown): Promise<ApiResponse> {
    if (method === 'GET') return clients[user].get(path);
    if (method === 'POST') return clients[user].post(path, body ?? {});
    return clients[user].request(method, path, body);
  }

  it.each(CASE_ENDPOINTS)('$name answers each user as the table says; a hidden case looks like a random id; a refusal changes nothing', async (spec) => {
    const { answers, problems } = await tryEveryone(spec);
    expect(renderGrid(answers)).toBe(renderGrid(spec.answers));
    expect(problems).toEqual([]);
    // Each allowed cell stages its own complaint; a flagged repeat waits for the read models to catch up,
    // which on a loaded CI run (the seed-shaped e2e beside it) took more than a minute for the merge row.
  }, 180_000);

  /** Refusals share one complaint per unit (they must not change it); each expected success gets its own. */
  async function tryEveryone(spec: EndpointSpec): Promise<{ answers: Grid; problems: string[] }> {
    const problems: string[] = [];
    const expected = (user: MatrixUser, column: string) => spec.answers.rows[user][spec.answers.columns.indexOf(column)];
    const succeeds = (user: MatrixUser, column: string) => spec.method === 'POST' && /^2/.test(expected(user, column));
    const sharedByColumn = new Map<string, Promise<StagedComplaint>>();
    const shared = (column: string) => {
      if (!sharedByColumn.has(column)) sharedByColumn.set(column, stages.create(spec.stage, UNIT_OF_COLUMN[column]));
      return sharedByColumn.get(column)!;
    };
    const versions = new Map<string, number>();
    for (const column of spec.answers.columns) {
      if (USERS.some((user) => expected(user, column) !== '-')) versions.set(column, await versionOf((await shared(column)).id));
    }
    const answers = await answerGrid(spec.answers.columns, async (user, column) => {
      if (expected(user, column) === '-') return '-';
      if (succeeds(user, column)) return String((await send(user, spec, await stages.create(spec.stage, UNIT_OF_COLUMN[column]))).status);
      const complaint = await shared(column);
      const answer = await send(user, spec, complaint);
      if (answer.status === 404) {
        const guess = await send(user, spec, complaint, { id: randomUUID(), approvalId: randomUUID() });
        if (JSON.stringify(guess) !== JSON.stringify(answer)) problems.push(`${user}, ${column}: ${JSON.stringify(answer)} but a random id gets ${JSON.stringify(guess)}`);
      }
      return String(answer.status);
    });
    for (const [column, version] of versions) {
      if (spec.method === 'POST' && (await versionOf((await shared(column)).id)) !== version) problems.push(`${column}: a refused request changed the complaint`);
    }
    return { answers, problems };
  }

  function send(user: MatrixUser, spec: EndpointSpec, complaint: StagedComplaint, guessed: Partial<StagedComplaint> = {}): Promise<ApiResponse> {
    const path = spec.path({ ...complaint, ...guessed });
    return spec.method === 'GET' ? clients[user].get(path) : clients[user].post(path, spec.body?.(user, complaint) ?? {});
  }

  async function versionOf(id: string): Promise<number> {
    return (await clients.citySupervisor.get(`/api/complaints/${id}`)).body.version;
  }

  /**
   * 证据附件 (issue 19): reading, previewing, downloading the files of a complaint and the people they
   * may concern — whoever reads the complaint; adding — whoever may act on it; withdrawing — the user
   * who added the file (the handler of its unit here) or a supervisor of the case's units.
   */
  describe('evidence files on a complaint, by role and unit', () => {
    const ADDS = grid(`
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
    const WITHDRAWS = grid(`
                      jinshui  station  erqi  city
  jinshuiCaseworker   200      403      404   404
  jinshuiSupervisor   200      200      404   404
  jinshuiMediator     404      404      404   404
  stationCaseworker   404      200      404   404
  erqiCaseworker      404      404      200   404
  cityCaseworker      403      403      403   200
  citySupervisor      200      200      200   200
  erqiMediator        404      404      404   404
  admin               404      404      404   404
`);
    const columns = SEES.columns;
    let photo: Buffer;
    const complaintOf = new Map<string, string>();
    const fileOf = new Map<string, string>();

    function upload(user: MatrixUser, caseId: string): Promise<{ status: number; body: any }> {
      const form = new FormData();
      form.append('kind', 'site_photo');
      form.append('files', new Blob([new Uint8Array(photo)]), 'site.jpg');
      return fetch(`${clients[user].baseUrl}/api/complaints/${caseId}/attachments`, {
        method: 'POST', headers: { authorization: `Bearer ${clients[user].token}`, 'idempotency-key': randomUUID() }, body: form,
      }).then(async (response) => ({ status: response.status, body: await response.json() }));
    }
    /** A file added to the column's complaint by the handler of its unit. */
    async function handlersFile(column: string): Promise<string> {
      const answer = await upload(HANDLER_OF_UNIT[UNIT_OF_COLUMN[column]], complaintOf.get(column)!);
      if (answer.status !== 201) throw new Error(`upload at ${column}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.items[0].id;
    }

    beforeAll(async () => {
      photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#777777' } }).jpeg().toBuffer();
      for (const column of columns) {
        complaintOf.set(column, (await stages.create('assigned', UNIT_OF_COLUMN[column])).id);
        fileOf.set(column, await handlersFile(column));
      }
    }, 120_000);

    /**
     * Commands one at a time: adds to one case at the same moment race for its stream revision (a 409,
     * reported to the server's side), and this grid is about who may, not about concurrency.
     */
    async function gridInTurn(answer: (user: MatrixUser, column: string) => Promise<string>): Promise<Grid> {
      const rows: Record<string, string[]> = {};
      for (const user of USERS) {
        rows[user] = [];
        for (const column of columns) rows[user].push(await answer(user, column));
      }
      return { columns, rows };
    }

    /** A hidden case's answer must be the one a random case id gets. */
    const problems: string[] = [];
    async function compared(user: MatrixUser, column: string, answer: ApiResponse | { status: number; body: unknown }, guess: () => Promise<ApiResponse | { status: number; body: unknown }>) {
      if (answer.status === 404) {
        const random = await guess();
        if (JSON.stringify([random.status, random.body]) !== JSON.stringify([answer.status, answer.body])) problems.push(`${user}, ${column}: ${JSON.stringify(answer.body)} but a random id gets ${JSON.stringify(random.body)}`);
      }
      return String(answer.status);
    }

    it.each(['', '/people', '/:file/content', '/:file/preview'])('GET /api/complaints/:id/attachments%s answers whoever reads the complaint', async (suffix) => {
      const path = (caseId: string, column: string) => `/api/complaints/${caseId}/attachments${suffix.replace(':file', fileOf.get(column)!)}`;
      problems.length = 0;
      const answers = await answerGrid(columns, async (user, column) => {
        const answer = await clients[user].download(path(complaintOf.get(column)!, column));
        const body = answer.status === 200 ? null : JSON.parse(answer.bytes.toString('utf8'));
        return compared(user, column, { status: answer.status, body }, async () => {
          const random = await clients[user].download(path(randomUUID(), column));
          return { status: random.status, body: JSON.parse(random.bytes.toString('utf8')) };
        });
      });
      expect(renderGrid(answers)).toBe(renderGrid(SEES));
      expect(problems).toEqual([]);
    }, 180_000);

    it('POST /api/complaints/:id/attachments adds for whoever may act on the complaint', async () => {
      problems.length = 0;
      const answers = await gridInTurn(async (user, column) =>
        compared(user, column, await upload(user, complaintOf.get(column)!), () => upload(user, randomUUID())));
      expect(renderGrid(answers)).toBe(renderGrid(ADDS));
      expect(problems).toEqual([]);
    }, 180_000);

    it('POST /api/complaints/:id/attachments/:file/withdraw is for the user who added the file or a supervisor of its units', async () => {
      problems.length = 0;
      const expected = (user: MatrixUser, column: string) => WITHDRAWS.rows[user][columns.indexOf(column)];
      const answers = await gridInTurn(async (user, column) => {
        // Each allowed cell withdraws a file of its own; the refusals share the column's first file.
        const file = /^2/.test(expected(user, column)) ? await handlersFile(column) : fileOf.get(column)!;
        const withdraw = (caseId: string) => clients[user].post(`/api/complaints/${caseId}/attachments/${file}/withdraw`, { reason: '核对权限' });
        return compared(user, column, await withdraw(complaintOf.get(column)!), () => withdraw(randomUUID()));
      });
      expect(renderGrid(answers)).toBe(renderGrid(WITHDRAWS));
      expect(problems).toEqual([]);
      // The refusals left the shared files as they were.
      for (const column of columns) {
        const listed = (await clients.citySupervisor.get(`/api/complaints/${complaintOf.get(column)}/attachments`)).body.items;
        expect(listed.find((a: { id: string }) => a.id === fileOf.get(column)).withdrawn).toBeNull();
      }
    }, 180_000);
  });

  describe('links and hand-overs that must not cross the access rules', () => {
    it('refuses to hand a hotline complaint to a mediation room, where nobody may sign for it', async () => {
      const { id } = await stages.create('classified', '410100');
      const response = await clients.cityCaseworker.post(`/api/complaints/${id}/assign`, { unitId: 'MR-410105' });
      expect([response.status, response.body.errors?.[0]?.field]).toEqual([400, 'unitId']);
    });

    it('neither shows a unit the id of an earlier order it may not see, nor lets it merge into that order', async () => {
      const { id, earlierId } = await stages.create('flagged_repeat', '410105');
      const merge = (into: string) => clients.jinshuiCaseworker.post(`/api/complaints/${id}/merge`, { intoComplaintId: into, reason: '同一来电人重复反映' });
      const intoRandomId = await merge(randomUUID());
      const intoHiddenOrder = await merge(earlierId!);
      expect(intoHiddenOrder).toEqual(intoRandomId);
      expect((await clients.jinshuiCaseworker.get(`/api/complaints/${id}`)).body.repeatOf).not.toContain(earlierId);
    });
  });
});
