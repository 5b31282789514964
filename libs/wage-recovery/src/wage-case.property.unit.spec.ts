/**
 * Money that always adds up: long random sequences of commands, many of them invalid, and after each
 * step every claimant's ledger and every case total must agree with the events, the rules of
 * DOMAIN.md §2 must hold, and a rejected command must have produced nothing.
 */
import fc from 'fast-check';
import { CaseworkError } from '#errors';
import type { DecisionContext } from '#decider';
import { caseTotals, ledgerViolations, owedToWorker } from './ledger.js';
import { sumFen } from './money.js';
import type { WageCaseCommand } from './wage-case.commands.js';
import { createWageCaseDecider } from './wage-case.decide.js';
import type { WageCaseEvent } from './wage-case.events.js';
import type { WageCaseState } from './wage-case.state.js';
import { DEFAULT_WAGE_TIME_LIMITS } from './time-limits.js';

const calendar = { isWorkingDay: (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), knowsYear: () => true };
const decider = createWageCaseDecider({ calendar, limits: DEFAULT_WAGE_TIME_LIMITS });

const CLAIMANTS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const caseworker = { userId: 'u-case', role: 'caseworker', orgUnitId: '410105' };
const supervisor = { userId: 'u-sup', role: 'supervisor', orgUnitId: '410105' };

const claimantId = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...CLAIMANTS) }, { weight: 1, arbitrary: fc.constant('nobody') });
const paymentId = fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7');
const advanceId = fc.constantFrom('a0', 'a1', 'a2');
/** Mostly sensible amounts in fen, sometimes zero, negative or not an integer. */
const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 120_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -100, 12.5, Number.NaN) },
);
const allocations = fc.uniqueArray(fc.record({ claimantId, amount }), { minLength: 1, maxLength: 4, selector: (a) => a.claimantId });

/** Closing and reopening, rarely: a closed case refuses the money commands until reopened. */
const closing: fc.Arbitrary<WageCaseCommand> = fc.constantFrom<WageCaseCommand>(
  { type: 'CloseWageCase', data: { outcome: 'fully_recovered', reason: '全部到位' } },
  { type: 'CloseWageCase', data: { outcome: 'partly_recovered', reason: '部分到位' } },
  { type: 'RequestUnrecoverableClosure', data: { requestId: 'r1', reason: '企业已注销' } },
  { type: 'DecideUnrecoverableClosure', data: { requestId: 'r1', approve: true, reason: '同意' } },
  { type: 'ReopenWageCase', data: { reason: '发现新的财产线索' } },
);

const command: fc.Arbitrary<{ command: WageCaseCommand; supervisor: boolean }> = fc
  .oneof(
    fc.record({ claimed: fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 3 }) }).map(({ claimed }): WageCaseCommand => ({
      type: 'AddClaimants',
      data: { claimants: claimed.map((c, i) => ({ claimantId: CLAIMANTS[(c + i) % CLAIMANTS.length], name: '工人', workedFrom: '2025-03-01', workedUntil: '2025-12-31', claimed: c })) },
    })),
    fc.constant<WageCaseCommand>({ type: 'StartVerification', data: {} }),
    fc.array(fc.record({ claimantId, verified: amount }), { minLength: 1, maxLength: 3 }).map((claims): WageCaseCommand => ({
      type: 'VerifyClaims',
      data: { claims: claims.map((c) => ({ ...c, basis: '考勤与工资条' })), reason: '复核更正' },
    })),
    fc.constant<WageCaseCommand>({ type: 'CompleteVerification', data: {} }),
    fc.constant<WageCaseCommand>({ type: 'RecordNegotiation', data: { summary: '约谈项目负责人' } }),
    fc.record({ paymentId, allocations }).map(({ paymentId: id, allocations: list }): WageCaseCommand => ({
      type: 'RecordRecoveryPayment',
      data: { paymentId: id, amount: list.reduce((s, a) => s + a.amount, 0), paidOn: '2026-01-05', payer: '总包单位', allocations: list },
    })),
    fc.record({ paymentId, allocations, off: fc.integer({ min: -500, max: 500 }) }).map(({ paymentId: id, allocations: list, off }): WageCaseCommand => ({
      type: 'RecordRecoveryPayment',
      data: { paymentId: id, amount: list.reduce((s, a) => s + a.amount, 0) + off, paidOn: '2026-01-05', payer: '总包单位', allocations: list },
    })),
    paymentId.map((id): WageCaseCommand => ({ type: 'ReverseRecoveryPayment', data: { paymentId: id, reason: '银行退票' } })),
    fc.record({ advanceId, allocations }).map(({ advanceId: id, allocations: list }): WageCaseCommand => ({ type: 'RequestEmergencyAdvance', data: { advanceId: id, allocations: list, reason: '春节前生活困难' } })),
    fc.record({ advanceId, approve: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }).map(({ advanceId: id, approve }): WageCaseCommand => ({ type: 'DecideEmergencyAdvance', data: { advanceId: id, approve, reason: '同意' } })),
    advanceId.map((id): WageCaseCommand => ({ type: 'ReverseEmergencyAdvance', data: { advanceId: id, reason: '重复发放' } })),
    claimantId.map((id): WageCaseCommand => ({ type: 'WithdrawClaim', data: { claimantId: id, reason: '本人撤回' } })),
    fc.record({ claimantId, claimed: amount }).map(({ claimantId: id, claimed }): WageCaseCommand => ({ type: 'AmendClaim', data: { claimantId: id, claimed, reason: '补充材料' } })),
  )
  .chain((c) => fc.oneof({ weight: 20, arbitrary: fc.constant(c) }, { weight: 1, arbitrary: closing }))
  // Decisions are mostly a supervisor's, everything else mostly a caseworker's; each sometimes by the wrong role.
  .chain((c) => fc.record({ command: fc.constant(c), supervisor: fc.integer({ min: 0, max: 9 }).map((n) => (c.type.startsWith('Decide') ? n > 0 : n === 0)) }));

/**
 * Most sequences start like a real case (claimants added, verification started, amounts verified)
 * so that the money commands are reached; some start cold.
 */
const setup: fc.Arbitrary<{ command: WageCaseCommand; supervisor: boolean }[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constant([] as { command: WageCaseCommand; supervisor: boolean }[]) },
  {
    weight: 4,
    arbitrary: fc.array(fc.integer({ min: 1, max: 400_000 }), { minLength: CLAIMANTS.length, maxLength: CLAIMANTS.length }).map((amounts) => [
      { command: { type: 'AddClaimants', data: { claimants: CLAIMANTS.map((id, i) => ({ claimantId: id, name: '工人', workedFrom: '2025-03-01', workedUntil: '2025-12-31', claimed: amounts[i] + 1_000 })) } }, supervisor: false },
      { command: { type: 'StartVerification', data: {} }, supervisor: false },
      { command: { type: 'VerifyClaims', data: { claims: CLAIMANTS.map((id, i) => ({ claimantId: id, verified: amounts[i], basis: '考勤卡' })) } }, supervisor: false },
    ] as { command: WageCaseCommand; supervisor: boolean }[]),
  },
);
const sequence = (minLength: number) => fc.tuple(setup, fc.array(command, { minLength, maxLength: 80 })).map(([start, rest]) => [...start, ...rest]);

const OPEN: WageCaseCommand = {
  type: 'OpenWageCase',
  data: { caseId: 'case-1', source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '郑州某某建筑有限公司', district: '410105' }, summary: '农民工工资被拖欠', unitId: '410105' },
};

/** Each claimant's money as the events say, summed independently of `evolve`. */
function ledgerFromEvents(events: readonly WageCaseEvent[]) {
  const money = new Map<string, { recovered: number; advanced: number; reimbursed: number }>();
  const at = (id: string) => money.get(id) ?? (money.set(id, { recovered: 0, advanced: 0, reimbursed: 0 }), money.get(id)!);
  for (const event of events) {
    const sign = event.type.endsWith('Reversed') ? -1 : 1;
    if (event.type === 'RecoveryPaymentRecorded' || event.type === 'RecoveryPaymentReversed') {
      for (const a of event.data.allocations) {
        at(a.claimantId).recovered += sign * a.amount;
        at(a.claimantId).reimbursed += sign * a.reimbursed;
      }
    }
    if (event.type === 'EmergencyAdvanceApproved' || event.type === 'EmergencyAdvanceReversed') {
      for (const a of event.data.allocations) at(a.claimantId).advanced += sign * a.amount;
    }
  }
  return money;
}

describe('wage case money, over random command sequences', () => {
  it('keeps every ledger and total equal to the events, and every rule, after each command', () => {
    fc.assert(
      fc.property(sequence(1), (steps) => {
        let now = Date.parse('2026-01-05T02:00:00Z');
        const context = (asSupervisor: boolean): DecisionContext => ({ now: new Date((now += 3_600_000)), actor: asSupervisor ? supervisor : caseworker });
        const events: WageCaseEvent[] = [];
        let state: WageCaseState = decider.initialState;
        for (const step of [{ command: OPEN, supervisor: false }, ...steps]) {
          const before = state;
          let decided: WageCaseEvent[];
          try {
            decided = decider.decide(step.command, state, context(step.supervisor));
          } catch (error) {
            // Only the domain's own refusals, and a refused command leaves the state as it was.
            if (!(error instanceof CaseworkError)) throw error;
            expect(state).toBe(before);
            continue;
          }
          for (const event of decided) state = decider.evolve(state, event);
          events.push(...decided);

          expect(ledgerViolations(state)).toEqual([]);
          const fromEvents = ledgerFromEvents(events);
          for (const id of state.claimantOrder) {
            const claimant = state.claimants[id];
            const summed = fromEvents.get(id) ?? { recovered: 0, advanced: 0, reimbursed: 0 };
            expect({ recovered: claimant.recovered, advanced: claimant.advanced, reimbursed: claimant.reimbursed }).toEqual(summed);
            expect(owedToWorker(claimant)).toBeGreaterThanOrEqual(0);
          }
          const totals = caseTotals(state);
          expect(totals.recovered).toBe(sumFen([...fromEvents.values()].map((m) => m.recovered)));
          expect(totals.advanced).toBe(sumFen([...fromEvents.values()].map((m) => m.advanced)));
          expect(totals.reimbursed).toBe(sumFen([...fromEvents.values()].map((m) => m.reimbursed)));
          if (state.status === 'closed' && state.closure?.outcome === 'fully_recovered') {
            expect(state.claimantOrder.map((id) => state.claimants[id]).filter((c) => !c.withdrawn).every((c) => owedToWorker(c) === 0)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the interesting states, so the property above is not vacuous', () => {
    const seen = { payments: 0, reimbursements: 0, reversals: 0, advances: 0, closedFully: 0 };
    fc.assert(
      fc.property(sequence(20), (steps) => {
        let state = decider.initialState;
        let now = Date.parse('2026-01-05T02:00:00Z');
        for (const step of [{ command: OPEN, supervisor: false }, ...steps]) {
          try {
            for (const event of decider.decide(step.command, state, { now: new Date((now += 3_600_000)), actor: step.supervisor ? supervisor : caseworker })) {
              state = decider.evolve(state, event);
              if (event.type === 'RecoveryPaymentRecorded') {
                seen.payments += 1;
                if (event.data.allocations.some((a) => a.reimbursed > 0)) seen.reimbursements += 1;
              }
              if (event.type === 'RecoveryPaymentReversed' || event.type === 'EmergencyAdvanceReversed') seen.reversals += 1;
              if (event.type === 'EmergencyAdvanceApproved') seen.advances += 1;
              if (event.type === 'WageCaseClosed' && event.data.outcome === 'fully_recovered') seen.closedFully += 1;
            }
          } catch (error) {
            if (!(error instanceof CaseworkError)) throw error;
          }
        }
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(seen.payments).toBeGreaterThan(50);
    expect(seen.reimbursements).toBeGreaterThan(5);
    expect(seen.reversals).toBeGreaterThan(10);
    expect(seen.advances).toBeGreaterThan(10);
  });
});
