import { CaseworkError, ValidationError } from '#errors';
import type { MediationCommand, ReferCase } from './mediation.commands.js';
import { createMediationDecider } from './mediation.decide.js';
import type { MediationEvent } from './mediation.events.js';
import { DEFAULT_MEDIATION_LIMITS } from './mediation.rules.js';
import type { MediationCaseState } from './mediation.state.js';

/*
 * Issue 18: 案由 is a field of its own, apart from the referral type; a failure recorded before any
 * session was held says why none was (一方拒绝调解…), so the letter to the court is not a bare
 * "组织调解次数：0 次".
 */

const decider = createMediationDecider({ limits: DEFAULT_MEDIATION_LIMITS });
const ACTORS = {
  mediator: { userId: 'u-zhao', role: 'mediator', orgUnitId: 'MR-410105' },
  supervisor: { userId: 'u-sup', role: 'supervisor', orgUnitId: '410105' },
};
type Step = [day: string, command: MediationCommand, who?: keyof typeof ACTORS];

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

function violationsOf(steps: readonly Step[], from?: MediationCaseState): string[] {
  try {
    run(steps, from);
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => `${v.field}:${v.rule}:${v.message}`);
    if (error instanceof CaseworkError) return [`${error.code}:${error.message}`];
    throw error;
  }
  throw new Error('expected a refusal');
}

function referral(extra: Partial<ReferCase['data']> = {}): ReferCase {
  return {
    type: 'ReferCase',
    data: {
      caseId: 'm-1',
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调1234号', referralType: 'assigned' },
      roomId: 'MR-410105',
      referredOn: '2026-04-01',
      applicants: [{ partyId: 'p-1', name: '孟庆华' }, { partyId: 'p-2', name: '宋春燕' }],
      respondent: { name: '郑州某餐饮管理有限公司' },
      claims: [{ claimId: 'c-1', item: '工资', amount: 1_200_000, partyId: 'p-1' }],
      summary: '拖欠三个月工资',
      ...extra,
    },
  };
}

function inMediation(referred: ReferCase = referral()): MediationCaseState {
  return run([
    ['2026-04-01', referred, 'supervisor'],
    ['2026-04-02', { type: 'AcceptCase', data: { acceptedOn: '2026-04-02' } }, 'supervisor'],
    ['2026-04-02', { type: 'AssignMediator', data: { mediatorId: 'u-zhao', mediatorName: '赵雅琴' } }, 'supervisor'],
  ]).state;
}

const failure = (extra: Partial<Extract<MediationCommand, { type: 'RecordFailure' }>['data']> = {}): MediationCommand => ({
  type: 'RecordFailure',
  data: { failedOn: '2026-04-10', undisputedFacts: ['劳动关系存在'], disputedPoints: ['加班费'], ...extra },
});

describe('案由, a field of its own', () => {
  it('is recorded with the referral, apart from the referral type', () => {
    const { events, state } = run([['2026-04-01', referral({ cause: 'labour_remuneration' }), 'supervisor']]);
    expect(events[0]!.data).toMatchObject({ cause: 'labour_remuneration', source: { referralType: 'assigned' } });
    expect(state.cause).toBe('labour_remuneration');
  });

  it('is refused when it is not one of the labour-dispute causes, naming the field in Chinese', () => {
    const [violation] = violationsOf([['2026-04-01', referral({ cause: '劳动争议' as never }), 'supervisor']]);
    expect(violation).toMatch(/^cause:one_of:案由无效，应为以下之一：labour_remuneration（劳动报酬争议）/);
  });

  it('may be left out by older clients: the case reads without one, as cases recorded before it existed do', () => {
    const { events, state } = run([['2026-04-01', referral(), 'supervisor']]);
    expect(events[0]!.data).not.toHaveProperty('cause');
    expect(state.cause).toBeNull();
    const old = decider.evolve(decider.initialState, { type: 'CaseReferred', data: { ...referral().data, claimedTotal: 1_200_000, referredAt: '2026-04-01T04:00:00.000Z' } });
    expect(old.cause).toBeNull();
  });

  it('takes the same referral sent again as once, and a different cause for the same case as a different referral', () => {
    const referred = run([['2026-04-01', referral({ cause: 'termination' }), 'supervisor']]).state;
    expect(run([['2026-04-01', referral({ cause: 'termination' }), 'supervisor']], referred).events).toEqual([]);
    expect(violationsOf([['2026-04-01', referral({ cause: 'work_injury' }), 'supervisor']], referred)[0]).toMatch(/^mediation_case_exists:/);
  });
});

describe('调解不成 without a session held', () => {
  it('is refused without the reason no session was held, naming the field in Chinese', () => {
    expect(violationsOf([['2026-04-10', failure()]], inMediation())).toEqual([
      'noSessionReason:required:未组织调解的原因不能为空：本案尚未举行调解，登记调解不成须写明原因（如一方拒绝调解）',
    ]);
    expect(violationsOf([['2026-04-10', failure({ noSessionReason: '   ' })]], inMediation())[0]).toMatch(/^noSessionReason:required:/);
  });

  it('records the reason in the failure, for the letter to the court', () => {
    const { events } = run([['2026-04-10', failure({ noSessionReason: '被申请人明确拒绝调解' })]], inMediation());
    expect(events).toEqual([{ type: 'MediationFailed', data: expect.objectContaining({ sessionsHeld: 0, noSessionReason: '被申请人明确拒绝调解' }) }]);
  });

  it('refuses the reason once a session was held: the letter tells how the sessions went', () => {
    const held = run([
      ['2026-04-03', { type: 'ScheduleSession', data: { sessionId: 's-1', startsAt: '2026-04-08T09:00:00+08:00', endsAt: '2026-04-08T10:00:00+08:00', mode: 'in_room', attendees: ['孟庆华'] } }],
      ['2026-04-08', { type: 'RecordSessionHeld', data: { sessionId: 's-1', minutes: '双方各执一词', attendees: ['孟庆华', '宋春燕'] } }],
    ], inMediation()).state;
    expect(violationsOf([['2026-04-10', failure({ noSessionReason: '一方拒绝调解' })]], held)).toEqual([
      'noSessionReason:sessions_held:本案已举行 1 次调解，无需填写未组织调解的原因',
    ]);
    const { events } = run([['2026-04-10', failure()]], held);
    expect(events[0]!.data).toMatchObject({ sessionsHeld: 1 });
    expect(events[0]!.data).not.toHaveProperty('noSessionReason');
  });
});
