/**
 * Issue 20.3, "a decade of a province", for the mediation figures: as they stand they are summed from
 * the roll-up's year, month and day rows, and that must give exactly what counting the fact rows gives.
 * Random mediation cases (court and union referrals, declines, acceptances, mediators assigned and
 * changed, extensions, agreements paid, partly paid and defaulted, judicial confirmations granted and
 * refused, failures, withdrawals) are decided by the real decider over three calendar years and recorded
 * in rounds, out of the order of their dates (a city brings its past years with it). After each round
 * every question — a whole year, a month, a span over a year boundary, several ragged years, three whole
 * years, one day; every room, one room, two rooms, none — is asked both ways; at the end, as of each
 * round's instant (from the rows) it must answer what the roll-up answered then.
 * Repeat a failure with FIGURES_SEED=<seed printed>.
 */
import { randomUUID } from 'node:crypto';
import { CaseworkError } from '#errors';
import type { NewEvent } from '#event-store';
import { createMediationDecider, DEFAULT_MEDIATION_LIMITS, type MediationCaseState, type MediationCommand, type ReferralSource } from '#mediation';
import { SeededRandom } from '#testing';
import { envelopeOf, startProjectionTestBed, type ProjectionTestBed } from '../testing/projection-test-bed.js';
import { mediationFiguresProjection, UNION_REFERRAL } from './mediation-figures.projection.js';
import { queryMediationStats, type MediationStats, type MediationStatsQuery } from './mediation-stats.query.js';

const SEED = Number(process.env.FIGURES_SEED ?? 20261207);
const ROUNDS = 4;
const CASES_PER_ROUND = 20;
const decider = createMediationDecider({ limits: DEFAULT_MEDIATION_LIMITS });
const DAY = 86_400_000;
const ROOMS: ReadonlyMap<string, readonly string[]> = new Map([['MR-1', ['m-1a', 'm-1b']], ['MR-2', ['m-2a', 'm-2b', 'm-2c']], ['MR-3', ['m-3a']]]);
const COURTS = ['郑州市金水区人民法院', '郑州市二七区人民法院'];
const FIRST_REFERRAL = Date.parse('2023-01-01T09:00:00+08:00');
const LAST_REFERRAL = Date.parse('2025-12-20T09:00:00+08:00');
const PERIODS: readonly [string, string][] = [
  ['2024-01-01', '2024-12-31'], // a whole year
  ['2025-02-01', '2025-02-28'], // a month
  ['2024-11-20', '2025-01-10'], // over a year boundary
  ['2023-03-15', '2026-01-31'], // several ragged years
  ['2023-01-01', '2025-12-31'], // three whole years
  ['2024-06-03', '2024-06-03'], // one day
];
const ROOM_SETS: readonly (readonly string[] | undefined)[] = [undefined, ['MR-1'], ['MR-1', 'MR-2'], ['MR-3'], []];

/** The Shanghai calendar day of an instant. */
const dayOf = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

/** A case being worked: its state, the moment of its last step, and who works it. */
interface Simulated {
  readonly id: string;
  readonly roomId: string;
  state: MediationCaseState;
  clock: number;
}

// The later tests ask about the history the first one records.
describe('mediation figures from the roll-up and from the rows', () => {
  const random = new SeededRandom(SEED);
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await startProjectionTestBed(() => mediationFiguresProjection);
  });

  afterAll(() => bed.close());

  /** Decides a command some days after the case's last step; a refused command changes nothing. */
  function attempt(kase: Simulated, command: (today: string, at: number) => MediationCommand, afterDays: number, role: 'supervisor' | 'mediator' = 'supervisor'): NewEvent[] {
    const at = kase.clock + afterDays * DAY + random.int(1, 120) * 60_000;
    const actor = role === 'mediator' && kase.state.mediator
      ? { userId: kase.state.mediator.mediatorId, role, orgUnitId: kase.roomId }
      : { userId: `supervisor-${kase.roomId}`, role: 'supervisor', orgUnitId: kase.roomId };
    try {
      const events = decider.decide(command(dayOf(at), at), kase.state, { now: new Date(at), actor });
      kase.state = events.reduce(decider.evolve, kase.state);
      kase.clock = at;
      return events.map((event) => envelopeOf(event, actor, new Date(at)));
    } catch (error) {
      if (error instanceof CaseworkError) return [];
      throw error;
    }
  }

  /** A day up to `back` days before `today`, never before `earliest` (facts are often entered late). */
  function datedBack(today: string, earliest: string | null, back = 3): string {
    const day = dayOf(Date.parse(`${today}T12:00:00+08:00`) - random.int(0, back) * DAY);
    return earliest && day < earliest ? earliest : day;
  }

  function sourceOf(n: number): ReferralSource {
    const year = 2023 + (n % 3);
    switch (random.int(0, 3)) {
      case 0: return { kind: 'wage_case', caseId: `wage-${n}` };
      case 1: return { kind: 'court', court: random.pick(COURTS), caseNumber: `（${year}）豫0105民初${n + 1}号`, referralType: 'entrusted', procedure: random.pick(['ordinary', 'summary'] as const) };
      default: return { kind: 'court', court: random.pick(COURTS), caseNumber: `（${year}）豫0105民诉前调${n + 1}号`, referralType: 'assigned' };
    }
  }

  /** One case from referral to its end, as a room would work it. */
  function historyOf(n: number): [string, NewEvent[]] {
    const roomId = random.pick([...ROOMS.keys()]);
    const kase: Simulated = { id: randomUUID(), roomId, state: decider.initialState, clock: FIRST_REFERRAL + Math.floor(random.next() * (LAST_REFERRAL - FIRST_REFERRAL)) };
    const applicants = Array.from({ length: random.int(1, 2) }, (_, i) => ({ partyId: `p${i}`, name: `申请人${i + 1}` }));
    const claims = applicants.map((a, i) => ({ claimId: `c${i}`, item: '工资', amount: random.int(10, 200) * 100_000, partyId: a.partyId }));
    const events = attempt(kase, (today) => ({
      type: 'ReferCase',
      data: { caseId: kase.id, source: sourceOf(n), cause: 'labour_remuneration', roomId, referredOn: datedBack(today, null, 10), applicants, respondent: { name: `某公司${n % 7}` }, claims, summary: '拖欠工资' },
    }), 0);
    const step = (command: (today: string, at: number) => MediationCommand, afterDays: number, role?: 'supervisor' | 'mediator') => events.push(...attempt(kase, command, afterDays, role));
    const beforeAcceptance = random.next();
    if (beforeAcceptance < 0.08) {
      step((today) => ({ type: 'DeclineCase', data: { reason: '不属于劳动争议', declinedOn: datedBack(today, kase.state.referredOn) } }), random.int(0, 5));
      return [kase.id, events];
    }
    if (beforeAcceptance < 0.14) {
      step((today) => ({ type: 'WithdrawCase', data: { withdrawnOn: today, reason: '申请人撤回', by: 'applicant' } }), random.int(0, 5));
      return [kase.id, events];
    }
    step((today) => ({ type: 'AcceptCase', data: { acceptedOn: datedBack(today, kase.state.referredOn) } }), random.int(0, 5));
    // Some facts come before a mediator is assigned (a withdrawal right after acceptance): counted for no mediator.
    if (random.chance(0.05)) {
      step((today) => ({ type: 'WithdrawCase', data: { withdrawnOn: today, reason: '双方自行和解', by: 'applicant' } }), random.int(0, 3));
      return [kase.id, events];
    }
    const mediators = ROOMS.get(roomId)!;
    step(() => ({ type: 'AssignMediator', data: { mediatorId: random.pick(mediators), mediatorName: '调解员' } }), 0);
    if (random.chance(0.2)) step(() => ({ type: 'AssignMediator', data: { mediatorId: random.pick(mediators), mediatorName: '调解员', reason: '回避' } }), random.int(1, 5));
    if (random.chance(0.2)) {
      step((today) => ({ type: 'ExtendDeadline', data: { days: random.int(5, 30), reason: '双方同意延长', consents: [{ party: 'applicant', name: '申请人', consentedOn: today }, { party: 'respondent', name: '被申请人', consentedOn: today }] } }), random.int(5, 20));
    }
    const outcome = random.next();
    if (outcome < 0.55) agreed(kase, step);
    else if (outcome < 0.85) {
      step((today) => ({ type: 'RecordFailure', data: { failedOn: datedBack(today, kase.state.acceptedOn), undisputedFacts: ['存在劳动关系'], disputedPoints: ['欠薪数额'], noSessionReason: '一方拒绝调解' } }), random.int(1, 45), 'mediator');
    } else {
      step((today) => ({ type: 'WithdrawCase', data: { withdrawnOn: datedBack(today, kase.state.acceptedOn), reason: '双方自行和解', by: random.pick(['applicant', 'court', 'room'] as const) } }), random.int(1, 30));
    }
    return [kase.id, events];
  }

  /** An agreement in one or two installments: paid, partly paid or defaulted; some taken to the court for confirmation. */
  function agreed(kase: Simulated, step: (command: (today: string, at: number) => MediationCommand, afterDays: number, role?: 'supervisor' | 'mediator') => void): void {
    const total = kase.state.claims.reduce((sum, c) => sum + c.amount, 0);
    const agreedTotal = Math.floor(total * random.between(0.5, 1));
    const two = random.chance(0.5);
    const partyId = kase.state.applicants[0]!.partyId;
    step((today) => {
      const agreedOn = datedBack(today, kase.state.acceptedOn);
      const due = (days: number) => dayOf(Date.parse(`${agreedOn}T12:00:00+08:00`) + days * DAY);
      const schedule = two
        ? [{ installmentId: 'i1', dueOn: due(15), amount: Math.floor(agreedTotal / 2), partyId }, { installmentId: 'i2', dueOn: due(45), amount: agreedTotal - Math.floor(agreedTotal / 2), partyId }]
        : [{ installmentId: 'i1', dueOn: due(20), amount: agreedTotal, partyId }];
      return { type: 'RecordAgreement', data: { agreedOn, effectiveOn: agreedOn, terms: '分期支付', items: [{ item: '工资', amount: agreedTotal, partyId }], schedule } };
    }, random.int(1, 45), 'mediator');
    if (!kase.state.agreement) return;
    if (random.chance(0.5)) {
      step((today) => ({ type: 'RequestJudicialConfirmation', data: { requestedOn: today, court: COURTS[0] } }), random.int(1, 20));
      const granted = random.chance(0.5);
      step((today) => ({ type: 'RecordJudicialConfirmation', data: granted ? { decidedOn: today, granted, rulingNumber: `民特${today}` } : { decidedOn: today, granted, reason: '协议内容违反法律规定' } }), random.int(3, 20));
    }
    for (const installmentId of two ? ['i1', 'i2'] : ['i1']) {
      const installment = () => kase.state.installments[installmentId];
      if (random.chance(0.7)) {
        const part = random.chance(0.3);
        step((today) => ({ type: 'RecordAgreedPayment', data: { paymentId: `pay-${installmentId}`, installmentId, paidOn: datedBack(today, kase.state.agreement?.agreedOn ?? null), amount: part ? Math.max(1, Math.floor(installment()!.amount / 3)) : installment()!.amount } }), random.int(5, 30));
      }
      if (random.chance(0.5)) step(() => ({ type: 'MarkInstallmentDefaulted', data: { installmentId, reason: '逾期未付' } }), random.int(20, 60));
    }
  }

  const ask = (q: Omit<MediationStatsQuery, 'asOf'>, asOf: Date, fromRows = false) => queryMediationStats(bed.dataSource, { ...q, asOf }, { fromRows });

  it('sums the roll-up to exactly what the fact rows count, for every period and room set, in every round and as of each round', async () => {
    console.log(`mediation roll-up: seed ${SEED} (repeat with FIGURES_SEED=${SEED})`);
    const asked = PERIODS.flatMap(([from, to]) => ROOM_SETS.map((roomIds) => ({ from, to, ...(roomIds ? { roomIds } : {}) })));
    const answered: { asOf: Date; answers: MediationStats[] }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (let n = 0; n < CASES_PER_ROUND; n++) {
        const [id, events] = historyOf(round * CASES_PER_ROUND + n);
        if (events.length > 0) await bed.store.appendToStream(`mediation-case-${id}`, events, 'any');
      }
      await bed.catchUp();
      const asOf = new Date();
      await new Promise((resolve) => setTimeout(resolve, 15));
      const answers: MediationStats[] = [];
      for (const q of asked) {
        const fromRollUp = await ask(q, asOf);
        expect({ round, q, answer: fromRollUp }).toEqual({ round, q, answer: await ask(q, asOf, true) });
        answers.push(fromRollUp);
      }
      answered.push({ asOf, answers });
    }

    const everything = answered.at(-1)!.answers[asked.findIndex((q) => q.from === '2023-03-15' && !q.roomIds)]!;
    expect(everything.averageDays).toEqual(expect.any(Number));
    const { referrals, declined, agreements, failures, withdrawals, amountPaid, amountDefaulted, onTime, confirmations: { granted, refused } } = everything;
    const shown = { referrals, declined, agreements, failures, withdrawals, amountPaid, amountDefaulted, onTime, granted, refused };
    expect(Object.entries(shown).filter(([, n]) => n === 0).map(([figure]) => figure)).toEqual([]);
    expect(everything.onTime).toBeLessThan(everything.concluded);
    expect(everything.byCourt.map((c) => c.court)).toEqual(expect.arrayContaining([...COURTS, UNION_REFERRAL]));
    expect(everything.byMediator.length).toBeGreaterThanOrEqual(5);
    expect(everything.byMonth.length).toBeGreaterThan(24);

    // As of an earlier round, the rows answer what the roll-up answered then.
    for (const { asOf, answers } of answered.slice(0, -1)) {
      for (const [i, q] of asked.entries()) expect({ q, asOf, answer: await ask(q, asOf) }).toEqual({ q, asOf, answer: answers[i] });
    }
  }, 120_000);

  it('answers from the roll-up when caught up, and from the rows when asked as of an earlier instant', async () => {
    const q = { from: '2023-01-01', to: '2025-12-31' };
    const [before] = await bed.dataSource.query(`SELECT min(recorded_at) AS first FROM mediation_facts`);
    const now = new Date();
    const honest = await ask(q, now);
    const earlier = await ask(q, new Date(new Date(before.first).getTime() + 1));
    // A year row made wrong on purpose: only an answer read from the roll-up can see it.
    const [row] = await bed.dataSource.query(`SELECT court, mediator_id FROM mediation_rollup WHERE grain = 'y' AND period_start = '2024-01-01' AND fact = 'referred' AND room_id = 'MR-2' LIMIT 1`);
    const skew = (by: number) => bed.dataSource.query(
      `UPDATE mediation_rollup SET n = n + $1 WHERE grain = 'y' AND period_start = '2024-01-01' AND fact = 'referred' AND room_id = 'MR-2' AND court = $2 AND mediator_id = $3`,
      [by, row.court, row.mediator_id],
    );
    await skew(1000);
    try {
      expect((await ask(q, now)).referrals).toBe(honest.referrals + 1000);
      expect((await ask(q, now, true)).referrals).toBe(honest.referrals);
      expect(await ask(q, new Date(new Date(before.first).getTime() + 1))).toEqual(earlier);
    } finally {
      await skew(-1000);
    }
    expect(await ask(q, now)).toEqual(honest);
  });

  it('answers from the rows while the live tables are of the old shape, without roll-ups (a rebuild under way)', async () => {
    const q = { from: '2023-01-01', to: '2025-12-31' };
    const now = new Date();
    const fromRows = await ask(q, now, true);
    await bed.dataSource.query(`UPDATE projection_schema_versions SET version = 1 WHERE name = 'mediation-figures'`);
    await bed.dataSource.query('ALTER TABLE mediation_rollup RENAME TO mediation_rollup_aside; ALTER TABLE mediation_monthly RENAME TO mediation_monthly_aside');
    try {
      expect(await ask(q, now)).toEqual(fromRows);
    } finally {
      await bed.dataSource.query('ALTER TABLE mediation_rollup_aside RENAME TO mediation_rollup; ALTER TABLE mediation_monthly_aside RENAME TO mediation_monthly');
      await bed.dataSource.query(`UPDATE projection_schema_versions SET version = 2 WHERE name = 'mediation-figures'`);
    }
    expect(await ask(q, now)).toEqual(fromRows);
  });
});
