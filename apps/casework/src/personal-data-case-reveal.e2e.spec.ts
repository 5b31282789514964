/**
 * Reveal for every kind of case: a hardship file's head of household, a mediation case's parties, and
 * the agreement printed with full identity for the court — each for a stated reason, logged in the
 * access log exactly as a complaint's reveal is; everything else stays masked.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { residentId } from '#casework-testing';

const ROOM = 'MR-410105';
const HEAD = { name: '柳某', idNumber: residentId('41010519800808555'), phone: '13812342222', employer: '郑州某纺织厂', unionMember: true };
const APPLICANT = { name: '王建国', idNumber: residentId('41010519800101001'), phone: '13812345678', address: '郑州市金水区纬五路7号院3单元' };
const RESPONDENT = { name: '郑州某建筑劳务有限公司', representative: '张总', phone: '13700001111', address: '郑州市金水区花园路88号' };

describe('revealing the people of hardship files and mediation cases', () => {
  let system: TestCasework;
  let cadre: ApiClient;
  let supervisor: ApiClient;
  let erqi: ApiClient;
  let mediator: ApiClient;
  let otherRoom: ApiClient;
  let fileId: string;
  let caseId: string;

  beforeAll(async () => {
    system = await startTestCasework();
    cadre = await system.userClient({ username: 'rv.cadre', role: 'caseworker', orgUnitId: '410105' });
    supervisor = await system.userClient({ username: 'rv.supervisor', role: 'supervisor', orgUnitId: '410105' });
    erqi = await system.userClient({ username: 'rv.erqi', role: 'caseworker', orgUnitId: '410103' });
    mediator = await system.userClient({ username: 'rv.mediator', role: 'mediator', orgUnitId: ROOM });
    otherRoom = await system.userClient({ username: 'rv.erqi.mediator', role: 'mediator', orgUnitId: 'MR-410103' });
    const today = system.today();

    fileId = (await post(cadre, '/api/hardship-files', {
      source: { kind: 'application' }, district: '410105', causes: ['illness'], monthlyHouseholdIncome: 150_000,
      head: HEAD, members: [{ name: '柳小妹', relation: '女儿', age: 12 }],
    })).id;

    caseId = (await post(mediator, '/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调8001号', referralType: 'assigned' },
      roomId: ROOM, referredOn: today, applicants: [APPLICANT, { name: '李红' }], respondent: RESPONDENT,
      claims: [{ item: '拖欠工资', amount: 1_000_000, party: 0 }], summary: '追索工资',
    })).id;
    await post(mediator, `/api/mediation-cases/${caseId}/accept`, { acceptedOn: today });
    await post(supervisor, `/api/mediation-cases/${caseId}/mediator`, { mediatorId: (await mediator.get('/api/auth/me')).body.id });
    await system.app.runtime.projections.waitUntilCaughtUp();
  }, 60_000);

  afterAll(() => system?.stop());

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const reveals = async (id: string) =>
    ((await supervisor.get(`/api/audit/access-log?caseId=${id}`)).body as { action: string; username: string; field?: string }[]).filter((entry) => entry.action === 'reveal');

  /** A document sent for a POST (the copy with full identity): its status, headers and text. */
  async function print(client: ApiClient, path: string, body: unknown) {
    const response = await fetch(`${client.baseUrl}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}` }, body: JSON.stringify(body),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), cacheControl: response.headers.get('cache-control'), bytes: Buffer.from(await response.arrayBuffer()) };
  }

  describe('a hardship file', () => {
    const reveal = (client: ApiClient, field: string, reason?: string) => client.post(`/api/hardship-files/${fileId}/reveal`, { field, ...(reason !== undefined ? { reason } : {}) });

    it('shows the head of household\'s phone and ID number masked', async () => {
      const { body: file } = await cadre.get(`/api/hardship-files/${fileId}`);
      expect(file.head).toMatchObject({ name: '柳某', phone: '138****2222', idNumber: '410105********' + HEAD.idNumber.slice(14) });
      expect(JSON.stringify(file)).not.toContain(HEAD.phone);
    });

    it('reveals either in full to the file\'s caseworker and supervisor, each logged with its field and reason', async () => {
      const phone = await reveal(cadre, 'head.phone', '入户走访前电话联系户主');
      expect([phone.status, phone.body]).toEqual([200, { field: 'head.phone', value: HEAD.phone }]);
      const idNumber = await reveal(supervisor, 'head.idNumber', '核实身份');
      expect([idNumber.status, idNumber.body]).toEqual([200, { field: 'head.idNumber', value: HEAD.idNumber }]);
      expect(await reveals(fileId)).toEqual([
        expect.objectContaining({ username: 'rv.supervisor', caseKind: 'hardship_file', caseId: fileId, field: 'head.idNumber', reason: '核实身份' }),
        expect.objectContaining({ username: 'rv.cadre', caseKind: 'hardship_file', caseId: fileId, field: 'head.phone', reason: '入户走访前电话联系户主' }),
      ]);
    });

    it('asks for a reason and a known field, answers another district 404 and a mediator 403, and logs none of them', async () => {
      const before = (await reveals(fileId)).length;
      const noReason = await reveal(cadre, 'head.phone');
      expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'reason']);
      expect(noReason.body.errors[0].message).toMatch(/查看理由/);
      expect((await reveal(cadre, 'head.name', '核实')).body.errors[0].field).toBe('field');
      const foreign = await reveal(erqi, 'head.phone', '好奇');
      expect([foreign.status, foreign.body.code]).toEqual([404, 'hardship_file_not_found']);
      expect((await reveal(mediator, 'head.phone', '好奇')).status).toBe(403);
      expect(await reveals(fileId)).toHaveLength(before);
    });
  });

  describe('a mediation case', () => {
    const reveal = (client: ApiClient, party: string, field: string, reason?: string) =>
      client.post(`/api/mediation-cases/${caseId}/parties/${party}/reveal`, { field, ...(reason !== undefined ? { reason } : {}) });

    it('shows the parties\' addresses masked to the district, in the case and its history', async () => {
      const { body: kase } = await mediator.get(`/api/mediation-cases/${caseId}`);
      expect(kase.applicants[0]).toMatchObject({ partyId: 'p1', name: '王建国', phone: '138****5678', address: '郑州市金水区****' });
      expect(kase.respondent).toMatchObject({ name: RESPONDENT.name, phone: '137****1111', address: '郑州市金水区****' });
      const { body: history } = await mediator.get(`/api/mediation-cases/${caseId}/history`);
      for (const answer of [kase, history]) {
        for (const value of [APPLICANT.address, RESPONDENT.address, APPLICANT.phone, APPLICANT.idNumber]) expect(JSON.stringify(answer)).not.toContain(value);
      }
    });

    it('reveals a party\'s phone, ID number and address to a mediator of the room, and the respondent\'s, each logged', async () => {
      expect((await reveal(mediator, 'p1', 'phone', '通知调解时间')).body).toEqual({ field: 'phone', value: APPLICANT.phone });
      expect((await reveal(mediator, 'p1', 'idNumber', '核对身份')).body).toEqual({ field: 'idNumber', value: APPLICANT.idNumber });
      expect((await reveal(supervisor, 'p1', 'address', '邮寄调解书')).body).toEqual({ field: 'address', value: APPLICANT.address });
      expect((await reveal(mediator, 'respondent', 'address', '送达')).body).toEqual({ field: 'address', value: RESPONDENT.address });
      expect((await reveals(caseId)).map((entry) => [entry.username, entry.field])).toEqual([
        ['rv.mediator', 'respondent.address'], ['rv.supervisor', 'applicants.p1.address'], ['rv.mediator', 'applicants.p1.idNumber'], ['rv.mediator', 'applicants.p1.phone'],
      ]);
    });

    it('refuses a reveal without a reason, of a party not in the case or a value never given, and to another room', async () => {
      expect((await reveal(mediator, 'p1', 'phone')).body.errors[0].field).toBe('reason');
      expect((await reveal(mediator, 'p9', 'phone', '核实')).body.code).toBe('party_not_found');
      expect((await reveal(mediator, 'p2', 'phone', '核实')).body.code).toBe('personal_data_not_recorded');
      expect((await reveal(otherRoom, 'p1', 'phone', '好奇')).status).toBe(404);
      expect((await reveal(system.admin, 'p1', 'phone', '管理')).status).toBe(403);
    });
  });

  describe('the agreement for judicial confirmation', () => {
    beforeAll(async () => {
      const today = system.today();
      await post(mediator, `/api/mediation-cases/${caseId}/agreement`, {
        agreedOn: today, effectiveOn: today, terms: '被申请人一次性支付拖欠工资。',
        items: [{ item: '拖欠工资', amount: 800_000, partyId: 'p1' }], schedule: [{ dueOn: today, amount: 800_000, partyId: 'p1' }],
      });
    });

    it('stays masked when printed without a reveal (a draft)', async () => {
      const draft = (await mediator.download(`/api/mediation-cases/${caseId}/documents/agreement`)).bytes.toString('utf8');
      expect(draft).toContain(`公民身份号码：410105********${APPLICANT.idNumber.slice(14)}`);
      expect(draft).not.toContain(APPLICANT.idNumber);
      expect(draft).not.toContain(APPLICANT.address);
    });

    it('prints the full ID numbers and addresses the court needs as a reveal logged with the document\'s name', async () => {
      const before = (await reveals(caseId)).length;
      const page = await print(mediator, `/api/mediation-cases/${caseId}/documents/agreement/reveal`, { reason: '双方申请司法确认，提交法院' });
      expect([page.status, page.contentType, page.cacheControl]).toEqual([200, 'text/html; charset=utf-8', 'no-store']);
      expect(page.bytes.toString('utf8')).toContain(`公民身份号码：${APPLICANT.idNumber}，住址：${APPLICANT.address}`);
      const pdf = await print(mediator, `/api/mediation-cases/${caseId}/documents/agreement.pdf/reveal`, { reason: '司法确认（PDF）' });
      expect([pdf.status, pdf.contentType, pdf.bytes.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
      const logged = await reveals(caseId);
      expect(logged.slice(0, logged.length - before)).toEqual([
        expect.objectContaining({ username: 'rv.mediator', caseKind: 'mediation_case', caseId, field: 'documents.agreement', reason: '司法确认（PDF）' }),
        expect.objectContaining({ field: 'documents.agreement', reason: '双方申请司法确认，提交法院' }),
      ]);
    });

    it('is refused without a reason, for a document the case does not have, and to another room, none of them logged', async () => {
      const before = (await reveals(caseId)).length;
      const noReason = await print(mediator, `/api/mediation-cases/${caseId}/documents/agreement/reveal`, {});
      expect(noReason.status).toBe(400);
      expect(JSON.parse(noReason.bytes.toString()).errors[0]).toMatchObject({ field: 'reason', message: expect.stringMatching(/打印理由/) });
      expect((await print(mediator, `/api/mediation-cases/${caseId}/documents/feedback-letter/reveal`, { reason: '反馈法院' })).status).toBe(422);
      expect((await print(mediator, `/api/mediation-cases/${caseId}/documents/minutes/reveal`, { reason: '反馈法院' })).status).toBe(404);
      expect((await print(otherRoom, `/api/mediation-cases/${caseId}/documents/agreement/reveal`, { reason: '好奇' })).status).toBe(404);
      expect(await reveals(caseId)).toHaveLength(before);
    });
  });
});
