/**
 * The cases the fuzz suite aims at, made through the API before it starts: one of each kind (a
 * complaint being handled, a wage case with verified claimants, a payment and an advance, a hardship
 * file, a mediation case with a mediator and a session), so that mutated requests carry real ids and
 * reach the domain's rules instead of bouncing off "not found".
 */
import { ApiClient } from '#casework-testing';
import { ComplaintStages } from '#casework-testing';
import type { TestCasework } from '#casework-testing';
import type { Principal } from './fuzz-request.js';
import { UNKNOWN_UUID } from './request-mutations.js';

export const JINSHUI = '410105';
export const ROOM = 'MR-410105';

export interface FuzzWorld {
  readonly url: string;
  /** Bearer tokens of who sends the requests (none for `anonymous`). */
  readonly tokens: Readonly<Record<Principal, string | undefined>>;
  readonly today: string;
  readonly ids: Readonly<Record<string, string>>;
}

/** Logs a new user in and returns their client, token and id. */
async function user(system: TestCasework, username: string, role: string, orgUnitId: string) {
  const client = await system.userClient({ username, role, orgUnitId });
  const me = await client.get('/api/auth/me');
  return { client, token: (client as unknown as { token: string }).token, id: me.body.id as string };
}

async function ok(response: Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`fuzz world: ${what} answered ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Shanghai wall time on a day as an ISO instant. */
export const instantAt = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

export async function buildWorld(system: TestCasework): Promise<FuzzWorld> {
  const today = system.today();
  const tomorrow = new Date(Date.parse(`${today}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);
  const centre = await user(system, 'fuzz.centre', 'caseworker', '410100');
  const citySupervisor = await user(system, 'fuzz.city.supervisor', 'supervisor', '410100');
  const caseworker = await user(system, 'fuzz.jinshui', 'caseworker', JINSHUI);
  const supervisor = await user(system, 'fuzz.jinshui.supervisor', 'supervisor', JINSHUI);
  const mediator = await user(system, 'fuzz.mediator', 'mediator', ROOM);
  const victim = await user(system, 'fuzz.victim', 'caseworker', JINSHUI);
  const caughtUp = () => system.app.runtime.projections.waitUntilCaughtUp();

  const stages = new ComplaintStages(centre.client, () => caseworker.client, caughtUp);
  const complaint = await stages.create('contacted', JINSHUI);
  const otherComplaint = await stages.create('classified', JINSHUI);

  const cw = caseworker.client;
  const wage = await ok(cw.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '郑州某模糊测试餐饮公司', district: JINSHUI }, summary: '两名服务员被拖欠工资' }), 'open wage case');
  const w = `/api/wage-cases/${wage.id}`;
  await ok(cw.post(`${w}/claimants`, { claimants: [{ name: '赵一', workedFrom: '2025-03-01', claimed: 1_200_000 }, { name: '钱二', workedFrom: '2025-03-01', claimed: 800_000 }] }), 'add claimants');
  const claimantIds: string[] = (await cw.get(w)).body.claimants.map((c: { claimantId: string }) => c.claimantId);
  await ok(cw.post(`${w}/start-verification`), 'start verification');
  await ok(cw.post(`${w}/verify`, { claims: claimantIds.map((claimantId) => ({ claimantId, verified: 800_000, basis: '考勤卡' })) }), 'verify');
  await ok(cw.post(`${w}/complete-verification`), 'complete verification');
  const payment = await ok(cw.post(`${w}/payments`, { amount: 100_000, paidOn: today, payer: '某餐饮公司', allocations: [{ claimantId: claimantIds[0], amount: 100_000 }] }), 'payment');
  const advance = await ok(cw.post(`${w}/advances`, { allocations: [{ claimantId: claimantIds[1], amount: 50_000 }], reason: '家中困难' }), 'advance');
  const referral = await ok(cw.post(`${w}/referrals`, { target: 'labour_inspection', referredOn: today }), 'referral');

  const file = await ok(cw.post('/api/hardship-files', {
    source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
    head: { name: '陈某', idNumber: '410105198001010017', phone: '13900001234', employer: '郑州某纺织厂', unionMember: true },
    members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
  }), 'hardship application');

  const mediation = await ok(mediator.client.post('/api/mediation-cases', courtReferral(today)), 'mediation referral');
  const m = `/api/mediation-cases/${mediation.id}`;
  await ok(mediator.client.post(`${m}/accept`, { acceptedOn: today }), 'accept');
  await ok(supervisor.client.post(`${m}/mediator`, { mediatorId: mediator.id }), 'assign mediator');
  const session = await ok(mediator.client.post(`${m}/sessions`, { startsAt: instantAt(tomorrow, '09:00'), endsAt: instantAt(tomorrow, '10:30'), mode: 'in_room', attendees: ['王建国'] }), 'session');

  // An item of our own in a list that allows adding, so that retiring it harms nothing else.
  await ok(system.admin.post('/api/admin/reference/hotline/returnReasons', { reason: '模糊测试', code: 'fuzz_reason', label: '模糊测试原因', labelEn: 'Fuzz reason' }), 'reference item');
  await caughtUp();

  return {
    url: system.app.url,
    tokens: { admin: (system.admin as unknown as { token: string }).token, supervisor: citySupervisor.token, caseworker: caseworker.token, anonymous: undefined },
    today,
    ids: {
      complaint: complaint.id,
      otherComplaint: otherComplaint.id,
      wage: wage.id,
      claimant: claimantIds[0]!,
      payment: payment.paymentId ?? UNKNOWN_UUID,
      advance: advance.advanceId ?? UNKNOWN_UUID,
      approval: advance.approvalId ?? UNKNOWN_UUID,
      referral: referral.referralId ?? UNKNOWN_UUID,
      hardship: file.id,
      mediation: mediation.id,
      session: session.sessionId ?? UNKNOWN_UUID,
      mediator: mediator.id,
      caseworker: caseworker.id,
      victim: victim.id,
      tomorrow,
    },
  };
}

export function courtReferral(day: string) {
  return {
    source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调7001号', referralType: 'assigned' },
    roomId: ROOM,
    referredOn: day,
    applicants: [{ name: '王建国', phone: '13812345678' }],
    respondent: { name: '郑州某建筑劳务有限公司', representative: '张总' },
    claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }],
    summary: '工人追索工资',
  };
}
