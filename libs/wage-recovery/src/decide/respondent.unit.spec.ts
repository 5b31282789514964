import { createChineseDaysCalendar } from '#calendar';
import { CaseworkError, ValidationError } from '#errors';
import { DEFAULT_WAGE_TIME_LIMITS } from '../time-limits.js';
import { wageCaseAllowedActions } from '../wage-case.allowed-actions.js';
import type { WageCaseCommand } from '../wage-case.commands.js';
import { createWageCaseDecider } from '../wage-case.decide.js';
import type { WageCaseEvent } from '../wage-case.events.js';
import type { WageCaseState } from '../wage-case.state.js';

const decider = createWageCaseDecider({ calendar: createChineseDaysCalendar(), limits: DEFAULT_WAGE_TIME_LIMITS });
const actor = { userId: 'u-case', role: 'caseworker', orgUnitId: '410105' };
const now = new Date('2026-03-02T02:00:00Z');

function run(commands: readonly WageCaseCommand[], from: WageCaseState = decider.initialState) {
  let state = from;
  const events: WageCaseEvent[] = [];
  for (const command of commands) {
    for (const event of decider.decide(command, state, { now, actor })) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return { state, events };
}

function refusal(command: WageCaseCommand, from: WageCaseState): CaseworkError {
  try {
    run([command], from);
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

/** As the escalation process manager opens it: against the complaint's employer. */
const escalated = () => run([{ type: 'OpenWageCase', data: { caseId: 'w1', source: { kind: 'complaint', complaintId: 'c1' }, respondent: { kind: 'employer', name: '某劳务公司', district: '410105' }, summary: '木工班组被欠工资', unitId: '410105' } }]).state;
const chain = [{ role: 'developer' as const, name: '某置业公司' }, { role: 'main_contractor' as const, name: '某建工集团', creditCode: '91410100MA3X1234X5' }, { role: 'team_leader' as const, name: '张某' }];

describe('the project chain of a wage case', () => {
  it('turns a case escalated against one employer into a project with its chain, keeping the district and what it named before', () => {
    const { state, events } = run([{ type: 'RecordProjectChain', data: { projectName: '金水区某安置房项目', chain } }], escalated());
    expect(state.respondent).toEqual({ kind: 'project', name: '金水区某安置房项目', district: '410105', chain });
    expect(events[0]).toMatchObject({ type: 'ProjectChainRecorded', data: { previous: { kind: 'employer', name: '某劳务公司' } } });
    expect(wageCaseAllowedActions(decider, escalated(), { now, actor })).toContain('record-chain');
  });

  it('names every bad party of the chain by row, and asks a reason to correct a chain already recorded', () => {
    const bad = refusal({ type: 'RecordProjectChain', data: { projectName: ' ', chain: [{ role: 'boss' as never, name: '' }] } }, escalated()) as ValidationError;
    expect(bad.violations.map((v) => v.field).sort()).toEqual(['chain.0.name', 'chain.0.role', 'projectName']);
    expect((refusal({ type: 'RecordProjectChain', data: { projectName: '某项目', chain: [] } }, escalated()) as ValidationError).violations[0]).toMatchObject({ field: 'chain', rule: 'required' });

    const recorded = run([{ type: 'RecordProjectChain', data: { projectName: '某项目', chain } }], escalated()).state;
    const noReason = refusal({ type: 'RecordProjectChain', data: { projectName: '某项目', chain: chain.slice(1) } }, recorded) as ValidationError;
    expect(noReason.violations).toEqual([expect.objectContaining({ field: 'reason', rule: 'required' })]);
    expect(run([{ type: 'RecordProjectChain', data: { projectName: '某项目', chain } }], recorded).events).toEqual([]);
  });

  it('is refused on a closed case', () => {
    const closed = run([{ type: 'CloseWageCase', data: { outcome: 'withdrawn', reason: '职工撤回' } }], escalated()).state;
    expect(refusal({ type: 'RecordProjectChain', data: { projectName: '某项目', chain } }, closed).code).toBe('wage_case_closed');
  });
});
