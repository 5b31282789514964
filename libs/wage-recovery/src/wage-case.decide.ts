import type { WorkingCalendar } from '#calendar';
import type { Decider, DecisionContext } from '#decider';
import type { WageCaseCommand } from './wage-case.commands.js';
import type { WageCaseEvent } from './wage-case.events.js';
import { evolveWageCase, initialWageCaseState, type WageCaseState } from './wage-case.state.js';
import { addClaimants, amendClaim, recordEvidence, verifyClaims, withdrawClaim } from './decide/claims.js';
import { decideEmergencyAdvance, recordRecoveryPayment, requestEmergencyAdvance, reverseEmergencyAdvance, reverseRecoveryPayment } from './decide/money-moves.js';
import {
  closeWageCase, completeVerification, decideUnrecoverableClosure, extendReferral, openWageCase, recordNegotiation, recordReferralAccepted, recordReferralOutcome,
  referCase, recordMediationAgreement, reopenWageCase, requestUnrecoverableClosure, startVerification,
} from './decide/lifecycle.js';
import type { DecisionEnv, WageDeciderDependencies } from './decide/decision-env.js';
import { recomputeDeadlines } from './decide/recompute-deadlines.js';
import { recordProjectChain } from './decide/respondent.js';

export interface WageCaseDecider extends Decider<WageCaseCommand, WageCaseEvent, WageCaseState, DecisionContext> {
  /** The working calendar its referral deadlines are counted on (views ask it which are provisional). */
  readonly calendar: WorkingCalendar;
}

/** The wage-arrears case (DOMAIN.md §2) as a decider: plain functions, no I/O. */
export function createWageCaseDecider(dependencies: WageDeciderDependencies): WageCaseDecider {
  return {
    initialState: initialWageCaseState,
    evolve: evolveWageCase,
    calendar: dependencies.calendar,
    decide(command, state, context) {
      const env: DecisionEnv = { ...context, ...dependencies, nowIso: context.now.toISOString() };
      return decideWageCase(command, state, env);
    },
  };
}

function decideWageCase(command: WageCaseCommand, state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  switch (command.type) {
    case 'OpenWageCase': return openWageCase(command.data, state, env);
    case 'RecordProjectChain': return recordProjectChain(command.data, state, env);
    case 'AddClaimants': return addClaimants(command.data, state, env);
    case 'AmendClaim': return amendClaim(command.data, state, env);
    case 'WithdrawClaim': return withdrawClaim(command.data, state, env);
    case 'RecordEvidence': return recordEvidence(command.data, state, env);
    case 'StartVerification': return startVerification(state, env);
    case 'VerifyClaims': return verifyClaims(command.data, state, env);
    case 'CompleteVerification': return completeVerification(state, env);
    case 'RecordNegotiation': return recordNegotiation(command.data, state, env);
    case 'RecordRecoveryPayment': return recordRecoveryPayment(command.data, state, env);
    case 'ReverseRecoveryPayment': return reverseRecoveryPayment(command.data, state, env);
    case 'RequestEmergencyAdvance': return requestEmergencyAdvance(command.data, state, env);
    case 'DecideEmergencyAdvance': return decideEmergencyAdvance(command.data, state, env);
    case 'ReverseEmergencyAdvance': return reverseEmergencyAdvance(command.data, state, env);
    case 'ReferCase': return referCase(command.data, state, env);
    case 'RecordMediationAgreement': return recordMediationAgreement(command.data, state, env);
    case 'RecordReferralAccepted': return recordReferralAccepted(command.data, state, env);
    case 'ExtendReferral': return extendReferral(command.data, state, env);
    case 'RecordReferralOutcome': return recordReferralOutcome(command.data, state, env);
    case 'CloseWageCase': return closeWageCase(command.data, state, env);
    case 'RequestUnrecoverableClosure': return requestUnrecoverableClosure(command.data, state, env);
    case 'DecideUnrecoverableClosure': return decideUnrecoverableClosure(command.data, state, env);
    case 'ReopenWageCase': return reopenWageCase(command.data, state, env);
    case 'RecomputeDeadlines': return recomputeDeadlines(command.data, state, env);
  }
}
