/**
 * Every field DOMAIN.md calls personal data, of every kind of case, is encrypted inside the events:
 * each case is taken through the real system over HTTP and the raw `event_store.events` rows (and
 * every other table) are searched for each value in clear.
 */
import { startTestCasework, type TestCasework } from '#casework-testing';
import type { ApiClient } from '#casework-testing';
import { complaintFrom, residentId, tablesContaining } from '#casework-testing';

const ROOM = 'MR-410105';
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

/** Values no other fixture uses, so a hit can only be this test's person. */
const PEOPLE = {
  callerName: '欧阳来电', callerPhone: '13611112222', callerId: residentId('41010519850202111'),
  claimantName: '上官欠薪', claimantPhone: '13622223333', claimantId: residentId('41010519860303222'),
  headName: '司马困难', headPhone: '13633334444', headId: residentId('41010519870404333'), memberName: '司马小妹',
  applicantName: '诸葛申请', applicantPhone: '13644445555', applicantId: residentId('41010519880505444'),
  applicantAddress: '郑州市金水区纬五路七号院三单元', representative: '东方代表', respondentPhone: '13655556666',
  respondentAddress: '郑州市金水区花园路八十八号', attendee: '皇甫旁听', consentName: '慕容同意',
};

describe('personal data of every kind of case, encrypted inside the events', () => {
  let system: TestCasework;
  let caseworker: ApiClient;
  let mediator: ApiClient;
  let supervisor: ApiClient;

  beforeAll(async () => {
    system = await startTestCasework();
    caseworker = await system.userClient({ username: 'cov.caseworker', role: 'caseworker', orgUnitId: '410105' });
    supervisor = await system.userClient({ username: 'cov.supervisor', role: 'supervisor', orgUnitId: '410105' });
    mediator = await system.userClient({ username: 'cov.mediator', role: 'mediator', orgUnitId: ROOM });
    const mediatorId = (await mediator.get('/api/auth/me')).body.id;
    const today = system.today();
    const tomorrow = new Date(Date.parse(`${today}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);

    await post(caseworker, '/api/complaints', complaintFrom({ name: PEOPLE.callerName, phone: PEOPLE.callerPhone, idNumber: PEOPLE.callerId }, '郑州某覆盖测试公司'));

    const wage = await post(caseworker, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某覆盖测试装修公司', district: '410105' }, summary: '装修工人工资' });
    await post(caseworker, `/api/wage-cases/${wage.id}/claimants`, {
      claimants: [{ name: PEOPLE.claimantName, phone: PEOPLE.claimantPhone, idNumber: PEOPLE.claimantId, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 }],
    });

    await post(caseworker, '/api/hardship-files', {
      source: { kind: 'application' }, district: '410105', causes: ['illness'], monthlyHouseholdIncome: 150_000,
      head: { name: PEOPLE.headName, idNumber: PEOPLE.headId, phone: PEOPLE.headPhone, employer: '郑州某纺织厂', unionMember: true },
      members: [{ name: PEOPLE.memberName, relation: '女儿', age: 12, schooling: '小学' }],
    });

    const mediation = await post(mediator, '/api/mediation-cases', {
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调7001号', referralType: 'assigned' },
      roomId: ROOM, referredOn: today,
      applicants: [{ name: PEOPLE.applicantName, idNumber: PEOPLE.applicantId, phone: PEOPLE.applicantPhone, address: PEOPLE.applicantAddress }],
      respondent: { name: '郑州某覆盖测试餐饮有限公司', representative: PEOPLE.representative, phone: PEOPLE.respondentPhone, address: PEOPLE.respondentAddress },
      claims: [{ item: '拖欠工资', amount: 500_000, party: 0 }], summary: '追索工资',
    });
    await post(mediator, `/api/mediation-cases/${mediation.id}/accept`, { acceptedOn: today });
    await post(supervisor, `/api/mediation-cases/${mediation.id}/mediator`, { mediatorId });
    const attendees = [PEOPLE.applicantName, PEOPLE.attendee];
    const { sessionId } = await post(mediator, `/api/mediation-cases/${mediation.id}/sessions`, { startsAt: at(tomorrow, '09:00'), endsAt: at(tomorrow, '10:00'), mode: 'in_room', attendees });
    system.shiftClock(2 * 86_400_000);
    await post(mediator, `/api/mediation-cases/${mediation.id}/sessions/${sessionId}/held`, { minutes: '双方陈述', attendees });
    await post(mediator, `/api/mediation-cases/${mediation.id}/extension`, {
      days: 10, reason: '双方希望继续协商',
      consents: [{ party: 'applicant', name: PEOPLE.consentName, consentedOn: system.today() }, { party: 'respondent', name: PEOPLE.representative, consentedOn: system.today() }],
    });
    await system.app.runtime.projections.waitUntilCaughtUp();
  }, 120_000);

  afterAll(() => system?.stop());

  async function post(client: ApiClient, path: string, body: unknown = {}) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const inClearInEvents = async (value: string): Promise<string[]> =>
    (await system.app.runtime.dataSource.query(`SELECT event_type FROM event_store.events WHERE data::text LIKE $1 ORDER BY event_type`, [`%${value}%`]))
      .map((row: { event_type: string }) => row.event_type);

  it.each(Object.entries(PEOPLE))('stores %s in no event row in clear', async (_what, value) => {
    expect(await inClearInEvents(value)).toEqual([]);
  });

  it('stores no personal value in clear in any table (read models, access log, key store included)', async () => {
    const found: Record<string, string[]> = {};
    for (const [what, value] of Object.entries(PEOPLE)) {
      const tables = await tablesContaining(system.app.runtime.dataSource, value);
      if (tables.length > 0) found[what] = tables;
    }
    expect(found).toEqual({});
  });

  it('encrypts each attendee and each consenting party under a person key', async () => {
    const [held] = await system.app.runtime.dataSource.query(`SELECT data FROM event_store.events WHERE event_type = 'SessionHeld'`);
    expect(held.data.attendees).toEqual([{ $enc: expect.objectContaining({ subject: expect.any(String) }) }, { $enc: expect.objectContaining({ subject: expect.any(String) }) }]);
    // Two people at the table, two keys: erasing one leaves the other readable.
    expect(new Set(held.data.attendees.map((name: { $enc: { subject: string } }) => name.$enc.subject)).size).toBe(2);
    const [extended] = await system.app.runtime.dataSource.query(`SELECT data FROM event_store.events WHERE event_type = 'DeadlineExtended'`);
    expect(extended.data.consents.map((c: { name: unknown }) => typeof c.name === 'object')).toEqual([true, true]);
    const [referred] = await system.app.runtime.dataSource.query(`SELECT data FROM event_store.events WHERE event_type = 'CaseReferred'`);
    expect(referred.data.applicants[0].address.$enc.subject).toBe(referred.data.applicants[0].idNumber.$enc.subject);
  });
});
