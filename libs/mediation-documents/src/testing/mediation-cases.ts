import {
  createMediationDecider, DEFAULT_MEDIATION_LIMITS, type MediationCaseState, type MediationCommand, type Installment, type MediationEvent, type ReferCase,
} from '#mediation';

/**
 * Mediation cases for document tests, made the way production makes them: commands decided by the
 * real decider and folded with its `evolve`, each at noon Shanghai time on its day, by the room's
 * mediator 赵雅琴 (the supervisor accepts and assigns).
 */
const decider = createMediationDecider({ limits: DEFAULT_MEDIATION_LIMITS });
const mediator = { userId: 'u-zhao', role: 'mediator', orgUnitId: 'MR-410105' };
const supervisor = { userId: 'u-sup', role: 'supervisor', orgUnitId: '410105' };

type Step = readonly [day: string, command: MediationCommand, by?: 'supervisor'];

export interface DecidedCase {
  readonly state: MediationCaseState;
  readonly events: readonly MediationEvent[];
}

export function decideSteps(steps: readonly Step[]): DecidedCase {
  let state = decider.initialState;
  const events: MediationEvent[] = [];
  for (const [day, command, by] of steps) {
    for (const event of decider.decide(command, state, { now: new Date(`${day}T12:00:00+08:00`), actor: by ? supervisor : mediator })) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return { state, events };
}

export const COURT = '郑州市金水区人民法院';
export const ROOM = '金水区总工会 劳动争议诉调对接工作室';
export const CASE_NUMBER = '（2026）豫0105民诉前调1234号';
export const FULL_ID_NUMBER = '410105198001010017';

/** 委派 (诉前): two cooks against a restaurant company, 20,000.00 yuan claimed. */
export function courtReferral(overrides: Partial<ReferCase['data']> = {}): ReferCase {
  return {
    type: 'ReferCase',
    data: {
      caseId: 'm-1',
      source: { kind: 'court', court: COURT, caseNumber: CASE_NUMBER, referralType: 'assigned' },
      cause: 'labour_remuneration',
      roomId: 'MR-410105',
      referredOn: '2026-04-01',
      applicants: [
        { partyId: 'p-1', name: '王某', idNumber: FULL_ID_NUMBER, phone: '13800000000', address: '郑州市金水区某路 1 号' },
        { partyId: 'p-2', name: '李某' },
      ],
      respondent: { name: '郑州某餐饮管理有限公司', creditCode: '91410105MA40ABCD1X', representative: '赵某', address: '郑州市金水区花园路 8 号' },
      claims: [
        { claimId: 'c-1', item: '工资', amount: 1_200_000, partyId: 'p-1' },
        { claimId: 'c-2', item: '经济补偿金', amount: 300_000, partyId: 'p-1' },
        { claimId: 'c-3', item: '工资', amount: 500_000, partyId: 'p-2' },
      ],
      summary: '两名厨师于 2026 年 2 月离职，被申请人拖欠其 2025 年 12 月至 2026 年 2 月工资。',
      ...overrides,
    },
  };
}

/** Referred on 1 April, accepted on 2 April, mediator assigned. */
function assigned(referral: ReferCase): Step[] {
  return [
    ['2026-04-01', referral, 'supervisor'],
    ['2026-04-02', { type: 'AcceptCase', data: { acceptedOn: '2026-04-02' } }, 'supervisor'],
    ['2026-04-02', { type: 'AssignMediator', data: { mediatorId: 'u-zhao', mediatorName: '赵雅琴' } }, 'supervisor'],
  ];
}

/** …and one session held on 10 April. */
function mediated(referral: ReferCase): Step[] {
  return [
    ...assigned(referral),
    ['2026-04-03', { type: 'ScheduleSession', data: { sessionId: 's-1', startsAt: '2026-04-10T09:00:00+08:00', endsAt: '2026-04-10T11:00:00+08:00', mode: 'in_room', attendees: ['申请人王某', '被申请人代理人'] } }],
    ['2026-04-10', { type: 'RecordSessionHeld', data: { sessionId: 's-1', minutes: '双方确认欠薪数额', attendees: ['申请人王某', '被申请人代理人'] } }],
  ];
}

const TWO_INSTALLMENTS: readonly Installment[] = [
  { installmentId: 'i-1', dueOn: '2026-04-30', amount: 900_000, partyId: 'p-1' },
  { installmentId: 'i-2', dueOn: '2026-05-31', amount: 600_000 },
];

/**
 * Agreed on 20 April: 15,000.00 yuan (10,000.00 to 王某, 5,000.00 to 李某), by default in two
 * installments: 30 April to 王某 and 31 May to both.
 */
export function agreedCase({ terms = '双方就本案再无其他争议。\n申请人放弃其他请求。', referral = courtReferral(), schedule = TWO_INSTALLMENTS } = {}): DecidedCase {
  return decideSteps([
    ...mediated(referral),
    ['2026-04-20', {
      type: 'RecordAgreement',
      data: {
        agreedOn: '2026-04-20', effectiveOn: '2026-04-20', terms, schedule,
        items: [{ item: '工资', amount: 1_000_000, partyId: 'p-1' }, { item: '工资', amount: 500_000, partyId: 'p-2' }],
      },
    }],
  ]);
}

export const UNDISPUTED_FACTS = ['王某 2025 年 3 月至 12 月在被申请人处工作', '被申请人尚欠王某 2025 年 12 月工资'] as const;
export const DISPUTED_POINTS = ['是否存在加班', '经济补偿金的计算基数'] as const;

/** Failed on 28 April after one session. */
export function failedCase(referral = courtReferral(), findings: { undisputedFacts?: string[]; disputedPoints?: string[] } = {}): DecidedCase {
  return decideSteps([
    ...mediated(referral),
    ['2026-04-28', { type: 'RecordFailure', data: {
      failedOn: '2026-04-28', undisputedFacts: findings.undisputedFacts ?? [...UNDISPUTED_FACTS], disputedPoints: findings.disputedPoints ?? [...DISPUTED_POINTS], note: '被申请人同意先行支付无争议部分',
    } }],
  ]);
}

/** Failed on 8 April with no session held: the respondent refused to attend. */
export function failedWithoutSession(noSessionReason = '被申请人明确拒绝参加调解'): DecidedCase {
  return decideSteps([
    ...assigned(courtReferral()),
    ['2026-04-08', { type: 'RecordFailure', data: { failedOn: '2026-04-08', undisputedFacts: ['劳动关系存在'], disputedPoints: ['拖欠工资数额'], noSessionReason } }],
  ]);
}

/** Still in mediation: neither agreed nor failed. */
export function mediatingCase(): DecidedCase {
  return decideSteps(mediated(courtReferral()));
}
