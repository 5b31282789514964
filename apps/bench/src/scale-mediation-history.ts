import { deterministicUuid } from '#command-handling';
import type { Actor } from '#event-store';
import { createMediationDecider, DEFAULT_MEDIATION_LIMITS, DISPUTE_CAUSES, type DisputeCause, type MediationCommand } from '#mediation';
import { decidedAppends, type PlannedStep } from './decided-history.js';
import type { PlannedAppend } from './hotline-history.js';
import { SeededRandom } from './seeded-random.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CAUSES = Object.keys(DISPUTE_CAUSES) as DisputeCause[];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const MEDIATORS_PER_ROOM = 3;

/** The Shanghai calendar day of an instant. */
const dayOf = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 10);

/**
 * Court–union mediation cases as the real decider records them, referred over `from`–`to` to `rooms`:
 * a court refers (委派 or 委托), the room accepts (a few it declines), a mediator is assigned and holds a
 * session; then an agreement (paid in one or two installments, some confirmed by the court), a failure,
 * or a withdrawal. Applicants carry a name only: bench data, not people (the names are still
 * encrypted per person when the log is appended through the encrypting store).
 */
export function mediationCasesLog(count: number, from: number, to: number, seed: string, rooms: readonly string[]): { appends: PlannedAppend[]; events: number } {
  const random = new SeededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.next() * items.length)];
  const decider = createMediationDecider({ limits: DEFAULT_MEDIATION_LIMITS });
  const appends: PlannedAppend[] = [];
  let events = 0;
  for (let i = 0; i < count; i++) {
    const caseId = deterministicUuid(seed, 'mediation', String(i));
    const roomId = pick(rooms);
    const mediatorId = `bench-mediator-${roomId}-${1 + Math.floor(random.next() * MEDIATORS_PER_ROOM)}`;
    const supervisor: Actor = { userId: `bench-supervisor-${roomId}`, role: 'supervisor', orgUnitId: roomId };
    const mediator: Actor = { userId: mediatorId, role: 'mediator', orgUnitId: roomId };
    let at = from + Math.floor(random.next() * (to - from - 60 * DAY)) + 9 * HOUR;
    const steps: PlannedStep<MediationCommand>[] = [];
    /** The next step, `afterDays` (and a quarter of an hour) after the one before, given the Shanghai day it is decided on. */
    const step = (command: (day: string) => MediationCommand, actor: Actor, afterDays = 1) => {
      at += afterDays * DAY + 15 * 60_000;
      steps.push({ command: command(dayOf(at)), actor, at });
    };
    const applicants = Array.from({ length: 1 + Math.floor(random.next() * 3) }, (_, n) => ({ partyId: `p${n}`, name: `${pick(SURNAMES)}某${n + 1}` }));
    const claims = applicants.map((a, n) => ({ claimId: `c${n}`, item: '工资', amount: 100_000 * (10 + Math.floor(random.next() * 200)), partyId: a.partyId }));
    const entrusted = random.next() < 0.3;
    const year = dayOf(at).slice(0, 4);
    const source = entrusted
      ? { kind: 'court' as const, court: '人民法院', caseNumber: `（${year}）豫${roomId.slice(3, 7)}民初${i + 1}号`, referralType: 'entrusted' as const, procedure: random.next() < 0.5 ? ('summary' as const) : ('ordinary' as const) }
      : { kind: 'court' as const, court: '人民法院', caseNumber: `（${year}）豫${roomId.slice(3, 7)}民诉前调${i + 1}号`, referralType: 'assigned' as const };
    step((day) => ({
      type: 'ReferCase',
      data: { caseId, source, cause: pick(CAUSES), roomId, referredOn: day, applicants, respondent: { name: `压测被申请单位${i % 1_997}` }, claims, summary: '劳动者与用人单位就拖欠工资发生争议' },
    }), supervisor, 0);
    if (random.next() < 0.05) {
      step((day) => ({ type: 'DeclineCase', data: { reason: '不属于劳动争议', declinedOn: day } }), supervisor);
    } else {
      step((day) => ({ type: 'AcceptCase', data: { acceptedOn: day } }), supervisor);
      step(() => ({ type: 'AssignMediator', data: { mediatorId, mediatorName: `调解员${mediatorId.slice(-1)}` } }), supervisor, 0);
      const sessionAt = at + (2 + Math.floor(random.next() * 5)) * DAY;
      step(() => ({ type: 'ScheduleSession', data: { sessionId: 's1', startsAt: new Date(sessionAt).toISOString(), endsAt: new Date(sessionAt + 2 * HOUR).toISOString(), mode: 'in_room', attendees: ['申请人', '被申请人代理人'] } }), mediator, 0);
      at = sessionAt + 3 * HOUR;
      step(() => ({ type: 'RecordSessionHeld', data: { sessionId: 's1', minutes: '双方陈述意见，调解员释法明理', attendees: ['申请人', '被申请人代理人'] } }), mediator, 0);
      const outcome = random.next();
      if (outcome < 0.6) agreed(step, mediator, supervisor, claims, random);
      else if (outcome < 0.9) step((day) => ({ type: 'RecordFailure', data: { failedOn: day, undisputedFacts: ['存在劳动关系'], disputedPoints: ['欠薪数额'] } }), mediator, 1 + Math.floor(random.next() * 10));
      else step((day) => ({ type: 'WithdrawCase', data: { withdrawnOn: day, reason: '双方自行和解', by: 'applicant' } }), mediator, 1 + Math.floor(random.next() * 10));
    }
    for (const append of decidedAppends(decider, `mediation-case-${caseId}`, steps)) {
      appends.push(append);
      events += append.events.length;
    }
  }
  appends.sort((a, b) => a.at - b.at);
  return { appends, events };
}

type Step = (command: (day: string) => MediationCommand, actor: Actor, afterDays?: number) => void;

/** An agreement for 60–100 % of the claims in one or two installments, mostly paid; a third go to the court for confirmation. */
function agreed(step: Step, mediator: Actor, supervisor: Actor, claims: readonly { partyId: string; amount: number }[], random: SeededRandom): void {
  const share = 0.6 + random.next() * 0.4;
  const items = claims.map((c) => ({ item: '工资', amount: Math.max(1, Math.floor(c.amount * share)), partyId: c.partyId }));
  const total = items.reduce((sum, item) => sum + item.amount, 0);
  const two = random.next() < 0.5;
  let schedule: { installmentId: string; dueOn: string; amount: number }[] = [];
  step((day) => {
    const due = (days: number) => dayOf(Date.parse(`${day}T12:00:00+08:00`) + days * DAY);
    schedule = two ? [{ installmentId: 'i1', dueOn: due(15), amount: Math.floor(total / 2) }, { installmentId: 'i2', dueOn: due(45), amount: total - Math.floor(total / 2) }] : [{ installmentId: 'i1', dueOn: due(20), amount: total }];
    return { type: 'RecordAgreement', data: { agreedOn: day, effectiveOn: day, terms: '被申请人分期支付拖欠工资', items, schedule } };
  }, mediator, 1 + Math.floor(random.next() * 10));
  if (random.next() < 0.33) {
    step((day) => ({ type: 'RequestJudicialConfirmation', data: { requestedOn: day } }), supervisor, 3);
    step((day) => ({ type: 'RecordJudicialConfirmation', data: { decidedOn: day, granted: true, rulingNumber: `民特确认${day.replaceAll('-', '')}号` } }), supervisor, 10);
  }
  for (const installment of schedule) {
    if (random.next() < 0.85) step((day) => ({ type: 'RecordAgreedPayment', data: { paymentId: `pay-${installment.installmentId}`, installmentId: installment.installmentId, paidOn: day, amount: installment.amount } }), supervisor, 14);
  }
}
