import { withEntry } from '#decider';
import type { LocalDate } from '#calendar';
import type { Fen } from './money.js';
import type { WageCaseEvent } from './wage-case.events.js';
import type { Allocation, CaseSource, ClaimantDetails, ClosureOutcome, EvidenceKind, RecoveryAllocation, ReferralTarget, Respondent } from './wage-case.values.js';

export type WageCaseStatus = 'none' | 'opened' | 'verifying' | 'verified' | 'negotiating' | 'closed';

export const WAGE_CASE_STATUS_LABELS: Readonly<Record<WageCaseStatus, string>> = {
  none: '未立案',
  opened: '已立案',
  verifying: '核实中',
  verified: '已核实',
  negotiating: '协调中',
  closed: '已结案',
};

/**
 * One claimant's ledger. What the worker is still owed is `verified − recovered − (advanced − reimbursed)`:
 * the fund's advance counts as paid to the worker, and the part of a recovery that repaid the fund
 * (`reimbursed`) does not count twice.
 */
export interface ClaimantLedger {
  readonly details: ClaimantDetails;
  readonly claimed: Fen;
  readonly verified: Fen | null;
  readonly recovered: Fen;
  readonly advanced: Fen;
  readonly reimbursed: Fen;
  readonly withdrawn: boolean;
  readonly evidence: readonly { readonly evidenceId: string; readonly kind: EvidenceKind; readonly description: string }[];
}

export interface PaymentRecord {
  readonly amount: Fen;
  readonly paidOn: LocalDate;
  readonly allocations: readonly RecoveryAllocation[];
  readonly reversed: boolean;
  readonly installmentId?: string;
}

/** A payment a linked mediation agreement expects, and how much of it has been paid. */
export interface ExpectedPaymentRecord {
  readonly mediationCaseId: string;
  readonly claimantId: string;
  readonly dueOn: LocalDate;
  readonly amount: Fen;
  readonly paid: Fen;
}

export interface AdvanceRecord {
  readonly amount: Fen;
  readonly allocations: readonly Allocation[];
  readonly status: 'requested' | 'approved' | 'rejected' | 'reversed';
  readonly reason: string;
  readonly requestedAt: string;
  readonly requestedBy?: string;
}

export interface ReferralRecord {
  readonly target: ReferralTarget;
  readonly referredOn: LocalDate;
  readonly acceptDueOn: LocalDate | null;
  readonly acceptedOn: LocalDate | null;
  readonly concludeDueOn: LocalDate | null;
  readonly extended: boolean;
  readonly concludedOn: LocalDate | null;
  readonly outcome: string | null;
  readonly mediation?: { readonly roomId: string; readonly mediationCaseId: string };
}

export interface WageCaseState {
  readonly status: WageCaseStatus;
  readonly caseId: string | null;
  readonly unitId: string | null;
  readonly source: CaseSource | null;
  readonly respondent: Respondent | null;
  readonly summary: string;
  readonly openedAt: string | null;
  /** Claimants in the order they were added. */
  readonly claimantOrder: readonly string[];
  readonly claimants: Readonly<Record<string, ClaimantLedger>>;
  readonly payments: Readonly<Record<string, PaymentRecord>>;
  readonly advances: Readonly<Record<string, AdvanceRecord>>;
  readonly referrals: Readonly<Record<string, ReferralRecord>>;
  /** 调解协议约定的付款, by installment id. */
  readonly expectedPayments: Readonly<Record<string, ExpectedPaymentRecord>>;
  readonly firstRecoveryAt: string | null;
  readonly pendingClosure: { readonly requestId: string; readonly reason: string; readonly requestedAt: string; readonly requestedBy?: string } | null;
  readonly closure: { readonly outcome: ClosureOutcome; readonly closedAt: string; readonly reason: string } | null;
  /** The status a reopened case returns to. */
  readonly statusBeforeClosing: WageCaseStatus | null;
  readonly timesReopened: number;
}

export const initialWageCaseState: WageCaseState = {
  status: 'none',
  caseId: null,
  unitId: null,
  source: null,
  respondent: null,
  summary: '',
  openedAt: null,
  claimantOrder: [],
  claimants: {},
  payments: {},
  advances: {},
  referrals: {},
  expectedPayments: {},
  firstRecoveryAt: null,
  pendingClosure: null,
  closure: null,
  statusBeforeClosing: null,
  timesReopened: 0,
};

export function evolveWageCase(state: WageCaseState, event: WageCaseEvent): WageCaseState {
  switch (event.type) {
    case 'WageCaseOpened': {
      const { caseId, source, respondent, summary, unitId, openedAt } = event.data;
      return { ...state, status: 'opened', caseId, source, respondent, summary, unitId, openedAt };
    }
    case 'ProjectChainRecorded':
      return { ...state, respondent: event.data.respondent };
    case 'ClaimantsAdded': {
      let claimants = state.claimants;
      for (const details of event.data.claimants) {
        claimants = withEntry(claimants, details.claimantId, { details, claimed: details.claimed, verified: null, recovered: 0, advanced: 0, reimbursed: 0, withdrawn: false, evidence: [] });
      }
      return { ...state, claimants, claimantOrder: [...state.claimantOrder, ...event.data.claimants.map((c) => c.claimantId)] };
    }
    case 'ClaimAmended': {
      const { claimantId, claimed, workedFrom, workedUntil, phone } = event.data;
      return updateClaimant(state, claimantId, (c) => {
        const details = {
          ...c.details,
          ...(workedFrom !== undefined ? { workedFrom } : {}),
          ...(phone !== undefined ? { phone } : {}),
          ...(claimed ? { claimed: claimed.to } : {}),
        };
        if (workedUntil === null) delete (details as { workedUntil?: string }).workedUntil;
        else if (workedUntil !== undefined) (details as { workedUntil?: string }).workedUntil = workedUntil;
        return { ...c, details, claimed: claimed ? claimed.to : c.claimed };
      });
    }
    case 'ClaimWithdrawn':
      return updateClaimant(state, event.data.claimantId, (c) => ({ ...c, withdrawn: true }));
    case 'EvidenceRecorded': {
      const { claimantId, evidenceId, kind, description } = event.data;
      return updateClaimant(state, claimantId, (c) => ({ ...c, evidence: [...c.evidence, { evidenceId, kind, description }] }));
    }
    case 'VerificationStarted':
      return { ...state, status: 'verifying' };
    case 'ClaimsVerified': {
      let next = state;
      for (const claim of event.data.claims) next = updateClaimant(next, claim.claimantId, (c) => ({ ...c, verified: claim.verified }));
      return next;
    }
    case 'VerificationCompleted':
      return { ...state, status: 'verified' };
    case 'NegotiationRecorded':
      return { ...state, status: 'negotiating' };
    case 'RecoveryPaymentRecorded': {
      const { paymentId, amount, paidOn, allocations, installmentId } = event.data;
      const next = payInstallment(moveMoney(state, allocations, (c, a) => ({ ...c, recovered: c.recovered + a.amount, reimbursed: c.reimbursed + (a as RecoveryAllocation).reimbursed })), installmentId, amount);
      return {
        ...next,
        payments: { ...state.payments, [paymentId]: { amount, paidOn, allocations, reversed: false, ...(installmentId ? { installmentId } : {}) } },
        firstRecoveryAt: state.firstRecoveryAt ?? event.data.recordedAt,
      };
    }
    case 'RecoveryPaymentReversed': {
      const { paymentId, allocations, amount } = event.data;
      const next = payInstallment(moveMoney(state, allocations, (c, a) => ({ ...c, recovered: c.recovered - a.amount, reimbursed: c.reimbursed - (a as RecoveryAllocation).reimbursed })), state.payments[paymentId]?.installmentId, -amount);
      const payments = { ...state.payments, [paymentId]: { ...state.payments[paymentId], reversed: true } };
      const anyLeft = Object.values(payments).some((p) => !p.reversed);
      return { ...next, payments, firstRecoveryAt: anyLeft ? state.firstRecoveryAt : null };
    }
    case 'MediationAgreementRecorded': {
      let next = state;
      for (const v of event.data.verifies) next = updateClaimant(next, v.claimantId, (c) => ({ ...c, verified: v.amount }));
      const expectedPayments = { ...state.expectedPayments };
      for (const i of event.data.installments) expectedPayments[i.installmentId] = { mediationCaseId: event.data.mediationCaseId, claimantId: i.claimantId, dueOn: i.dueOn, amount: i.amount, paid: 0 };
      return { ...next, expectedPayments };
    }
    case 'EmergencyAdvanceRequested': {
      const { advanceId, amount, allocations, reason, requestedAt, requestedBy } = event.data;
      return { ...state, advances: { ...state.advances, [advanceId]: { amount, allocations, status: 'requested', reason, requestedAt, ...(requestedBy ? { requestedBy } : {}) } } };
    }
    case 'EmergencyAdvanceApproved': {
      const { advanceId, allocations } = event.data;
      const next = moveMoney(state, allocations, (c, a) => ({ ...c, advanced: c.advanced + a.amount }));
      return { ...next, advances: { ...state.advances, [advanceId]: { ...state.advances[advanceId], status: 'approved' } } };
    }
    case 'EmergencyAdvanceRejected':
      return { ...state, advances: { ...state.advances, [event.data.advanceId]: { ...state.advances[event.data.advanceId], status: 'rejected' } } };
    case 'EmergencyAdvanceReversed': {
      const { advanceId, allocations } = event.data;
      const next = moveMoney(state, allocations, (c, a) => ({ ...c, advanced: c.advanced - a.amount }));
      return { ...next, advances: { ...state.advances, [advanceId]: { ...state.advances[advanceId], status: 'reversed' } } };
    }
    case 'CaseReferred': {
      const { referralId, target, referredOn, acceptDueOn, mediation } = event.data;
      const referral: ReferralRecord = { target, referredOn, acceptDueOn, acceptedOn: null, concludeDueOn: null, extended: false, concludedOn: null, outcome: null, ...(mediation ? { mediation } : {}) };
      return { ...state, referrals: { ...state.referrals, [referralId]: referral } };
    }
    case 'ReferralAccepted':
      return updateReferral(state, event.data.referralId, (r) => ({ ...r, acceptedOn: event.data.acceptedOn, concludeDueOn: event.data.concludeDueOn }));
    case 'ReferralExtended':
      return updateReferral(state, event.data.referralId, (r) => ({ ...r, concludeDueOn: event.data.concludeDueOn, extended: true }));
    case 'DeadlinesRecomputed':
      return event.data.deadlines.reduce(
        (next, d) => updateReferral(next, d.referralId, (r) => (d.deadline === 'accept' ? { ...r, acceptDueOn: d.dueOn } : { ...r, concludeDueOn: d.dueOn })),
        state,
      );
    case 'ReferralConcluded':
      return updateReferral(state, event.data.referralId, (r) => ({ ...r, concludedOn: event.data.concludedOn, outcome: event.data.outcome }));
    case 'UnrecoverableClosureRequested':
      return { ...state, pendingClosure: { requestId: event.data.requestId, reason: event.data.reason, requestedAt: event.data.requestedAt, ...(event.data.requestedBy ? { requestedBy: event.data.requestedBy } : {}) } };
    case 'UnrecoverableClosureRejected':
      return { ...state, pendingClosure: null };
    case 'WageCaseClosed':
      return {
        ...state,
        status: 'closed',
        statusBeforeClosing: state.status,
        pendingClosure: null,
        closure: { outcome: event.data.outcome, closedAt: event.data.closedAt, reason: event.data.reason },
      };
    case 'WageCaseReopened':
      return { ...state, status: state.statusBeforeClosing ?? 'negotiating', closure: null, timesReopened: state.timesReopened + 1 };
    // Events of other contexts on the case's stream (attachments, libs/attachments) leave the case as it is.
    default:
      return state;
  }
}

function updateClaimant(state: WageCaseState, claimantId: string, change: (claimant: ClaimantLedger) => ClaimantLedger): WageCaseState {
  const claimant = state.claimants[claimantId];
  if (!claimant) return state;
  return { ...state, claimants: { ...state.claimants, [claimantId]: change(claimant) } };
}

function moveMoney<A extends Allocation>(state: WageCaseState, allocations: readonly A[], change: (claimant: ClaimantLedger, allocation: A) => ClaimantLedger): WageCaseState {
  const claimants = { ...state.claimants };
  for (const allocation of allocations) {
    const claimant = claimants[allocation.claimantId];
    if (claimant) claimants[allocation.claimantId] = change(claimant, allocation);
  }
  return { ...state, claimants };
}

function updateReferral(state: WageCaseState, referralId: string, change: (referral: ReferralRecord) => ReferralRecord): WageCaseState {
  const referral = state.referrals[referralId];
  if (!referral) return state;
  return { ...state, referrals: { ...state.referrals, [referralId]: change(referral) } };
}

function payInstallment(state: WageCaseState, installmentId: string | undefined, amount: Fen): WageCaseState {
  const expected = installmentId ? state.expectedPayments[installmentId] : undefined;
  if (!expected) return state;
  return { ...state, expectedPayments: { ...state.expectedPayments, [installmentId!]: { ...expected, paid: expected.paid + amount } } };
}
