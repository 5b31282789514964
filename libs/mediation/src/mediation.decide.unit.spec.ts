import { CaseworkError, ValidationError } from '#errors';
import type { MediationCommand, ReferCase } from './mediation.commands.js';
import { createMediationDecider } from './mediation.decide.js';
import type { MediationEvent } from './mediation.events.js';
import { DEFAULT_MEDIATION_LIMITS, deadlineStanding, findBookingConflicts, type Booking } from './mediation.rules.js';
import { daysLeft, type MediationCaseState } from './mediation.state.js';
import type { ReferralSource } from './mediation.values.js';

const mediator = { userId: 'u-zhao', role: 'mediator', orgUnitId: 'MR-410105' };
const otherMediator = { userId: 'u-qian', role: 'mediator', orgUnitId: 'MR-410105' };
const supervisor = { userId: 'u-sup', role: 'supervisor', orgUnitId: '410105' };
const caseworker = { userId: 'u-case', role: 'caseworker', orgUnitId: '410105' };
const ACTORS = { mediator, otherMediator, supervisor, caseworker };
type Who = keyof typeof ACTORS;

/** Sessions of other cases, as the bookings read model would answer. */
let otherBookings: Booking[] = [];
const decider = createMediationDecider({ limits: DEFAULT_MEDIATION_LIMITS, bookings: { conflictsFor: (proposed) => findBookingConflicts(otherBookings, proposed) } });
beforeEach(() => {
  otherBookings = [];
});

type Step = [day: string, command: MediationCommand, who?: Who];

/** Given a state, when these commands are decided (each at noon Shanghai time on its day, by the case's mediator unless named), then these events. */
function run(steps: readonly Step[], from: MediationCaseState = decider.initialState) {
  let state = from;
  const events: MediationEvent[] = [];
  for (const [day, command, who = 'mediator'] of steps) {
    for (const event of decider.decide(command, state, { now: new Date(`${day}T12:00:00+08:00`), actor: ACTORS[who] })) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return { state, events };
}

function refusal(steps: readonly Step[], from?: MediationCaseState): CaseworkError {
  try {
    run(steps, from);
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function fieldsOf(error: CaseworkError): string[] {
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).violations.map((v) => v.field);
}

const COURT = '郑州市金水区人民法院';
const CASE_NUMBER = '(2026)豫0105民诉前调1234号';

/** 委派 (诉前): two workers against a restaurant company, 20,000.00 yuan claimed. */
function referral(court: Partial<Extract<ReferralSource, { kind: 'court' }>> = {}, union?: ReferralSource): ReferCase {
  return {
    type: 'ReferCase',
    data: {
      caseId: 'm-1',
      source: union ?? { kind: 'court', court: COURT, caseNumber: CASE_NUMBER, referralType: 'assigned', ...court },
      roomId: 'MR-410105',
      referredOn: '2026-04-01',
      applicants: [
        { partyId: 'p-1', name: '王某', idNumber: '410105198001010017', phone: '13800000000', address: '郑州市金水区某路 1 号' },
        { partyId: 'p-2', name: '李某' },
      ],
      respondent: { name: '郑州某餐饮管理有限公司', creditCode: '91410105MA40ABCD1X', representative: '赵某', phone: '0371-12345678' },
      claims: [
        { claimId: 'c-1', item: '工资', amount: 1_200_000, partyId: 'p-1' },
        { claimId: 'c-2', item: '经济补偿金', amount: 300_000, partyId: 'p-1' },
        { claimId: 'c-3', item: '工资', amount: 500_000, partyId: 'p-2' },
      ],
      summary: '两名厨师离职后被拖欠三个月工资',
    },
  };
}

const accept = (acceptedOn = '2026-04-02'): Step => [acceptedOn, { type: 'AcceptCase', data: { acceptedOn } }, 'supervisor'];
const assign: Step = ['2026-04-02', { type: 'AssignMediator', data: { mediatorId: 'u-zhao', mediatorName: '赵雅琴' } }, 'supervisor'];
const schedule = (sessionId: string, startsAt: string, endsAt: string): Step =>
  ['2026-04-03', { type: 'ScheduleSession', data: { sessionId, startsAt, endsAt, mode: 'in_room', attendees: ['申请人王某', '申请人李某', '被申请人代理人'] } }];

/** Referred on 1 April, accepted on 2 April (deadline 2 May), mediator 赵雅琴 assigned. */
function inMediation(referred: ReferCase = referral()): MediationCaseState {
  return run([['2026-04-01', referred, 'supervisor'], accept(), assign]).state;
}

const agreement = (overrides: Partial<Extract<MediationCommand, { type: 'RecordAgreement' }>['data']> = {}): MediationCommand => ({
  type: 'RecordAgreement',
  data: {
    agreedOn: '2026-04-20', effectiveOn: '2026-04-20', terms: '被申请人分两期支付工资共计 15,000 元，双方再无其他争议',
    items: [{ item: '工资', amount: 1_000_000, partyId: 'p-1' }, { item: '工资', amount: 500_000, partyId: 'p-2' }],
    schedule: [{ installmentId: 'i-1', dueOn: '2026-04-30', amount: 900_000 }, { installmentId: 'i-2', dueOn: '2026-05-31', amount: 600_000 }],
    ...overrides,
  },
});

function agreed(): MediationCaseState {
  return run([['2026-04-20', agreement()]], inMediation()).state;
}

const pay = (paymentId: string, installmentId: string, paidOn: string, amount: number, source?: 'mediation' | 'wage_case'): Step =>
  [paidOn, { type: 'RecordAgreedPayment', data: { paymentId, installmentId, paidOn, amount, ...(source ? { source } : {}) } }];

describe('court–union mediation case decisions', () => {
  it('takes a court referral through a session and an agreement to judicial confirmation and full payment', () => {
    const referred = run([['2026-04-01', referral(), 'mediator']]);
    expect(referred.events[0]).toMatchObject({ type: 'CaseReferred', data: { caseId: 'm-1', source: { kind: 'court', court: COURT, caseNumber: CASE_NUMBER, referralType: 'assigned' }, claimedTotal: 2_000_000, referredAt: '2026-04-01T04:00:00.000Z' } });
    const mediating = run([
      accept(),
      assign,
      schedule('s-1', '2026-04-10T09:00:00+08:00', '2026-04-10T11:00:00+08:00'),
      ['2026-04-10', { type: 'RecordSessionHeld', data: { sessionId: 's-1', minutes: '双方确认欠薪数额，被申请人同意分期支付', attendees: ['申请人王某', '被申请人代理人'] } }],
      schedule('s-2', '2026-04-24T09:00:00+08:00', '2026-04-24T10:00:00+08:00'),
    ], referred.state).state;
    expect(mediating).toMatchObject({ status: 'in_mediation', deadline: '2026-05-02', mediator: { mediatorId: 'u-zhao' } });

    const reached = run([['2026-04-20', agreement()]], mediating);
    expect(reached.events.map((e) => e.type)).toEqual(['SessionCancelled', 'AgreementReached']);
    expect(reached.events[1]).toMatchObject({
      data: {
        reference: { caseId: 'm-1', roomId: 'MR-410105', source: { court: COURT, caseNumber: CASE_NUMBER }, respondentName: '郑州某餐饮管理有限公司' },
        mediatorName: '赵雅琴', agreedTotal: 1_500_000, claimedTotal: 2_000_000, confirmationWindowEndsOn: '2026-05-20',
      },
    });
    expect(reached.state.sessions['s-2']?.status).toBe('cancelled');

    const confirmed = run([
      ['2026-04-25', { type: 'RequestJudicialConfirmation', data: { requestedOn: '2026-04-25' } }],
      ['2026-05-08', { type: 'RecordJudicialConfirmation', data: { decidedOn: '2026-05-08', granted: true, rulingNumber: '(2026)豫0105民特123号' } }],
      pay('pay-1', 'i-1', '2026-04-30', 900_000),
    ], reached.state);
    expect(confirmed.events.map((e) => e.type)).toEqual(['JudicialConfirmationRequested', 'JudicialConfirmationGranted', 'AgreedPaymentRecorded']);
    expect(confirmed.events[0]).toMatchObject({ data: { court: COURT, windowEndsOn: '2026-05-20' } });
    expect(confirmed.state).toMatchObject({ status: 'agreed', confirmation: { status: 'granted', rulingNumber: '(2026)豫0105民特123号' } });

    const fulfilled = run([pay('pay-2', 'i-2', '2026-05-30', 600_000, 'wage_case')], confirmed.state);
    expect(fulfilled.events).toEqual([
      { type: 'AgreedPaymentRecorded', data: { paymentId: 'pay-2', installmentId: 'i-2', paidOn: '2026-05-30', amount: 600_000, source: 'wage_case', installmentRemaining: 0, agreementRemaining: 0 } },
      { type: 'AgreementFulfilled', data: { fulfilledOn: '2026-05-30', agreedTotal: 1_500_000, paidTotal: 1_500_000 } },
    ]);
    expect(fulfilled.state).toMatchObject({ status: 'fulfilled', agreement: { fulfilledOn: '2026-05-30' } });
  });

  it('records a failure as the feedback letter to the court, by the assigned mediator only', () => {
    const state = run([
      schedule('s-1', '2026-04-10T09:00:00+08:00', '2026-04-10T11:00:00+08:00'),
      ['2026-04-10', { type: 'RecordSessionHeld', data: { sessionId: 's-1', minutes: '被申请人不认可加班事实', attendees: ['申请人王某', '被申请人代理人'] } }],
    ], inMediation()).state;
    const failure: MediationCommand = {
      type: 'RecordFailure',
      data: { failedOn: '2026-04-28', undisputedFacts: ['王某 2025 年 3 月至 12 月在被申请人处工作'], disputedPoints: ['是否存在加班', '经济补偿金的计算基数'], note: '被申请人同意先行支付无争议部分' },
    };
    expect(refusal([['2026-04-28', failure, 'otherMediator']], state).code).toBe('not_case_mediator');
    expect(refusal([['2026-04-28', failure, 'caseworker']], state).kind).toBe('forbidden');
    const failed = run([['2026-04-28', failure]], state);
    expect(failed.events).toEqual([{
      type: 'MediationFailed',
      data: {
        reference: { caseId: 'm-1', roomId: 'MR-410105', source: { kind: 'court', court: COURT, caseNumber: CASE_NUMBER, referralType: 'assigned' }, respondentName: '郑州某餐饮管理有限公司' },
        mediatorId: 'u-zhao', mediatorName: '赵雅琴', failedOn: '2026-04-28', undisputedFacts: failure.data.undisputedFacts, disputedPoints: failure.data.disputedPoints,
        note: '被申请人同意先行支付无争议部分', claims: state.claims, claimedTotal: 2_000_000, sessionsHeld: 1,
      },
    }]);
    expect(failed.state).toMatchObject({ status: 'failed', ended: { how: 'failed', on: '2026-04-28' } });
    expect(deadlineStanding(failed.state, '2026-05-10', DEFAULT_MEDIATION_LIMITS)).toBe('none');
    const empty = refusal([['2026-04-28', { type: 'RecordFailure', data: { failedOn: '2026-04-28', undisputedFacts: [], disputedPoints: [''] } }, 'supervisor']], state);
    expect(fieldsOf(empty)).toEqual(['undisputedFacts', 'disputedPoints.0']);
  });

  it('lets a case be withdrawn before an outcome, ending it', () => {
    const withdrawn = run([['2026-04-05', { type: 'WithdrawCase', data: { withdrawnOn: '2026-04-05', reason: '申请人已与单位自行和解', by: 'applicant' } }]], inMediation());
    expect(withdrawn.events).toEqual([{ type: 'CaseWithdrawn', data: { reference: expect.objectContaining({ caseId: 'm-1' }), withdrawnOn: '2026-04-05', reason: '申请人已与单位自行和解', by: 'applicant' } }]);
    expect(withdrawn.state.status).toBe('withdrawn');
    const again = refusal([schedule('s-1', '2026-04-10T09:00:00+08:00', '2026-04-10T11:00:00+08:00')], withdrawn.state);
    expect(again.code).toBe('not_in_mediation');
    expect(again.message).toContain('当前状态：已撤回');
  });

  it('declines a referral back to the court, by a mediator or supervisor only', () => {
    const referred = run([['2026-04-01', referral()]]).state;
    const decline: Step = ['2026-04-03', { type: 'DeclineCase', data: { reason: '不属于劳动争议', declinedOn: '2026-04-03' } }];
    expect(refusal([[decline[0], decline[1], 'caseworker']], referred).kind).toBe('forbidden');
    const declined = run([decline], referred);
    expect(declined.events).toEqual([{ type: 'CaseDeclined', data: { reference: { caseId: 'm-1', roomId: 'MR-410105', source: expect.objectContaining({ caseNumber: CASE_NUMBER }), respondentName: '郑州某餐饮管理有限公司' }, reason: '不属于劳动争议', declinedOn: '2026-04-03' } }]);
    const late = refusal([accept('2026-04-04')], declined.state);
    expect([late.code, late.message]).toEqual(['not_awaiting_acceptance', '只有待受理的案件可以受理（当前状态：不予受理）']);
  });

  it('names every wrong field of a referral: case number, procedure of a 委托, applicants, claims', () => {
    const bad = referral({ caseNumber: '', referralType: 'entrusted' });
    const error = refusal([['2026-04-01', { type: 'ReferCase', data: {
      ...bad.data,
      applicants: [{ partyId: 'p-1', name: '王某', idNumber: '410105198001010018' }, { partyId: 'p-1', name: '' }],
      claims: [{ claimId: 'c-1', item: '工资', amount: 0, partyId: 'p-9' }],
    } }]]);
    expect(fieldsOf(error)).toEqual([
      'source.caseNumber', 'source.procedure', 'applicants.0.idNumber', 'applicants.1.name', 'applicants.1.partyId', 'claims.0.amount', 'claims.0.partyId',
    ]);
    expect((error as ValidationError).violations[0]).toEqual({ field: 'source.caseNumber', rule: 'required', message: '案号不能为空' });
    expect(fieldsOf(refusal([['2026-04-01', referral({ caseNumber: '金水 1234' })]]))).toEqual(['source.caseNumber']);
    expect(fieldsOf(refusal([['2026-04-01', { type: 'ReferCase', data: { ...referral().data, applicants: [], claims: [] } }]]))).toEqual(['applicants', 'claims']);
  });

  it('takes the same referral twice as once, and refuses a different one for the same case', () => {
    const referred = run([['2026-04-01', referral()]]).state;
    expect(run([['2026-04-01', referral()]], referred).events).toEqual([]);
    expect(refusal([['2026-04-01', referral({ caseNumber: '(2026)豫0105民诉前调9999号' })]], referred).code).toBe('mediation_case_exists');
  });

  it('requires a payment schedule that adds up to the agreed amounts and falls due after the agreement', () => {
    const short = refusal([['2026-04-20', agreement({ schedule: [{ installmentId: 'i-1', dueOn: '2026-04-30', amount: 900_000 }] })]], inMediation()) as ValidationError;
    expect(short.violations).toEqual([{ field: 'schedule', rule: 'sum', message: '履行安排合计 9,000.00 元，与协议金额合计 15,000.00 元不符' }]);
    const early = refusal([['2026-04-20', agreement({ schedule: [{ installmentId: 'i-1', dueOn: '2026-04-19', amount: 1_500_000 }] })]], inMediation());
    expect(fieldsOf(early)).toEqual(['schedule.0.dueOn']);
    expect(refusal([['2026-04-20', agreement(), 'otherMediator']], inMediation()).code).toBe('not_case_mediator');
  });

  it('accepts an application for judicial confirmation only within 30 days of the agreement taking effect', () => {
    expect(refusal([['2026-05-21', { type: 'RequestJudicialConfirmation', data: { requestedOn: '2026-05-21' } }]], agreed()).code).toBe('confirmation_window_passed');
    const asked = run([['2026-05-20', { type: 'RequestJudicialConfirmation', data: { requestedOn: '2026-05-20', court: '郑州市中级人民法院' } }]], agreed());
    expect(asked.state.confirmation).toMatchObject({ status: 'requested', court: '郑州市中级人民法院' });
    expect(refusal([['2026-05-21', { type: 'RequestJudicialConfirmation', data: { requestedOn: '2026-05-21' } }]], asked.state).code).toBe('confirmation_pending');
    const refused = refusal([['2026-05-25', { type: 'RecordJudicialConfirmation', data: { decidedOn: '2026-05-25', granted: false } }]], asked.state);
    expect(fieldsOf(refused)).toEqual(['reason']);
  });

  it('extends a 委派 case only with both sides\' consent, moving the deadline; a 委托 case cannot be extended', () => {
    const state = inMediation();
    const extend = (consents: { party: 'applicant' | 'respondent'; name: string; consentedOn: string }[]): Step =>
      ['2026-04-28', { type: 'ExtendDeadline', data: { days: 10, reason: '双方希望继续协商', consents } }];
    const oneSide = refusal([extend([{ party: 'applicant', name: '王某', consentedOn: '2026-04-28' }])], state) as ValidationError;
    expect(oneSide.violations).toEqual([{ field: 'consents', rule: 'both_parties', message: '延长调解期限须记录申请人和被申请人双方的同意' }]);
    const extended = run([extend([{ party: 'applicant', name: '王某', consentedOn: '2026-04-28' }, { party: 'respondent', name: '赵某', consentedOn: '2026-04-28' }])], state);
    expect(extended.events[0]).toMatchObject({ type: 'DeadlineExtended', data: { days: 10, previousDeadline: '2026-05-02', deadline: '2026-05-12' } });
    expect(daysLeft(extended.state, '2026-05-02')).toBe(10);

    const entrusted = inMediation(referral({ caseNumber: '(2026)豫0105民初567号', referralType: 'entrusted', procedure: 'ordinary' }));
    expect(entrusted.deadline).toBe('2026-04-17');
    expect(refusal([extend([{ party: 'applicant', name: '王某', consentedOn: '2026-04-10' }, { party: 'respondent', name: '赵某', consentedOn: '2026-04-10' }])], entrusted).code).toBe('extension_not_allowed');
  });

  it('runs 30 days for 委派 and union referrals, 15 for 委托 under ordinary procedure and 7 under summary, from acceptance', () => {
    const acceptedOn = (r: ReferCase) => run([['2026-04-01', r], accept('2026-04-02')]).events[1];
    expect(acceptedOn(referral())).toEqual({ type: 'CaseAccepted', data: { acceptedOn: '2026-04-02', basis: 'assigned', periodDays: 30, deadline: '2026-05-02' } });
    expect(acceptedOn(referral({ referralType: 'entrusted', procedure: 'ordinary' })).data).toMatchObject({ basis: 'entrusted_ordinary', periodDays: 15, deadline: '2026-04-17' });
    expect(acceptedOn(referral({ referralType: 'entrusted', procedure: 'summary' })).data).toMatchObject({ basis: 'entrusted_summary', periodDays: 7, deadline: '2026-04-09' });
    expect(acceptedOn(referral({}, { kind: 'wage_case', caseId: 'w-1' })).data).toMatchObject({ basis: 'union', periodDays: 30, deadline: '2026-05-02' });
    expect(refusal([['2026-04-01', referral()], ['2026-04-02', { type: 'AcceptCase', data: { acceptedOn: '2026-04-02' } }, 'caseworker']]).kind).toBe('forbidden');
  });

  it('refuses a session that double-books the room or the mediator, and lets a session move within its own time', () => {
    const state = inMediation();
    otherBookings = [{ caseId: 'm-7', sessionId: 's-1', roomId: 'MR-410105', mediatorId: 'u-sun', startsAt: '2026-04-10T01:00:00.000Z', endsAt: '2026-04-10T03:00:00.000Z' }];
    const room = refusal([schedule('s-1', '2026-04-10T10:00:00+08:00', '2026-04-10T12:00:00+08:00')], state);
    expect([room.code, room.message]).toEqual(['room_double_booked', '调解室 2026-04-10 09:00–11:00 已有调解安排（案件 m-7），请另选时间']);
    expect(run([schedule('s-1', '2026-04-10T11:00:00+08:00', '2026-04-10T12:00:00+08:00')], state).events).toHaveLength(1);

    otherBookings = [{ caseId: 'm-8', sessionId: 's-3', roomId: 'MR-410103', mediatorId: 'u-zhao', startsAt: '2026-04-10T06:00:00.000Z', endsAt: '2026-04-10T08:00:00.000Z' }];
    const busy = refusal([schedule('s-1', '2026-04-10T15:00:00+08:00', '2026-04-10T17:00:00+08:00')], state);
    expect([busy.code, busy.message]).toEqual(['mediator_double_booked', '调解员赵雅琴 2026-04-10 14:00–16:00 已有调解安排（案件 m-8），请另选时间']);

    otherBookings = [];
    const booked = run([schedule('s-1', '2026-04-10T09:00:00+08:00', '2026-04-10T11:00:00+08:00')], state).state;
    expect(refusal([schedule('s-2', '2026-04-10T10:30:00+08:00', '2026-04-10T11:30:00+08:00')], booked).code).toBe('room_double_booked');
    const moved = run([['2026-04-08', { type: 'RescheduleSession', data: { sessionId: 's-1', startsAt: '2026-04-10T10:00:00+08:00', endsAt: '2026-04-10T12:00:00+08:00', reason: '被申请人代理人上午开庭' } }]], booked);
    expect(moved.events).toEqual([{ type: 'SessionRescheduled', data: { sessionId: 's-1', previousStartsAt: '2026-04-10T01:00:00.000Z', previousEndsAt: '2026-04-10T03:00:00.000Z', startsAt: '2026-04-10T02:00:00.000Z', endsAt: '2026-04-10T04:00:00.000Z', reason: '被申请人代理人上午开庭' } }]);
  });

  it('checks a session\'s times and needs a mediator, and takes its minutes only once it has begun', () => {
    const noMediator = run([['2026-04-01', referral()], accept()]).state;
    expect(refusal([schedule('s-1', '2026-04-10T09:00:00+08:00', '2026-04-10T11:00:00+08:00')], noMediator).code).toBe('mediator_required');
    const state = inMediation();
    expect(fieldsOf(refusal([schedule('s-1', '2026-04-10T11:00:00+08:00', '2026-04-10T09:00:00+08:00')], state))).toEqual(['endsAt']);
    expect((refusal([schedule('s-1', '2026-04-10T20:00:00+08:00', '2026-04-11T01:00:00+08:00')], state) as ValidationError).violations[0]?.rule).toBe('same_day');
    expect((refusal([schedule('s-1', '2026-04-10T08:00:00+08:00', '2026-04-10T17:00:00+08:00')], state) as ValidationError).violations[0]?.rule).toBe('max_duration');
    expect(fieldsOf(refusal([schedule('s-1', '2026-04-10 09:00', '2026-04-10T11:00:00+08:00')], state))).toEqual(['startsAt']);
    const booked = run([schedule('s-1', '2026-04-10T09:00:00+08:00', '2026-04-10T11:00:00+08:00')], state).state;
    expect(refusal([['2026-04-09', { type: 'RecordSessionHeld', data: { sessionId: 's-1', minutes: '笔录', attendees: ['王某'] } }]], booked).code).toBe('session_not_started');
  });

  it('records a payment once by its id, refuses more than an installment still owes, and a default only after the due day', () => {
    const paid = run([pay('pay-1', 'i-1', '2026-04-28', 400_000)], agreed());
    expect(run([pay('pay-1', 'i-1', '2026-04-28', 400_000, 'wage_case')], paid.state).events).toEqual([]);
    expect(refusal([pay('pay-1', 'i-1', '2026-04-29', 100_000)], paid.state).code).toBe('payment_id_conflict');
    const over = refusal([pay('pay-2', 'i-1', '2026-04-29', 500_001)], paid.state) as ValidationError;
    expect(over.violations).toEqual([{ field: 'amount', rule: 'exceeds_remaining', message: '支付金额不能超过该期尚未支付的 5,000.00 元' }]);

    const defaultOn = (day: string): Step => [day, { type: 'MarkInstallmentDefaulted', data: { installmentId: 'i-1', reason: '逾期未付' } }];
    expect(refusal([defaultOn('2026-04-30')], paid.state).code).toBe('installment_not_due');
    const defaulted = run([defaultOn('2026-05-01')], paid.state);
    expect(defaulted.events).toEqual([{ type: 'InstallmentDefaulted', data: { installmentId: 'i-1', dueOn: '2026-04-30', unpaid: 500_000, reason: '逾期未付', defaultedOn: '2026-05-01' } }]);
    const settled = run([pay('pay-3', 'i-1', '2026-05-03', 500_000)], defaulted.state).state;
    expect(settled.installments['i-1']).toMatchObject({ paid: 900_000, defaulted: true });
    expect(refusal([[`2026-06-01`, { type: 'MarkInstallmentDefaulted', data: { installmentId: 'i-1', reason: '逾期' } }]], run([pay('pay-4', 'i-1', '2026-04-29', 900_000)], agreed()).state).code).toBe('installment_paid');
  });

  it('reassigns a mediator only with a reason, and only a supervisor or mediator may', () => {
    const state = inMediation();
    const reassign = (reason?: string): Step => ['2026-04-05', { type: 'AssignMediator', data: { mediatorId: 'u-qian', mediatorName: '钱某', ...(reason ? { reason } : {}) } }, 'supervisor'];
    expect(fieldsOf(refusal([reassign()], state))).toEqual(['reason']);
    expect(refusal([[reassign('回避')[0], reassign('回避')[1], 'caseworker']], state).kind).toBe('forbidden');
    const reassigned = run([reassign('申请回避')], state);
    expect(reassigned.events).toEqual([{ type: 'MediatorReassigned', data: { mediatorId: 'u-qian', mediatorName: '钱某', previousMediatorId: 'u-zhao', previousMediatorName: '赵雅琴', reason: '申请回避' } }]);
    expect(run([['2026-04-20', agreement(), 'otherMediator']], reassigned.state).state.status).toBe('agreed');
  });

  describe('the dates of what happened (DOMAIN.md: nothing in the future, nothing before the case existed)', () => {
    const rulesOf = (error: CaseworkError) => (error as ValidationError).violations.map((v) => `${v.field}:${v.rule}`);

    it('takes a court referral dated days before it reaches the room, but none dated after today', () => {
      expect(run([['2026-04-06', referral(), 'supervisor']]).state.referredOn).toBe('2026-04-01');
      expect(rulesOf(refusal([['2026-03-31', referral(), 'supervisor']]))).toEqual(['referredOn:future_date']);
    });

    it('refuses an acceptance, a decline or a withdrawal dated after today or before the referral', () => {
      const referred = run([['2026-04-01', referral(), 'supervisor']]).state;
      expect(rulesOf(refusal([['2026-04-02', { type: 'AcceptCase', data: { acceptedOn: '2026-04-03' } }, 'supervisor']], referred))).toEqual(['acceptedOn:future_date']);
      expect(rulesOf(refusal([['2026-04-02', { type: 'DeclineCase', data: { reason: '不属于劳动争议', declinedOn: '2026-04-03' } }, 'supervisor']], referred))).toEqual(['declinedOn:future_date']);
      expect(rulesOf(refusal([['2026-04-02', { type: 'WithdrawCase', data: { withdrawnOn: '2026-03-31', reason: '和解', by: 'applicant' } }]], referred))).toEqual(['withdrawnOn:date_order']);
      expect(rulesOf(refusal([['2026-04-05', { type: 'WithdrawCase', data: { withdrawnOn: '2026-04-01', reason: '和解', by: 'applicant' } }]], inMediation()))).toEqual(['withdrawnOn:date_order']);
    });

    it('refuses an agreement, a consent or a failure dated after today, but lets the agreement take effect and fall due later', () => {
      expect(rulesOf(refusal([['2026-04-19', agreement()]], inMediation()))).toEqual(['agreedOn:future_date']);
      const ahead = run([['2026-04-20', agreement({ effectiveOn: '2026-04-25', schedule: [{ installmentId: 'i-1', dueOn: '2026-12-31', amount: 1_500_000 }] })]], inMediation());
      expect(ahead.state.agreement).toMatchObject({ agreedOn: '2026-04-20', effectiveOn: '2026-04-25' });
      const consents = [{ party: 'applicant' as const, name: '王某', consentedOn: '2026-04-28' }, { party: 'respondent' as const, name: '赵某', consentedOn: '2026-04-29' }];
      expect(rulesOf(refusal([['2026-04-28', { type: 'ExtendDeadline', data: { days: 10, reason: '继续协商', consents } }]], inMediation()))).toEqual(['consents.1.consentedOn:future_date']);
      expect(rulesOf(refusal([['2026-04-28', { type: 'RecordFailure', data: { failedOn: '2026-04-29', undisputedFacts: ['劳动关系存在'], disputedPoints: ['加班费'], noSessionReason: '被申请人拒绝调解' } }]], inMediation()))).toEqual(['failedOn:future_date']);
    });

    it('refuses a payment under the agreement dated after today, and a court ruling dated after today', () => {
      expect(rulesOf(refusal([['2026-04-29', { type: 'RecordAgreedPayment', data: { paymentId: 'p-1', installmentId: 'i-1', paidOn: '2026-04-30', amount: 900_000 } }]], agreed()))).toEqual(['paidOn:future_date']);
      const asked = run([['2026-04-25', { type: 'RequestJudicialConfirmation', data: { requestedOn: '2026-04-25' } }]], agreed()).state;
      expect(rulesOf(refusal([['2026-05-07', { type: 'RecordJudicialConfirmation', data: { decidedOn: '2026-05-08', granted: true, rulingNumber: '(2026)豫0105民特123号' } }]], asked))).toEqual(['decidedOn:future_date']);
    });
  });
});
