import { calendarChanges, createChineseDaysCalendar, type HolidayNotice } from '#calendar';
import { dueOn, DEFAULT_WAGE_TIME_LIMITS, referralDeadlineProvisional } from '../time-limits.js';
import { createWageCaseDecider } from '../wage-case.decide.js';
import { evolveWageCase, initialWageCaseState, type WageCaseState } from '../wage-case.state.js';

const provisional = createChineseDaysCalendar();
const notice: HolidayNotice = { year: 2030, holidays: [{ name: '春节', from: '2030-02-02', to: '2030-02-10' }], makeUpWorkingDays: ['2030-01-26', '2030-02-16'] };
const noticed = createChineseDaysCalendar({ notices: [notice] });
const changes = calendarChanges(provisional, noticed, [2030]);
const system = { now: new Date('2030-02-20T02:00:00Z'), actor: { userId: 'system:calendar', role: 'system', orgUnitId: 'system' } };
const limits = DEFAULT_WAGE_TIME_LIMITS;

function referred(target: 'labour_inspection' | 'arbitration', referredOn: string): WageCaseState {
  const acceptDueOn = dueOn(provisional, referredOn, limits.referrals[target].accept!);
  return evolveWageCase({ ...initialWageCaseState, status: 'negotiating', caseId: 'c1' }, { type: 'CaseReferred', data: { referralId: 'r1', target, referredOn, acceptDueOn } });
}

describe('referral deadlines across a year whose holiday notice is not known yet', () => {
  it('a labour-inspection referral on Monday 28 December 2026 must be accepted by Tuesday 5 January 2027: 元旦 is not a working day', () => {
    expect(dueOn(provisional, '2026-12-28', { workingDays: 5 })).toBe('2027-01-05');
  });

  it('is provisional while counted in working days into 2030, and not once the notice is entered', () => {
    const state = referred('labour_inspection', '2030-01-31');
    expect(state.referrals['r1']!.acceptDueOn).toBe('2030-02-13');
    expect(referralDeadlineProvisional(provisional, state.referrals['r1']!, limits)).toBe(true);
    expect(referralDeadlineProvisional(noticed, state.referrals['r1']!, limits)).toBe(false);
    // Arbitration counts calendar days: holidays never move it.
    expect(referralDeadlineProvisional(provisional, referred('arbitration', '2030-01-31').referrals['r1']!, limits)).toBe(false);
  });

  it('moves the acceptance deadline when the notice is entered, keeping its five working days, with a system event', () => {
    const decider = createWageCaseDecider({ calendar: noticed, limits });
    const events = decider.decide({ type: 'RecomputeDeadlines', data: { reason: '2030 年放假通知录入', changes } }, referred('labour_inspection', '2030-01-31'), system);
    expect(events).toEqual([
      { type: 'DeadlinesRecomputed', data: { reason: '2030 年放假通知录入', recomputedAt: '2030-02-20T02:00:00.000Z', deadlines: [{ referralId: 'r1', deadline: 'accept', previousDueOn: '2030-02-13', dueOn: '2030-02-14' }] } },
    ]);
    expect(evolveWageCase(referred('labour_inspection', '2030-01-31'), events[0]!).referrals['r1']!.acceptDueOn).toBe('2030-02-14');
  });

  it('leaves calendar-day periods alone and refuses anyone but the system', () => {
    const decider = createWageCaseDecider({ calendar: noticed, limits });
    expect(decider.decide({ type: 'RecomputeDeadlines', data: { reason: 'x', changes } }, referred('arbitration', '2030-01-31'), system)).toEqual([]);
    const caseworker = { ...system, actor: { userId: 'u1', role: 'caseworker', orgUnitId: '410105' } };
    expect(() => decider.decide({ type: 'RecomputeDeadlines', data: { reason: 'x', changes } }, referred('labour_inspection', '2030-01-31'), caseworker)).toThrow(/系统/);
  });
});
