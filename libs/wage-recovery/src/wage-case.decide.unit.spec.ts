import { createChineseDaysCalendar } from '#calendar';
import { CaseworkError, ValidationError } from '#errors';
import { caseTotals, ledgerOf } from './ledger.js';
import { limitationDate, limitationStanding, DEFAULT_WAGE_TIME_LIMITS } from './time-limits.js';
import { wageCaseAllowedActions } from './wage-case.allowed-actions.js';
import type { WageCaseCommand } from './wage-case.commands.js';
import { createWageCaseDecider } from './wage-case.decide.js';
import type { WageCaseEvent } from './wage-case.events.js';
import type { WageCaseState } from './wage-case.state.js';

const decider = createWageCaseDecider({ calendar: createChineseDaysCalendar(), limits: DEFAULT_WAGE_TIME_LIMITS });
const caseworker = { userId: 'u-case', role: 'caseworker', orgUnitId: '410105' };
const supervisor = { userId: 'u-sup', role: 'supervisor', orgUnitId: '410105' };

/** Cases are opened on 2026-03-02 (Shanghai); what is done to a case already open is done on 2026-10-15, so the facts dated in between lie in the past. */
const OPENING = '2026-03-02T02:00:00Z';
const LATER = '2026-10-15T02:00:00Z';

/** Runs commands in order (each as the caseworker unless marked), returning the state and every event. */
function run(commands: readonly (WageCaseCommand | [WageCaseCommand, 'supervisor'])[], from: WageCaseState = decider.initialState, at?: string) {
  let state = from;
  const events: WageCaseEvent[] = [];
  let now = Date.parse(at ?? (from === decider.initialState ? OPENING : LATER));
  for (const entry of commands) {
    const [command, actor] = Array.isArray(entry) ? [entry[0], supervisor] : [entry, caseworker];
    for (const event of decider.decide(command, state, { now: new Date((now += 60_000)), actor })) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return { state, events };
}

function refusal(commands: Parameters<typeof run>[0], from: WageCaseState, at?: string): CaseworkError {
  try {
    run(commands, from, at);
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

const claimant = (id: string, claimed: number, extra: object = {}) => ({ claimantId: id, name: `工人${id}`, workedFrom: '2025-03-01', workedUntil: '2025-12-31', claimed, ...extra });

/** A project case with three workers verified at 10,000.00, 6,000.00 and 4,000.00 yuan. */
function verifiedCase(): WageCaseState {
  return run([
    { type: 'OpenWageCase', data: { caseId: 'w1', source: { kind: 'walk_in' }, respondent: { kind: 'project', name: '金水区某安置房项目', district: '410105', chain: [{ role: 'main_contractor', name: '某建工集团' }, { role: 'team_leader', name: '张某' }] }, summary: '木工班组 3 人被欠工资', unitId: '410105' } },
    { type: 'AddClaimants', data: { claimants: [claimant('a', 1_200_000), claimant('b', 600_000), claimant('c', 400_000)] } },
    { type: 'StartVerification', data: {} },
    { type: 'VerifyClaims', data: { claims: [{ claimantId: 'a', verified: 1_000_000, basis: '考勤卡' }, { claimantId: 'b', verified: 600_000, basis: '欠条' }, { claimantId: 'c', verified: 400_000, basis: '工资条' }] } },
    { type: 'CompleteVerification', data: {} },
  ]).state;
}

describe('wage case decisions', () => {
  it('reports every bad row of a claimant list by row and field, and adds none of them', () => {
    const opened = run([{ type: 'OpenWageCase', data: { caseId: 'w1', source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某餐饮公司', district: '410105' }, summary: '欠薪', unitId: '410105' } }]).state;
    const error = refusal([{ type: 'AddClaimants', data: { claimants: [
      claimant('a', 100_000, { idNumber: '410105199001011234' }),
      claimant('b', 12.5),
      claimant('c', 50_000, { workedFrom: '2025-13-01', phone: '12345' }),
    ] } }], opened) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations.map((v) => `${v.field}:${v.rule}`)).toEqual([
      'claimants.0.idNumber:id_number',
      'claimants.1.claimed:fen',
      'claimants.2.workedFrom:date',
      'claimants.2.phone:phone',
    ]);
    expect(error.message).not.toContain('410105199001011234');
  });

  it('repays the fund first out of a recovery for an advanced worker, and reverses exactly what it recorded', () => {
    const advanced = run([
      { type: 'RequestEmergencyAdvance', data: { advanceId: 'adv1', allocations: [{ claimantId: 'a', amount: 300_000 }], reason: '春节前生活困难' } },
      [{ type: 'DecideEmergencyAdvance', data: { advanceId: 'adv1', approve: true, reason: '同意垫付' } }, 'supervisor'],
    ], verifiedCase()).state;
    const paid = run([{ type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 500_000, paidOn: '2026-03-10', payer: '某建工集团', allocations: [{ claimantId: 'a', amount: 500_000 }] } }], advanced);
    const a = ledgerOf(paid.state).find((line) => line.claimantId === 'a')!;
    expect(a).toMatchObject({ verified: 1_000_000, recovered: 500_000, advanced: 300_000, reimbursed: 300_000, owedToFund: 0, outstanding: 500_000 });

    const reversed = run([{ type: 'ReverseRecoveryPayment', data: { paymentId: 'p1', reason: '银行退票' } }], paid.state).state;
    expect(ledgerOf(reversed).find((line) => line.claimantId === 'a')).toMatchObject({ recovered: 0, reimbursed: 0, advanced: 300_000, owedToFund: 300_000, outstanding: 700_000 });
  });

  it('refuses a correction of the verified amount below what already reached the worker or the fund', () => {
    const state = run([
      { type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 200_000, paidOn: '2026-03-10', payer: '某建工集团', allocations: [{ claimantId: 'b', amount: 200_000 }] } },
      { type: 'RequestEmergencyAdvance', data: { advanceId: 'adv1', allocations: [{ claimantId: 'b', amount: 100_000 }], reason: '就医' } },
      [{ type: 'DecideEmergencyAdvance', data: { advanceId: 'adv1', approve: true, reason: '同意' } }, 'supervisor'],
    ], verifiedCase()).state;
    const error = refusal([{ type: 'VerifyClaims', data: { claims: [{ claimantId: 'b', verified: 250_000, basis: '复核' }], reason: '复核后调减' } }], state) as ValidationError;
    expect(error.violations).toEqual([expect.objectContaining({ field: 'claims.0.verified', rule: 'below_paid' })]);
    expect(run([{ type: 'VerifyClaims', data: { claims: [{ claimantId: 'b', verified: 300_000, basis: '复核' }], reason: '复核后调减' } }], state).state.claimants.b.verified).toBe(300_000);
  });

  it('will not record a payment whose allocations do not add up, nor one that overpays a worker', () => {
    const state = verifiedCase();
    const mismatch = refusal([{ type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 100_000, paidOn: '2026-03-10', payer: '总包', allocations: [{ claimantId: 'a', amount: 60_000 }, { claimantId: 'b', amount: 39_999 }] } }], state) as ValidationError;
    expect(mismatch.violations.map((v) => `${v.field}:${v.rule}`)).toEqual(['allocations:sum']);
    const over = refusal([{ type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 400_001, paidOn: '2026-03-10', payer: '总包', allocations: [{ claimantId: 'c', amount: 400_001 }] } }], state) as ValidationError;
    expect(over.violations.map((v) => `${v.field}:${v.rule}`)).toEqual(['allocations.0.amount:exceeds_owed']);
  });

  it('lets only a supervisor approve an advance, and checks the amount again at approval', () => {
    const requested = run([{ type: 'RequestEmergencyAdvance', data: { advanceId: 'adv1', allocations: [{ claimantId: 'c', amount: 300_000 }], reason: '困难' } }], verifiedCase()).state;
    expect(refusal([{ type: 'DecideEmergencyAdvance', data: { advanceId: 'adv1', approve: true, reason: '同意' } }], requested).kind).toBe('forbidden');
    const paidMeanwhile = run([{ type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 200_000, paidOn: '2026-03-10', payer: '总包', allocations: [{ claimantId: 'c', amount: 200_000 }] } }], requested).state;
    expect(refusal([[{ type: 'DecideEmergencyAdvance', data: { advanceId: 'adv1', approve: true, reason: '同意' } }, 'supervisor']], paidMeanwhile).code).toBe('advance_exceeds_owed');
  });

  it('closes as fully recovered only when every worker has the verified amount, and unrecoverable only with a supervisor', () => {
    const state = verifiedCase();
    expect(refusal([{ type: 'CloseWageCase', data: { outcome: 'fully_recovered', reason: '结案' } }], state).code).toBe('not_fully_recovered');
    const all = run([
      { type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 2_000_000, paidOn: '2026-03-10', payer: '总包', allocations: [{ claimantId: 'a', amount: 1_000_000 }, { claimantId: 'b', amount: 600_000 }, { claimantId: 'c', amount: 400_000 }] } },
      { type: 'CloseWageCase', data: { outcome: 'fully_recovered', reason: '全部到位' } },
    ], state);
    expect(all.events.at(-1)).toMatchObject({ type: 'WageCaseClosed', data: { outcome: 'fully_recovered', totals: { claimed: 2_200_000, verified: 2_000_000, recovered: 2_000_000 } } });

    const asked = run([{ type: 'RequestUnrecoverableClosure', data: { requestId: 'r1', reason: '企业已注销，无可执行财产' } }], state).state;
    expect(refusal([{ type: 'DecideUnrecoverableClosure', data: { requestId: 'r1', approve: true, reason: '同意' } }], asked).kind).toBe('forbidden');
    const closed = run([[{ type: 'DecideUnrecoverableClosure', data: { requestId: 'r1', approve: true, reason: '同意' } }, 'supervisor']], asked).state;
    expect(closed.closure?.outcome).toBe('unrecoverable');
    const reopened = run([{ type: 'ReopenWageCase', data: { reason: '发现新的财产线索' } }], closed).state;
    expect(reopened.status).toBe('verified');
    expect(caseTotals(reopened).verified).toBe(2_000_000);
  });

  it('lets no supervisor decide their own request (four eyes): another supervisor must', () => {
    const advance = { type: 'RequestEmergencyAdvance', data: { advanceId: 'adv1', allocations: [{ claimantId: 'c', amount: 300_000 }], reason: '春节前生活困难' } } as const;
    const ownAdvance = run([[advance, 'supervisor']], verifiedCase()).state;
    const decideAdvance = { type: 'DecideEmergencyAdvance', data: { advanceId: 'adv1', approve: true, reason: '同意' } } as const;
    for (const approve of [true, false]) {
      const error = refusal([[{ ...decideAdvance, data: { ...decideAdvance.data, approve } }, 'supervisor']], ownAdvance);
      expect([error.kind, error.code, error.message]).toEqual(['forbidden', 'own_request', expect.stringMatching(/不能审批自己提出的/)]);
    }
    const other = { userId: 'u-sup-2', role: 'supervisor', orgUnitId: '410105' };
    expect(decider.decide(decideAdvance, ownAdvance, { now: new Date(LATER), actor: other })[0].type).toBe('EmergencyAdvanceApproved');
    expect(wageCaseAllowedActions(decider, ownAdvance, { now: new Date(LATER), actor: supervisor })).not.toContain('decide-advance');
    expect(wageCaseAllowedActions(decider, ownAdvance, { now: new Date(LATER), actor: other })).toContain('decide-advance');

    const ownClosure = run([[{ type: 'RequestUnrecoverableClosure', data: { requestId: 'r1', reason: '企业已注销' } }, 'supervisor']], verifiedCase()).state;
    expect(refusal([[{ type: 'DecideUnrecoverableClosure', data: { requestId: 'r1', approve: true, reason: '同意' } }, 'supervisor']], ownClosure).code).toBe('own_request');
    expect(decider.decide({ type: 'DecideUnrecoverableClosure', data: { requestId: 'r1', approve: true, reason: '同意' } }, ownClosure, { now: new Date(LATER), actor: other })[0].type).toBe('WageCaseClosed');
  });

  it('tracks a labour-inspection referral in working days over the National Day holiday', () => {
    const state = run([
      { type: 'ReferCase', data: { referralId: 'ref1', target: 'labour_inspection', referredOn: '2026-09-29' } },
    ], verifiedCase());
    // Five working days from 09-29: 09-30, then after the 10-01…10-07 holiday 10-08, 10-09, the make-up
    // working Saturday 10-10 (调休), and — Sunday 10-11 off — Monday 10-12.
    expect(state.events[0]).toMatchObject({ type: 'CaseReferred', data: { acceptDueOn: '2026-10-12' } });
    const arbitration = run([{ type: 'ReferCase', data: { referralId: 'ref2', target: 'arbitration', referredOn: '2026-09-29' } }], verifiedCase());
    expect(arbitration.events[0]).toMatchObject({ data: { acceptDueOn: '2026-10-04' } });
  });

  it('gives each claimant the arbitration limitation date and warns 30 days before it', () => {
    expect(limitationDate('2025-06-30', DEFAULT_WAGE_TIME_LIMITS)).toBe('2026-06-30');
    expect(limitationDate('2024-02-29', DEFAULT_WAGE_TIME_LIMITS)).toBe('2025-02-28');
    expect(limitationStanding('2025-06-30', '2026-05-30', DEFAULT_WAGE_TIME_LIMITS)).toBe('ok');
    expect(limitationStanding('2025-06-30', '2026-05-31', DEFAULT_WAGE_TIME_LIMITS)).toBe('warning');
    expect(limitationStanding('2025-06-30', '2026-07-01', DEFAULT_WAGE_TIME_LIMITS)).toBe('expired');
  });

  describe('the dates of what happened (DOMAIN.md: nothing in the future, nothing before the case existed)', () => {
    const pay = (paidOn: string): WageCaseCommand => ({ type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 100_000, paidOn, payer: '总包', allocations: [{ claimantId: 'a', amount: 100_000 }] } });
    const violationsOf = (error: CaseworkError) => (error as ValidationError).violations.map((v) => `${v.field}:${v.rule}`);

    it('refuses a payment dated after today, which would count in a period still to come', () => {
      expect(violationsOf(refusal([pay('2026-10-16')], verifiedCase()))).toEqual(['paidOn:future_date']);
      expect(run([pay('2026-10-15')], verifiedCase()).events.map((e) => e.type)).toEqual(['RecoveryPaymentRecorded']);
    });

    it('refuses a payment dated before the day the case was opened, which would give a negative time to first recovery', () => {
      const error = refusal([pay('2026-03-01')], verifiedCase());
      expect(violationsOf(error)).toEqual(['paidOn:date_order']);
      expect(error.message).toContain('2026-03-02');
      expect(run([pay('2026-03-02')], verifiedCase()).events).toHaveLength(1);
    });

    it('orders a referral after the opening, its acceptance after the referral and its conclusion after the acceptance, none after today', () => {
      const refer = (referredOn: string): WageCaseCommand => ({ type: 'ReferCase', data: { referralId: 'r1', target: 'arbitration', referredOn } });
      expect(violationsOf(refusal([refer('2026-02-27')], verifiedCase()))).toEqual(['referredOn:date_order']);
      expect(violationsOf(refusal([refer('2026-10-16')], verifiedCase()))).toEqual(['referredOn:future_date']);
      const referred = run([refer('2026-04-01')], verifiedCase()).state;
      const accept = (acceptedOn: string): WageCaseCommand => ({ type: 'RecordReferralAccepted', data: { referralId: 'r1', acceptedOn } });
      expect(violationsOf(refusal([accept('2026-03-31')], referred))).toEqual(['acceptedOn:date_order']);
      expect(violationsOf(refusal([accept('2026-10-16')], referred))).toEqual(['acceptedOn:future_date']);
      const accepted = run([accept('2026-04-03')], referred).state;
      const conclude = (concludedOn: string): WageCaseCommand => ({ type: 'RecordReferralOutcome', data: { referralId: 'r1', concludedOn, outcome: '裁决支付' } });
      expect(violationsOf(refusal([conclude('2026-04-02')], accepted))).toEqual(['concludedOn:date_order']);
      expect(violationsOf(refusal([conclude('2026-10-16')], accepted))).toEqual(['concludedOn:future_date']);
      expect(run([conclude('2026-05-20')], accepted).events.map((e) => e.type)).toEqual(['ReferralConcluded']);
    });

    it('takes a work period that began years before the case, but not one that ends or begins after today', () => {
      const opened = run([{ type: 'OpenWageCase', data: { caseId: 'w1', source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某餐饮公司', district: '410105' }, summary: '欠薪', unitId: '410105' } }]).state;
      expect(run([{ type: 'AddClaimants', data: { claimants: [claimant('a', 100_000, { workedFrom: '2019-03-01', workedUntil: '2026-03-02' })] } }], opened, OPENING).events).toHaveLength(1);
      const ahead = refusal([{ type: 'AddClaimants', data: { claimants: [claimant('a', 100_000, { workedUntil: '2026-03-03' }), claimant('b', 100_000, { workedFrom: '2026-04-01', workedUntil: undefined })] } }], opened, OPENING);
      expect(violationsOf(ahead)).toEqual(['claimants.0.workedUntil:future_date', 'claimants.1.workedFrom:future_date']);
      expect(violationsOf(refusal([{ type: 'AmendClaim', data: { claimantId: 'a', workedUntil: '2026-10-16', reason: '更正离职日期' } }], verifiedCase()))).toEqual(['workedUntil:future_date']);
    });

    it('still offers adding workers, recording a payment and referring on a case opened months ago (the probes carry the case\'s own day)', () => {
      const actions = wageCaseAllowedActions(decider, verifiedCase(), { now: new Date(LATER), actor: caseworker });
      expect(actions).toEqual(expect.arrayContaining(['add-claimants', 'record-payment', 'refer']));
    });

    it('lets the dates that plan ahead lie in the future: a promised payment, an installment due', () => {
      const promised = run([{ type: 'RecordNegotiation', data: { summary: '承诺年底前支付', promisedBy: '2026-12-31' } }], verifiedCase());
      expect(promised.events.map((e) => e.type)).toEqual(['NegotiationRecorded']);
      const referred = run([{ type: 'ReferCase', data: { referralId: 'r1', target: 'mediation', referredOn: '2026-10-01', mediation: { roomId: 'MR-410105', mediationCaseId: 'm1' } } }], verifiedCase()).state;
      const agree = (agreedOn: string): WageCaseCommand => ({ type: 'RecordMediationAgreement', data: { mediationCaseId: 'm1', agreedOn, installments: [{ installmentId: 'i1', claimantId: 'a', dueOn: '2027-01-15', amount: 100_000 }] } });
      expect(run([agree('2026-10-10')], referred).events.map((e) => e.type)).toEqual(['MediationAgreementRecorded']);
      expect(violationsOf(refusal([agree('2026-09-30')], referred))).toEqual(['agreedOn:date_order']);
      expect(violationsOf(refusal([agree('2026-10-16')], referred))).toEqual(['agreedOn:future_date']);
    });
  });

  describe('a referral to a mediation room of this system', () => {
    const referred = () => run([{ type: 'ReferCase', data: { referralId: 'r1', target: 'mediation', referredOn: '2026-03-02', mediation: { roomId: 'MR-410105', mediationCaseId: 'm1' } } }], verifiedCase()).state;

    it('names the room only for a mediation referral, and refuses a second one to a room while the first is open', () => {
      const error = refusal([{ type: 'ReferCase', data: { referralId: 'r2', target: 'arbitration', referredOn: '2026-03-02', mediation: { roomId: 'MR-410105', mediationCaseId: 'm2' } } }], verifiedCase()) as ValidationError;
      expect(error.violations.map((v) => v.field)).toEqual(['mediation']);
      expect(refusal([{ type: 'ReferCase', data: { referralId: 'r2', target: 'mediation', referredOn: '2026-03-03', mediation: { roomId: 'MR-410105', mediationCaseId: 'm2' } } }], referred()).code).toBe('mediation_pending');
    });

    it('takes the agreement as expected payments once, verifying a worker not yet verified at the agreed amount', () => {
      const opened = run([
        { type: 'OpenWageCase', data: { caseId: 'w2', source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某餐饮公司', district: '410105' }, summary: '欠薪', unitId: '410105' } },
        { type: 'AddClaimants', data: { claimants: [claimant('a', 300_000)] } },
        { type: 'ReferCase', data: { referralId: 'r1', target: 'mediation', referredOn: '2026-03-02', mediation: { roomId: 'MR-410105', mediationCaseId: 'm1' } } },
      ]).state;
      const agreement: WageCaseCommand = { type: 'RecordMediationAgreement', data: { mediationCaseId: 'm1', agreedOn: '2026-03-05', installments: [{ installmentId: 'i1', claimantId: 'a', dueOn: '2026-03-10', amount: 250_000 }] } };
      const once = run([agreement, agreement], opened);
      expect(once.events.map((e) => e.type)).toEqual(['MediationAgreementRecorded']);
      expect(once.state.claimants.a.verified).toBe(250_000);
      expect(once.state.expectedPayments.i1).toMatchObject({ amount: 250_000, paid: 0, mediationCaseId: 'm1' });
      const unknown = refusal([{ type: 'RecordMediationAgreement', data: { mediationCaseId: 'm1', agreedOn: '2026-03-05', installments: [{ installmentId: 'i9', claimantId: 'zz', dueOn: '2026-03-10', amount: 1 }] } }], opened) as ValidationError;
      expect(unknown.violations.map((v) => v.field)).toEqual(['installments.0.claimantId']);
      // Paid under the agreement: to its worker, no more than is left of the installment; the same payment flowing in again adds nothing.
      const paying = (amount: number, claimantId = 'a', source: 'wage_case' | 'mediation' = 'mediation'): WageCaseCommand => ({ type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount, paidOn: '2026-03-10', payer: '某餐饮公司', allocations: [{ claimantId, amount }], installmentId: 'i1', source } });
      expect((refusal([paying(260_000)], once.state) as ValidationError).violations.map((v) => v.rule)).toContain('exceeds_installment');
      const paid = run([paying(250_000), paying(250_000)], once.state);
      expect(paid.events).toHaveLength(1);
      expect(paid.state.expectedPayments.i1.paid).toBe(250_000);
      expect(paid.state.claimants.a.recovered).toBe(250_000);
    });
  });
});
