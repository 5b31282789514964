/**
 * 证据附件 on the other three kinds of case, over HTTP (issue 19): a complaint's caller, a hardship
 * file's head and a member, a mediation case's party — upload, list, download, withdraw, the people a
 * file may concern as the server names them, and the supervisor's audit (as-of, diff) reading past the
 * file events. Then the evidence kinds the administrator keeps: a kind added is attachable at once; a
 * retired one is refused for new files while the files already of it keep its label.
 */
import sharp from 'sharp';
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';

const JINSHUI = '410105';
const ROOM = 'MR-410105';

interface Part { name: string; bytes: Buffer }

function upload(client: ApiClient, path: string, fields: Record<string, string>, files: Part[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': crypto.randomUUID() },
    body: form,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
}

const photo = (colour: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).jpeg().toBuffer();

describe('attachments of a complaint, a hardship file and a mediation case', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let supervisor: ApiClient;
  let mediator: ApiClient;
  let admin: ApiClient;
  const cases: Record<'complaints' | 'hardship-files' | 'mediation-cases', string> = { complaints: '', 'hardship-files': '', 'mediation-cases': '' };

  async function ok(response: Promise<{ status: number; body: any }>) {
    const answer = await response;
    if (answer.status >= 300) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'wu.files', role: 'caseworker', orgUnitId: JINSHUI });
    supervisor = await system.userClient({ username: 'zheng.files', role: 'supervisor', orgUnitId: JINSHUI });
    mediator = await system.userClient({ username: 'wang.files', role: 'mediator', orgUnitId: ROOM });
    admin = system.admin;
    cases.complaints = (await ok(caseworker.post('/api/complaints', complaintFrom({ name: '孙丽', phone: '13655550001' }, '郑州丙纺织有限公司')))).id;
    cases['hardship-files'] = (await ok(caseworker.post('/api/hardship-files', {
      source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
      head: { name: '陈某', idNumber: '410105198001010017', phone: '13700001111', employer: '郑州某纺织厂', unionMember: true },
      members: [{ name: '林妻', relation: '配偶', age: 44, health: '尿毒症' }],
    }))).id;
    cases['mediation-cases'] = (await ok(mediator.post('/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调8123号', referralType: 'assigned' },
      cause: 'labour_remuneration', roomId: ROOM, referredOn: system.today(),
      applicants: [{ name: '王建国', idNumber: '410105198001010033', phone: '13812345678' }],
      respondent: { name: '郑州某建筑劳务有限公司', creditCode: '91410105MA44XXXX1X', representative: '张总' },
      claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '工人追索工资',
    }))).id;
  }, 90_000);

  afterAll(() => system?.stop());

  const KINDS = [
    { path: 'complaints' as const, actor: () => caseworker, people: [{ ref: 'caller', label: '孙*' }], person: 'caller', label: '孙*', evidence: 'pay_slip' },
    { path: 'hardship-files' as const, actor: () => caseworker, people: [{ ref: 'head', label: '陈*' }, { ref: 'member:1', label: '林*' }], person: 'member:1', label: '林*', evidence: 'home_visit_form' },
    { path: 'mediation-cases' as const, actor: () => mediator, people: [{ ref: expect.stringMatching(/^party:/), label: '王**' }], person: 'party', label: '王**', evidence: 'signed_agreement' },
  ];

  describe.each(KINDS.map((k) => [k.path, k] as const))('%s', (_, kind) => {
    const base = () => `/api/${kind.path}/${cases[kind.path]}/attachments`;

    it('names the people a file may concern with the refs the server accepts and masked labels, and takes a file for one of them', async () => {
      const people = (await ok(kind.actor().get(`${base()}/people`))).items;
      expect(people).toEqual(kind.people);
      const ref = kind.person === 'party' ? people[0].ref : kind.person;
      const bytes = await photo('#aa6633');
      const added = await upload(kind.actor(), base(), { kind: kind.evidence, note: '原件已核对', person: ref }, [{ name: `${kind.path}.jpg`, bytes }]);
      expect(added.status).toBe(201);
      const [item] = added.body.items;
      expect(item).toMatchObject({ caseId: cases[kind.path], kind: kind.evidence, fileName: `${kind.path}.jpg`, person: { ref, label: kind.label }, withdrawn: null, erased: false });

      const listed = (await ok(supervisor.get(base()))).items;
      expect(listed.map((a: { id: string }) => a.id)).toContain(item.id);
      const download = await supervisor.download(`${base()}/${item.id}/content`);
      expect(download).toMatchObject({ status: 200, contentType: 'image/jpeg' });
      expect(download.bytes.length).toBe(item.size);

      const withdrawn = await kind.actor().post(`${base()}/${item.id}/withdraw`, { reason: '上传错了案件' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.withdrawn).toMatchObject({ reason: '上传错了案件' });
      expect((await ok(supervisor.get(base()))).items.find((a: { id: string }) => a.id === item.id).withdrawn).toMatchObject({ reason: '上传错了案件' });
    });

    it('keeps the history and the supervisor’s audit readable past the file events', async () => {
      const path = `/api/${kind.path}/${cases[kind.path]}`;
      const history = (await ok(supervisor.get(`${path}/history`))) as { type: string; recordedAt: string; data: Record<string, unknown> }[];
      const added = history.find((e) => e.type === 'AttachmentAdded');
      const withdrawn = history.find((e) => e.type === 'AttachmentWithdrawn');
      expect(added?.data).toMatchObject({ kind: kind.evidence, fileName: `${kind.path}.jpg` });
      expect(withdrawn?.data).toMatchObject({ reason: '上传错了案件' });
      const first = history[0].recordedAt;
      const last = history[history.length - 1].recordedAt;
      const asOf = await supervisor.get(`${path}/as-of?at=${encodeURIComponent(last)}`);
      expect(asOf.status).toBe(200);
      expect(asOf.body.id).toBe(cases[kind.path]);
      const diff = await supervisor.get(`${path}/diff?from=${encodeURIComponent(first)}&to=${encodeURIComponent(last)}`);
      expect(diff.status).toBe(200);
      expect(diff.body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['AttachmentAdded', 'AttachmentWithdrawn']));
    });
  });

  it('takes files two caseworkers add to one case at the same moment, both (an add conflicts with nothing)', async () => {
    const base = `/api/complaints/${cases.complaints}/attachments`;
    const [first, second] = await Promise.all([
      upload(caseworker, base, { kind: 'site_photo' }, [{ name: 'a.jpg', bytes: await photo('#112233') }]),
      upload(supervisor, base, { kind: 'site_photo' }, [{ name: 'b.jpg', bytes: await photo('#332211') }]),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
  });

  it('takes nine uploads to one case at the same moment, each once (a write in between is read, not answered 409)', async () => {
    const base = `/api/complaints/${cases.complaints}/attachments`;
    const before = (await ok(caseworker.get(base))).items.length;
    const answers = await Promise.all(Array.from({ length: 9 }, async (_, i) =>
      upload(i % 2 ? supervisor : caseworker, base, { kind: 'site_photo', note: `第${i + 1}张` }, [{ name: `p${i}.jpg`, bytes: await photo(`#${String(i).repeat(6)}`) }])));
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(201));
    expect((await ok(caseworker.get(base))).items.length).toBe(before + 9);
  });

  describe('the evidence kinds the administrator keeps', () => {
    const base = () => `/api/complaints/${cases.complaints}/attachments`;

    it('starts with the eleven kinds of issue 19, each active', async () => {
      const { items } = await ok(caseworker.get('/api/attachment-kinds'));
      expect(items.map((k: { label: string }) => k.label)).toEqual(['考勤卡', '欠条', '工资条', '劳动合同', '身份证明', '入户核查表', '收入核查授权书', '调解协议（签字）', '调解笔录', '现场照片', '其他']);
      expect((await ok(admin.get('/api/admin/reference/evidence-kinds'))).items.every((k: { active: boolean }) => k.active)).toBe(true);
    });

    it('lets only an administrator change the list, and refuses a bad code or a label without Chinese, by field', async () => {
      expect((await caseworker.post('/api/admin/reference/evidence-kinds', { code: 'bank_statement', label: '银行流水', reason: '新增' })).status).toBe(403);
      const bad = await admin.post('/api/admin/reference/evidence-kinds', { code: 'Bank-Statement', label: 'statement', reason: '新增' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`).sort()).toEqual(['code:code_format', 'label:chinese']);
      const taken = await admin.post('/api/admin/reference/evidence-kinds', { code: 'iou', label: '借据', reason: '新增' });
      expect(taken.body.errors[0]).toMatchObject({ field: 'code', rule: 'unique' });
    });

    it('takes a file of a kind an administrator added; refuses a retired kind for new files while old files keep its label', async () => {
      const added = await admin.post('/api/admin/reference/evidence-kinds', { code: 'bank_statement', label: '银行流水', reason: '工资经银行代发的案件需要流水' });
      expect(added.status).toBe(201);
      expect((await ok(caseworker.get('/api/attachment-kinds'))).items).toContainEqual({ code: 'bank_statement', label: '银行流水' });
      const stored = await upload(caseworker, base(), { kind: 'bank_statement', person: 'caller' }, [{ name: '流水.jpg', bytes: await photo('#336699') }]);
      expect(stored.status).toBe(201);
      expect(stored.body.items[0]).toMatchObject({ kind: 'bank_statement', kindLabel: '银行流水' });

      expect((await admin.post('/api/admin/reference/evidence-kinds/bank_statement/retire', { reason: '改用"工资条"' })).status).toBe(200);
      expect((await ok(caseworker.get('/api/attachment-kinds'))).items.map((k: { code: string }) => k.code)).not.toContain('bank_statement');
      expect((await ok(caseworker.get('/api/attachment-kinds?includeRetired=true'))).items).toContainEqual({ code: 'bank_statement', label: '银行流水', active: false });
      const refused = await upload(caseworker, base(), { kind: 'bank_statement' }, [{ name: '流水2.jpg', bytes: await photo('#336699') }]);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ field: 'kind', rule: 'attachment_kind_unknown' });
      expect(refused.body.errors[0].message).toContain('银行流水');
      expect(refused.body.errors[0].message).toContain('已停用');
      const old = (await ok(caseworker.get(base()))).items.find((a: { id: string }) => a.id === stored.body.items[0].id);
      expect(old.kindLabel).toBe('银行流水');

      const history = (await ok(admin.get('/api/admin/reference/evidence-kinds/changes'))).items;
      expect(history.map((c: { change: string; code: string }) => `${c.change}:${c.code}`)).toEqual(['retired:bank_statement', 'added:bank_statement']);
      expect(history[0]).toMatchObject({ reason: '改用"工资条"', changedBy: { username: 'admin' } });
    });
  });
});
