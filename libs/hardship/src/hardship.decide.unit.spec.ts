import { createChineseDaysCalendar } from '#calendar';
import { CaseworkError, ValidationError } from '#errors';
import type { HardshipCommand } from './hardship.commands.js';
import { createHardshipDecider } from './hardship.decide.js';
import type { HardshipEvent } from './hardship.events.js';
import { DEFAULT_HARDSHIP_LIMITS, incomeAboveLineLongEnough, noticeEndsOn } from './hardship.rules.js';
import type { HardshipFileState } from './hardship.state.js';

/** 郑州 2026: 1,000 yuan per head and month (an example line; administrators keep the real ones). */
const lines = { lineFor: (district: string, year: number) => (district.startsWith('4101') && year >= 2025 ? 100_000 : undefined) };
const calendar = createChineseDaysCalendar();
const decider = createHardshipDecider({ calendar, limits: DEFAULT_HARDSHIP_LIMITS, lines });
const cadre = { userId: 'u-cadre', role: 'caseworker', orgUnitId: '410105' };
const supervisor = { userId: 'u-sup', role: 'supervisor', orgUnitId: '410105' };

/** Runs commands at the given Shanghai days (noon), each by the cadre unless marked. */
function run(steps: ReadonlyArray<[string, HardshipCommand] | [string, HardshipCommand, 'supervisor']>, from: HardshipFileState = decider.initialState) {
  let state = from;
  const events: HardshipEvent[] = [];
  for (const [day, command, who] of steps) {
    for (const event of decider.decide(command, state, { now: new Date(`${day}T12:00:00+08:00`), actor: who === 'supervisor' ? supervisor : cadre })) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return { state, events };
}

function refusal(steps: Parameters<typeof run>[0], from: HardshipFileState): CaseworkError {
  try {
    run(steps, from);
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const apply: HardshipCommand = {
  type: 'ReceiveApplication',
  data: {
    fileId: 'f-1', source: { kind: 'application' },
    head: { name: '陈某', idNumber: '410105198001010017', employer: '郑州某纺织厂', unionMember: true },
    members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }, { name: '陈子', relation: '子', age: 15, schooling: '初中' }],
    district: '410105', unitId: '410105001', causes: ['illness', 'schooling'], monthlyHouseholdIncome: 240_000,
  },
};

/** A family verified, its notice over without objection, registered as 深度困难 on 2026-03-16. */
function registered(): HardshipFileState {
  return run([
    ['2026-03-02', apply],
    ['2026-03-04', { type: 'RecordHomeVisit', data: { visitedOn: '2026-03-04', consentToIncomeCheck: true, findings: '妻子透析，儿子上学', monthlyHouseholdIncome: 240_000 } }],
    ['2026-03-05', { type: 'StartPublicNotice', data: { startedOn: '2026-03-05' } }],
    ['2026-03-13', { type: 'RequestRegistration', data: { requestId: 'r-1', level: 'deep', causes: ['illness', 'schooling'] } }],
    ['2026-03-16', { type: 'DecideRegistration', data: { requestId: 'r-1', approve: true, reason: '符合深度困难条件' } }, 'supervisor'],
  ]).state;
}

describe('hardship-family file decisions', () => {
  it('records a home visit only with the family\'s consent, and works out income per head against the line', () => {
    const applied = run([['2026-03-02', apply]]).state;
    const error = refusal([['2026-03-04', { type: 'RecordHomeVisit', data: { visitedOn: '2026-03-04', consentToIncomeCheck: false, findings: '入户', monthlyHouseholdIncome: 240_000 } }]], applied) as ValidationError;
    expect(error.violations).toEqual([expect.objectContaining({ field: 'consentToIncomeCheck', rule: 'consent_required' })]);
    const visited = run([['2026-03-04', { type: 'RecordHomeVisit', data: { visitedOn: '2026-03-04', consentToIncomeCheck: true, findings: '入户', monthlyHouseholdIncome: 240_000 } }]], applied).state;
    expect({ householdSize: visited.householdSize, incomePerHead: visited.incomePerHead, line: visited.line }).toEqual({ householdSize: 3, incomePerHead: 80_000, line: 100_000 });
  });

  it('keeps the public notice five working days (the Qingming holiday not counted) and registers only after it, with a supervisor', () => {
    expect(noticeEndsOn(calendar, '2026-04-01', 5)).toBe('2026-04-09');
    const inNotice = run([
      ['2026-03-02', apply],
      ['2026-03-04', { type: 'RecordHomeVisit', data: { visitedOn: '2026-03-04', consentToIncomeCheck: true, findings: '入户', monthlyHouseholdIncome: 240_000 } }],
      ['2026-03-05', { type: 'StartPublicNotice', data: { startedOn: '2026-03-05' } }],
    ]).state;
    expect(inNotice.notice).toEqual({ startedOn: '2026-03-05', endsOn: '2026-03-12' });
    expect(refusal([['2026-03-12', { type: 'RequestRegistration', data: { requestId: 'r-1', level: 'deep', causes: ['illness'] } }]], inNotice).code).toBe('notice_not_over');
    const asked = run([['2026-03-13', { type: 'RequestRegistration', data: { requestId: 'r-1', level: 'deep', causes: ['illness'] } }]], inNotice).state;
    expect(refusal([['2026-03-16', { type: 'DecideRegistration', data: { requestId: 'r-1', approve: true, reason: '同意' } }]], asked).kind).toBe('forbidden');
    const state = registered();
    expect(state).toMatchObject({ status: 'active', level: 'deep', registeredOn: '2026-03-16', nextReviewDue: '2027-03-16' });
  });

  it('will not register a family against an objection that was upheld, nor while one is open', () => {
    const inNotice = run([
      ['2026-03-02', apply],
      ['2026-03-04', { type: 'RecordHomeVisit', data: { visitedOn: '2026-03-04', consentToIncomeCheck: true, findings: '入户', monthlyHouseholdIncome: 240_000 } }],
      ['2026-03-05', { type: 'StartPublicNotice', data: { startedOn: '2026-03-05' } }],
      ['2026-03-06', { type: 'RecordObjection', data: { objectionId: 'o-1', summary: '邻居反映家中有经营收入', receivedOn: '2026-03-06' } }],
    ]).state;
    expect(refusal([['2026-03-13', { type: 'RequestRegistration', data: { requestId: 'r-1', level: 'deep', causes: ['illness'] } }]], inNotice).code).toBe('objection_open');
    const upheld = run([['2026-03-09', { type: 'ResolveObjection', data: { objectionId: 'o-1', upheld: true, resolution: '经核实有稳定经营收入', resolvedOn: '2026-03-09' } }]], inNotice).state;
    expect(refusal([['2026-03-13', { type: 'RequestRegistration', data: { requestId: 'r-1', level: 'deep', causes: ['illness'] } }]], upheld).code).toBe('objection_upheld');
  });

  it('lifts a family out only after six consecutive months above the line and a supervisor\'s approval, then follows it up and reopens it on a relapse', () => {
    const incomes = (months: string[]) => months.map((month): [string, HardshipCommand] => [`${month}-28`, { type: 'RecordMonthlyIncome', data: { month, monthlyHouseholdIncome: 330_000 } }]);
    const withGap = run(incomes(['2026-04', '2026-05', '2026-06', '2026-08', '2026-09', '2026-10']), registered()).state;
    expect(refusal([['2026-11-02', { type: 'RequestLiftOut', data: { requestId: 'l-1', basis: 'income_above_line', evidence: '工资流水' } }]], withGap).code).toBe('income_not_above_line');

    const six = run(incomes(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']), registered()).state;
    expect(incomeAboveLineLongEnough(six.monthlyIncomes, '2026-11-02', DEFAULT_HARDSHIP_LIMITS)).toBe(true);
    const lifted = run([
      ['2026-11-02', { type: 'RequestLiftOut', data: { requestId: 'l-1', basis: 'income_above_line', evidence: '工资流水' } }],
      ['2026-11-05', { type: 'DecideLiftOut', data: { requestId: 'l-1', approve: true, reason: '连续六个月高于低保标准' } }, 'supervisor'],
    ], six).state;
    expect(lifted).toMatchObject({ status: 'lifted', liftedOn: '2026-11-05', followUp: { checkInsDue: ['2027-02-05', '2027-05-05', '2027-08-05', '2027-11-05'], until: '2027-11-05' } });
    expect(refusal([['2026-11-06', { type: 'DeliverAid', data: { deliveryId: 'd-1', type: 'living', deliveredOn: '2026-11-06', amount: 50_000, fundingSource: '市总工会帮扶资金' } }]], lifted).code).toBe('file_not_active');

    const relapsed = run([
      ['2027-02-05', { type: 'RecordFollowUpCheckIn', data: { checkedOn: '2027-02-05', stable: false, note: '户主失业' } }],
      ['2027-02-20', { type: 'RecordRelapse', data: { relapsedOn: '2027-02-20', reason: '户主失业，收入低于低保标准', level: 'relative' } }],
    ], lifted).state;
    expect(relapsed).toMatchObject({ status: 'active', level: 'relative', relapses: 1, ended: null, nextReviewDue: '2028-02-20' });
  });

  it('records aid in cash or in kind with its source, fulfils micro-wishes as aid, and reverses a delivery with a reason', () => {
    const state = run([
      ['2026-09-01', { type: 'DeliverAid', data: { deliveryId: 'd-1', type: 'school', deliveredOn: '2026-09-01', amount: 200_000, fundingSource: '金秋助学专项' } }],
      ['2026-12-30', { type: 'DeliverAid', data: { deliveryId: 'd-2', type: 'festival', deliveredOn: '2026-12-30', amount: 0, inKind: '米面油一套', fundingSource: '送温暖资金' } }],
      ['2026-06-01', { type: 'RaiseMicroWish', data: { wishId: 'w-1', description: '一台学习用的台灯', raisedOn: '2026-06-01' } }],
      ['2026-06-10', { type: 'FulfilMicroWish', data: { wishId: 'w-1', fulfilledOn: '2026-06-10', amount: 15_000, fundingSource: '爱心企业捐赠' } }],
      ['2026-09-03', { type: 'ReverseAidDelivery', data: { deliveryId: 'd-1', reason: '重复录入' } }],
    ], registered()).state;
    expect(Object.entries(state.deliveries).map(([id, d]) => [id, d.type, d.amount, d.reversed])).toEqual([
      ['d-1', 'school', 200_000, true], ['d-2', 'festival', 0, false], ['wish-w-1', 'micro_wish', 15_000, false],
    ]);
    const inKindWithoutWhat = refusal([['2026-12-31', { type: 'DeliverAid', data: { deliveryId: 'd-3', type: 'festival', deliveredOn: '2026-12-31', amount: 0, fundingSource: '送温暖资金' } }]], state) as ValidationError;
    expect(inKindWithoutWhat.violations.map((v) => v.field)).toEqual(['inKind']);
  });

  it('cancels a duplicate only naming the file it duplicates, and ends the file', () => {
    const error = refusal([['2026-04-01', { type: 'CancelFile', data: { cancelledOn: '2026-04-01', reason: 'duplicate', note: '与另一档案重复' } }]], registered()) as ValidationError;
    expect(error.violations.map((v) => v.field)).toEqual(['duplicateOf']);
    const cancelled = run([['2026-04-01', { type: 'CancelFile', data: { cancelledOn: '2026-04-01', reason: 'duplicate', note: '与另一档案重复', duplicateOf: 'f-0' } }]], registered()).state;
    expect(cancelled).toMatchObject({ status: 'cancelled', ended: { how: 'cancelled', on: '2026-04-01', reason: 'duplicate' }, nextReviewDue: null });
  });

  it('moves a file to another unit on the Shanghai day it is recorded, and refuses a move to the same unit or of an ended file', () => {
    const moved = run([['2026-04-01', { type: 'TransferFile', data: { toUnitId: '410103', toDistrict: '410103', reason: '全家搬到二七区' } }]], registered());
    expect(moved.events).toEqual([{ type: 'FileTransferred', data: { fromUnitId: '410105001', toUnitId: '410103', fromDistrict: '410105', toDistrict: '410103', transferredOn: '2026-04-01', reason: '全家搬到二七区' } }]);
    expect(moved.state).toMatchObject({ unitId: '410103', district: '410103', status: 'active' });
    // 07:30 in Shanghai on 2 April is still 1 April in UTC: the day recorded is Shanghai's.
    const early = decider.decide({ type: 'TransferFile', data: { toUnitId: '410102', toDistrict: '410102', reason: '调整' } }, moved.state, { now: new Date('2026-04-01T23:30:00Z'), actor: cadre });
    expect(early[0]).toMatchObject({ data: { transferredOn: '2026-04-02' } });
    expect(refusal([['2026-04-02', { type: 'TransferFile', data: { toUnitId: '410103', toDistrict: '410103', reason: '重复' } }]], moved.state).code).toBe('same_unit');
    const bad = refusal([['2026-04-02', { type: 'TransferFile', data: { toUnitId: '', toDistrict: '4101', reason: '' } }]], moved.state) as ValidationError;
    expect(bad.violations.map((v) => v.field)).toEqual(['toUnitId', 'toDistrict', 'reason']);
    const relieved = run([['2026-05-01', { type: 'RecordRelief', data: { relievedOn: '2026-05-01', reason: '长期病残' } }]], moved.state).state;
    expect(refusal([['2026-05-02', { type: 'TransferFile', data: { toUnitId: '410102', toDistrict: '410102', reason: '调整' } }]], relieved).code).toBe('file_ended');
  });

  describe('the dates of what happened (DOMAIN.md: nothing in the future, nothing before the file existed)', () => {
    const violationsOf = (error: CaseworkError) => (error as ValidationError).violations.map((v) => `${v.field}:${v.rule}`);
    const aid = (deliveredOn: string): HardshipCommand => ({ type: 'DeliverAid', data: { deliveryId: 'd-1', type: 'living', deliveredOn, amount: 50_000, fundingSource: '市总工会帮扶资金' } });
    const relief = (relievedOn: string): HardshipCommand => ({ type: 'RecordRelief', data: { relievedOn, reason: '长期病残' } });

    it('refuses a relief or aid dated before the registration (2026-03-16), which would count the family before it had a file', () => {
      const error = refusal([['2026-05-01', relief('2026-03-15')]], registered());
      expect(violationsOf(error)).toEqual(['relievedOn:date_order']);
      expect(error.message).toContain('2026-03-16');
      expect(violationsOf(refusal([['2026-05-01', aid('2026-03-10')]], registered()))).toEqual(['deliveredOn:date_order']);
      expect(run([['2026-05-01', aid('2026-03-16')], ['2026-05-01', relief('2026-04-30')]], registered()).state.status).toBe('relieved');
    });

    it('refuses aid, a relief, a review, a wish or a month of income dated after today', () => {
      const state = registered();
      expect(violationsOf(refusal([['2026-05-01', aid('2026-05-02')]], state))).toEqual(['deliveredOn:future_date']);
      expect(violationsOf(refusal([['2026-05-01', relief('2026-05-02')]], state))).toEqual(['relievedOn:future_date']);
      expect(violationsOf(refusal([['2026-05-01', { type: 'RecordYearlyReview', data: { reviewedOn: '2026-05-02', level: 'deep', findings: '复核' } }]], state))).toEqual(['reviewedOn:future_date']);
      expect(violationsOf(refusal([['2026-05-01', { type: 'RaiseMicroWish', data: { wishId: 'w-1', description: '台灯', raisedOn: '2026-05-02' } }]], state))).toEqual(['raisedOn:future_date']);
      expect(violationsOf(refusal([['2026-05-31', { type: 'RecordMonthlyIncome', data: { month: '2026-06', monthlyHouseholdIncome: 330_000 } }]], state))).toEqual(['month:future_date']);
    });

    it('orders the steps before registration: the visit after the application, the notice after the visit, an objection inside the notice and its answer after it', () => {
      const applied = run([['2026-03-02', apply]]).state;
      const visit = (visitedOn: string): HardshipCommand => ({ type: 'RecordHomeVisit', data: { visitedOn, consentToIncomeCheck: true, findings: '入户', monthlyHouseholdIncome: 240_000 } });
      expect(violationsOf(refusal([['2026-03-04', visit('2026-03-01')]], applied))).toEqual(['visitedOn:date_order']);
      expect(violationsOf(refusal([['2026-03-04', visit('2026-03-05')]], applied))).toEqual(['visitedOn:future_date']);
      const visited = run([['2026-03-04', visit('2026-03-04')]], applied).state;
      expect(violationsOf(refusal([['2026-03-05', { type: 'StartPublicNotice', data: { startedOn: '2026-03-03' } }]], visited))).toEqual(['startedOn:date_order']);
      expect(violationsOf(refusal([['2026-03-05', { type: 'StartPublicNotice', data: { startedOn: '2026-03-06' } }]], visited))).toEqual(['startedOn:future_date']);
      const inNotice = run([['2026-03-05', { type: 'StartPublicNotice', data: { startedOn: '2026-03-05' } }]], visited).state;
      expect(violationsOf(refusal([['2026-03-06', { type: 'RecordObjection', data: { objectionId: 'o-1', summary: '异议', receivedOn: '2026-03-04' } }]], inNotice))).toEqual(['receivedOn:date_order']);
      const objected = run([['2026-03-07', { type: 'RecordObjection', data: { objectionId: 'o-1', summary: '异议', receivedOn: '2026-03-07' } }]], inNotice).state;
      expect(violationsOf(refusal([['2026-03-09', { type: 'ResolveObjection', data: { objectionId: 'o-1', upheld: false, resolution: '不成立', resolvedOn: '2026-03-06' } }]], objected))).toEqual(['resolvedOn:date_order']);
      expect(violationsOf(refusal([['2026-03-09', { type: 'CancelFile', data: { cancelledOn: '2026-03-01', reason: 'moved_away', note: '迁出' } }]], objected))).toEqual(['cancelledOn:date_order']);
    });

    it('orders follow-up check-ins and a relapse after the lift-out, and a wish fulfilled after it was raised', () => {
      const lifted = run([
        ['2026-06-01', { type: 'RequestLiftOut', data: { requestId: 'l-1', basis: 'stable_work', evidence: '劳动合同' } }],
        ['2026-06-05', { type: 'DecideLiftOut', data: { requestId: 'l-1', approve: true, reason: '稳定就业' } }, 'supervisor'],
      ], registered()).state;
      expect(violationsOf(refusal([['2026-09-05', { type: 'RecordFollowUpCheckIn', data: { checkedOn: '2026-06-04', stable: true, note: '稳定' } }]], lifted))).toEqual(['checkedOn:date_order']);
      expect(violationsOf(refusal([['2026-09-05', { type: 'RecordFollowUpCheckIn', data: { checkedOn: '2026-09-06', stable: true, note: '稳定' } }]], lifted))).toEqual(['checkedOn:future_date']);
      expect(violationsOf(refusal([['2026-09-05', { type: 'RecordRelapse', data: { relapsedOn: '2026-06-01', reason: '失业', level: 'relative' } }]], lifted))).toEqual(['relapsedOn:date_order']);
      const relapsed = run([['2026-09-05', { type: 'RecordRelapse', data: { relapsedOn: '2026-09-01', reason: '失业', level: 'relative' } }]], lifted).state;
      // Active again from the relapse: aid dated while the family was lifted out is not aid of this file's active spell.
      expect(violationsOf(refusal([['2026-09-06', aid('2026-08-01')]], relapsed))).toEqual(['deliveredOn:date_order']);
      const wished = run([['2026-09-06', { type: 'RaiseMicroWish', data: { wishId: 'w-1', description: '台灯', raisedOn: '2026-09-06' } }]], relapsed).state;
      expect(violationsOf(refusal([['2026-09-08', { type: 'FulfilMicroWish', data: { wishId: 'w-1', fulfilledOn: '2026-09-05', amount: 15_000, fundingSource: '捐赠' } }]], wished))).toEqual(['fulfilledOn:date_order']);
    });

    it('measures a file brought in from a legacy registry against its own registration of years ago, not against the day it was imported', () => {
      const imported = ([
        { type: 'HardshipApplicationReceived', data: { fileId: 'legacy-1', source: { kind: 'application' }, head: { name: '陈某', employer: '郑州某纺织厂', unionMember: true }, members: [], householdSize: 3, district: '410105', unitId: '410105', causes: ['illness'], monthlyHouseholdIncome: 240_000, receivedAt: '2016-03-01T04:00:00.000Z', imported: { batch: 'registry.csv', row: 2 } } },
        { type: 'FileRegistered', data: { requestId: 'import-registry.csv', level: 'deep', causes: ['illness'], registeredOn: '2016-03-01', nextReviewDue: '2017-03-01', reason: '自旧台账导入' } },
      ] as HardshipEvent[]).reduce(decider.evolve, decider.initialState);
      expect(run([['2026-11-25', relief('2019-06-30')]], imported).state).toMatchObject({ status: 'relieved', ended: { how: 'relieved', on: '2019-06-30' } });
      expect(violationsOf(refusal([['2026-11-25', relief('2016-02-29')]], imported))).toEqual(['relievedOn:date_order']);
    });
  });

  it('reminds the cadres of a yearly review two weeks ahead and again once overdue, each once, and only of the step that is due', () => {
    const remind = (day: string, dueOn = '2027-03-16'): [string, HardshipCommand] => [day, { type: 'SendReminder', data: { step: 'yearly_review', dueOn } }];
    const withoutCadre = registered();
    expect(run([remind('2027-03-10')], withoutCadre).events).toEqual([]);
    const cadred = run([
      ['2026-03-17', { type: 'AssignCadre', data: { level: 'grassroots', userId: 'u-wang' } }],
      ['2026-03-17', { type: 'AssignCadre', data: { level: 'district', userId: 'u-li' } }],
    ], withoutCadre).state;
    expect(run([remind('2027-02-28')], cadred).events).toEqual([]);
    const soon = run([remind('2027-03-02'), remind('2027-03-09')], cadred);
    expect(soon.events).toEqual([{ type: 'ReminderSent', data: { step: 'yearly_review', dueOn: '2027-03-16', overdue: false, to: ['u-wang', 'u-li'] } }]);
    expect(run([remind('2027-03-17'), remind('2027-03-20')], soon.state).events).toEqual([{ type: 'ReminderSent', data: { step: 'yearly_review', dueOn: '2027-03-16', overdue: true, to: ['u-wang', 'u-li'] } }]);
    expect(run([remind('2027-03-10', '2027-03-17')], cadred).events).toEqual([]);
    expect(run([['2027-03-10', { type: 'SendReminder', data: { step: 'follow_up_check_in', dueOn: '2027-03-16' } }]], cadred).events).toEqual([]);
    const reviewed = run([['2027-03-12', { type: 'RecordYearlyReview', data: { reviewedOn: '2027-03-12', level: 'relative', findings: '收入略有改善' } }]], cadred).state;
    expect(run([remind('2027-03-17')], reviewed).events).toEqual([]);
  });

  it('lets no supervisor decide a registration or a lift-out they asked for themselves (four eyes)', () => {
    const other = { userId: 'u-sup-2', role: 'supervisor', orgUnitId: '410105' };
    const byOther = (command: HardshipCommand, state: HardshipFileState, day: string) => decider.decide(command, state, { now: new Date(`${day}T12:00:00+08:00`), actor: other });
    const inNotice = run([
      ['2026-03-02', apply],
      ['2026-03-04', { type: 'RecordHomeVisit', data: { visitedOn: '2026-03-04', consentToIncomeCheck: true, findings: '妻子透析', monthlyHouseholdIncome: 240_000 } }],
      ['2026-03-05', { type: 'StartPublicNotice', data: { startedOn: '2026-03-05' } }],
    ]).state;
    const asked = run([['2026-03-13', { type: 'RequestRegistration', data: { requestId: 'r-1', level: 'deep', causes: ['illness'] } }, 'supervisor']], inNotice).state;
    const register = { type: 'DecideRegistration', data: { requestId: 'r-1', approve: true, reason: '同意' } } as const;
    const own = refusal([['2026-03-16', register, 'supervisor']], asked);
    expect([own.kind, own.code, own.message]).toEqual(['forbidden', 'own_request', expect.stringMatching(/不能审批自己提出的/)]);
    expect(byOther(register, asked, '2026-03-16')[0].type).toBe('FileRegistered');

    const liftOut = run([['2026-06-01', { type: 'RequestLiftOut', data: { requestId: 'l-1', basis: 'stable_work', evidence: '劳动合同' } }, 'supervisor']], registered()).state;
    const lift = { type: 'DecideLiftOut', data: { requestId: 'l-1', approve: false, reason: '材料不足' } } as const;
    expect(refusal([['2026-06-05', lift, 'supervisor']], liftOut).code).toBe('own_request');
    expect(byOther(lift, liftOut, '2026-06-05')[0].type).toBe('LiftOutRejected');
  });
});
