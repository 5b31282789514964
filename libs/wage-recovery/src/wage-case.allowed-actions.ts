import { shanghaiDateOf } from '#calendar';
import type { DecisionContext } from '#decider';
import { CaseworkError } from '#errors';
import { owedToWorker } from './ledger.js';
import type { WageCaseCommand } from './wage-case.commands.js';
import type { WageCaseDecider } from './wage-case.decide.js';
import type { WageCaseState } from './wage-case.state.js';

export type WageCaseAction =
  | 'record-chain' | 'add-claimants' | 'amend-claim' | 'withdraw-claim' | 'record-evidence'
  | 'start-verification' | 'verify' | 'complete-verification' | 'negotiate'
  | 'record-payment' | 'reverse-payment' | 'request-advance' | 'decide-advance' | 'reverse-advance'
  | 'refer' | 'close-fully-recovered' | 'close-partly-recovered' | 'close-withdrawn'
  | 'request-unrecoverable' | 'decide-unrecoverable' | 'reopen';

/**
 * What the actor may do next, asked of the decider itself with a harmless probe of each action (so
 * the rules live in one place): an action is offered when its probe is not refused.
 */
export function wageCaseAllowedActions(decider: WageCaseDecider, state: WageCaseState, context: DecisionContext): WageCaseAction[] {
  return (Object.entries(probes(state)) as [WageCaseAction, WageCaseCommand | undefined][])
    .filter(([, command]) => {
      if (!command) return false;
      try {
        decider.decide(command, state, context);
        return true;
      } catch (error) {
        if (!(error instanceof CaseworkError)) throw error;
        return false;
      }
    })
    .map(([action]) => action);
}

function probes(state: WageCaseState): Record<WageCaseAction, WageCaseCommand | undefined> {
  const claimants = state.claimantOrder.map((id) => state.claimants[id]).filter((c) => !c.withdrawn);
  const first = claimants[0];
  const withRoom = claimants.find((c) => c.verified !== null && (c.verified - c.recovered) > 0);
  const owed = claimants.find((c) => c.verified !== null && owedToWorker(c) > 0);
  const pendingAdvance = Object.entries(state.advances).find(([, a]) => a.status === 'requested')?.[0];
  const paidAdvance = Object.entries(state.advances).find(([, a]) => a.status === 'approved')?.[0];
  const livePayment = Object.entries(state.payments).find(([, p]) => !p.reversed)?.[0];
  const probe = 'probe';
  // Dated the day the case was opened: the one day a fact of the case may always carry (not after today, not before the opening).
  const day = state.openedAt ? shanghaiDateOf(new Date(state.openedAt)) : '2000-01-01';
  return {
    // Offered while the case is open: the probe corrects (or records) a chain, with the reason a correction needs.
    'record-chain': { type: 'RecordProjectChain', data: { projectName: `${state.respondent?.name ?? probe}-${probe}`, chain: [{ role: 'developer', name: probe }], reason: probe } },
    'add-claimants': { type: 'AddClaimants', data: { claimants: [{ claimantId: `${probe}-${state.claimantOrder.length}`, name: '试', workedFrom: day, claimed: 1 }] } },
    'amend-claim': first && { type: 'AmendClaim', data: { claimantId: first.details.claimantId, claimed: first.claimed + 1, reason: probe } },
    'withdraw-claim': claimants.find((c) => c.recovered === 0 && c.advanced === 0) && { type: 'WithdrawClaim', data: { claimantId: claimants.find((c) => c.recovered === 0 && c.advanced === 0)!.details.claimantId, reason: probe } },
    'record-evidence': first && { type: 'RecordEvidence', data: { claimantId: first.details.claimantId, evidenceId: `${probe}-${first.evidence.length}`, kind: 'other', description: probe } },
    'start-verification': { type: 'StartVerification', data: {} },
    verify: first && { type: 'VerifyClaims', data: { claims: [{ claimantId: first.details.claimantId, verified: Math.max(first.verified ?? 0, first.recovered + first.advanced) + 1, basis: probe }], reason: probe } },
    'complete-verification': { type: 'CompleteVerification', data: {} },
    negotiate: { type: 'RecordNegotiation', data: { summary: probe } },
    'record-payment': withRoom && { type: 'RecordRecoveryPayment', data: { paymentId: `${probe}-payment`, amount: 1, paidOn: day, payer: probe, allocations: [{ claimantId: withRoom.details.claimantId, amount: 1 }] } },
    'reverse-payment': livePayment === undefined ? undefined : { type: 'ReverseRecoveryPayment', data: { paymentId: livePayment, reason: probe } },
    'request-advance': owed && { type: 'RequestEmergencyAdvance', data: { advanceId: `${probe}-advance`, allocations: [{ claimantId: owed.details.claimantId, amount: 1 }], reason: probe } },
    'decide-advance': pendingAdvance === undefined ? undefined : { type: 'DecideEmergencyAdvance', data: { advanceId: pendingAdvance, approve: false, reason: probe } },
    'reverse-advance': paidAdvance === undefined ? undefined : { type: 'ReverseEmergencyAdvance', data: { advanceId: paidAdvance, reason: probe } },
    refer: { type: 'ReferCase', data: { referralId: `${probe}-referral`, target: 'labour_inspection', referredOn: day } },
    'close-fully-recovered': { type: 'CloseWageCase', data: { outcome: 'fully_recovered', reason: probe } },
    'close-partly-recovered': { type: 'CloseWageCase', data: { outcome: 'partly_recovered', reason: probe } },
    'close-withdrawn': { type: 'CloseWageCase', data: { outcome: 'withdrawn', reason: probe } },
    'request-unrecoverable': { type: 'RequestUnrecoverableClosure', data: { requestId: `${probe}-closure`, reason: probe } },
    'decide-unrecoverable': state.pendingClosure ? { type: 'DecideUnrecoverableClosure', data: { requestId: state.pendingClosure.requestId, approve: false, reason: probe } } : undefined,
    reopen: { type: 'ReopenWageCase', data: { reason: probe } },
  };
}
