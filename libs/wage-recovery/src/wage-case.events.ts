import type { DomainEvent } from '#decider';
import type { LocalDate } from '#calendar';
import type { Fen } from './money.js';
import type { Allocation, CaseSource, ExpectedInstallment, ClaimantDetails, ClosureOutcome, EvidenceKind, RecoveryAllocation, ReferralTarget, Respondent } from './wage-case.values.js';

/** Instants in events are ISO-8601 UTC strings; deadlines are recorded as decided, and moved only by a later event (`DeadlinesRecomputed`). */
type Instant = string;

export type WageCaseOpened = DomainEvent<'WageCaseOpened', {
  readonly caseId: string;
  readonly source: CaseSource;
  readonly respondent: Respondent;
  readonly summary: string;
  readonly unitId: string;
  readonly openedAt: Instant;
}>;

/** The case names a construction project and its chain from now on; `previous` is what it named before (an employer, or an earlier chain). */
export type ProjectChainRecorded = DomainEvent<'ProjectChainRecorded', {
  readonly respondent: Respondent;
  readonly previous: Respondent;
  readonly reason?: string;
  readonly recordedAt: Instant;
}>;

export type ClaimantsAdded = DomainEvent<'ClaimantsAdded', { readonly claimants: readonly ClaimantDetails[]; readonly addedAt: Instant }>;

/** Only the fields that changed, with the claim's amount before and after. */
export type ClaimAmended = DomainEvent<'ClaimAmended', {
  readonly claimantId: string;
  readonly claimed?: { readonly from: Fen; readonly to: Fen };
  readonly workedFrom?: LocalDate;
  readonly workedUntil?: LocalDate | null;
  readonly phone?: string;
  readonly reason: string;
  readonly amendedAt: Instant;
}>;

export type ClaimWithdrawn = DomainEvent<'ClaimWithdrawn', { readonly claimantId: string; readonly reason: string; readonly withdrawnAt: Instant }>;

export type EvidenceRecorded = DomainEvent<'EvidenceRecorded', {
  readonly claimantId: string;
  readonly evidenceId: string;
  readonly kind: EvidenceKind;
  readonly description: string;
  readonly recordedAt: Instant;
}>;

export type VerificationStarted = DomainEvent<'VerificationStarted', { readonly startedAt: Instant }>;

/** Each claim's verified amount and the one it replaces (a correction), or null for the first verification. */
export type ClaimsVerified = DomainEvent<'ClaimsVerified', {
  readonly claims: readonly { readonly claimantId: string; readonly verified: Fen; readonly previous: Fen | null; readonly basis: string }[];
  readonly reason?: string;
  readonly verifiedAt: Instant;
}>;

export type VerificationCompleted = DomainEvent<'VerificationCompleted', { readonly totalVerified: Fen; readonly completedAt: Instant }>;

export type NegotiationRecorded = DomainEvent<'NegotiationRecorded', { readonly summary: string; readonly promisedBy?: LocalDate; readonly recordedAt: Instant }>;

export type RecoveryPaymentRecorded = DomainEvent<'RecoveryPaymentRecorded', {
  readonly paymentId: string;
  readonly amount: Fen;
  readonly paidOn: LocalDate;
  readonly payer: string;
  readonly allocations: readonly RecoveryAllocation[];
  readonly recordedAt: Instant;
  /** Paid under a mediation agreement (see `MediationAgreementRecorded`), first recorded here or in the mediation case. */
  readonly installmentId?: string;
  readonly source?: 'wage_case' | 'mediation';
}>;

/** The payment's effect taken back in full (its allocations and reimbursements), with the reason. */
export type RecoveryPaymentReversed = DomainEvent<'RecoveryPaymentReversed', {
  readonly paymentId: string;
  readonly amount: Fen;
  readonly allocations: readonly RecoveryAllocation[];
  readonly reason: string;
  readonly reversedAt: Instant;
}>;

export type EmergencyAdvanceRequested = DomainEvent<'EmergencyAdvanceRequested', {
  readonly advanceId: string;
  readonly amount: Fen;
  readonly allocations: readonly Allocation[];
  readonly reason: string;
  readonly requestedAt: Instant;
  /** Who asked (user id): they may not decide it (four eyes). Absent on requests recorded before it was kept. */
  readonly requestedBy?: string;
}>;

/** Approval pays the advance out of the fund (垫付). */
export type EmergencyAdvanceApproved = DomainEvent<'EmergencyAdvanceApproved', {
  readonly advanceId: string;
  readonly amount: Fen;
  readonly allocations: readonly Allocation[];
  readonly reason: string;
  readonly approvedAt: Instant;
}>;

export type EmergencyAdvanceRejected = DomainEvent<'EmergencyAdvanceRejected', { readonly advanceId: string; readonly reason: string; readonly rejectedAt: Instant }>;

export type EmergencyAdvanceReversed = DomainEvent<'EmergencyAdvanceReversed', {
  readonly advanceId: string;
  readonly amount: Fen;
  readonly allocations: readonly Allocation[];
  readonly reason: string;
  readonly reversedAt: Instant;
}>;

export type CaseReferred = DomainEvent<'CaseReferred', {
  readonly referralId: string;
  readonly target: ReferralTarget;
  readonly referredOn: LocalDate;
  readonly note?: string;
  /** The day the body must accept by, when the law sets one. */
  readonly acceptDueOn: LocalDate | null;
  /** To one of the union's own mediation rooms: the mediation case it opens there. */
  readonly mediation?: { readonly roomId: string; readonly mediationCaseId: string };
}>;

/**
 * The agreement of a linked mediation case: its schedule is expected to be paid here, and a worker's
 * amount not yet verified is taken as verified at the agreed amount (an agreement settles it).
 */
export type MediationAgreementRecorded = DomainEvent<'MediationAgreementRecorded', {
  readonly mediationCaseId: string;
  readonly referralId: string;
  readonly agreedOn: LocalDate;
  readonly installments: readonly ExpectedInstallment[];
  readonly verifies: readonly { readonly claimantId: string; readonly amount: Fen }[];
}>;

export type ReferralAccepted = DomainEvent<'ReferralAccepted', { readonly referralId: string; readonly acceptedOn: LocalDate; readonly concludeDueOn: LocalDate | null }>;

export type ReferralExtended = DomainEvent<'ReferralExtended', { readonly referralId: string; readonly previousDueOn: LocalDate; readonly concludeDueOn: LocalDate; readonly reason: string }>;

export type ReferralConcluded = DomainEvent<'ReferralConcluded', { readonly referralId: string; readonly concludedOn: LocalDate; readonly outcome: string }>;

/** `requestedBy`: who asked (user id), who may not decide it (four eyes); absent on requests recorded before it was kept. */
export type UnrecoverableClosureRequested = DomainEvent<'UnrecoverableClosureRequested', { readonly requestId: string; readonly reason: string; readonly requestedAt: Instant; readonly requestedBy?: string }>;

export type UnrecoverableClosureRejected = DomainEvent<'UnrecoverableClosureRejected', { readonly requestId: string; readonly reason: string; readonly rejectedAt: Instant }>;

/** The case's totals at closing, so the outcome can be read without the ledger. */
export type WageCaseClosed = DomainEvent<'WageCaseClosed', {
  readonly outcome: ClosureOutcome;
  readonly reason: string;
  readonly closedAt: Instant;
  readonly totals: { readonly claimed: Fen; readonly verified: Fen; readonly recovered: Fen; readonly advanced: Fen; readonly reimbursed: Fen };
}>;

export type WageCaseReopened = DomainEvent<'WageCaseReopened', { readonly reason: string; readonly reopenedAt: Instant }>;

/**
 * Referral deadlines recounted on a corrected working calendar (a State Council notice entered, or
 * corrected), by the system; each keeps its number of working days.
 */
export type WageCaseDeadlinesRecomputed = DomainEvent<'DeadlinesRecomputed', {
  readonly reason: string;
  readonly recomputedAt: Instant;
  readonly deadlines: readonly { readonly referralId: string; readonly deadline: 'accept' | 'conclude'; readonly previousDueOn: LocalDate; readonly dueOn: LocalDate }[];
}>;

export type WageCaseEvent =
  | WageCaseOpened
  | ProjectChainRecorded
  | ClaimantsAdded
  | ClaimAmended
  | ClaimWithdrawn
  | EvidenceRecorded
  | VerificationStarted
  | ClaimsVerified
  | VerificationCompleted
  | NegotiationRecorded
  | RecoveryPaymentRecorded
  | RecoveryPaymentReversed
  | MediationAgreementRecorded
  | EmergencyAdvanceRequested
  | EmergencyAdvanceApproved
  | EmergencyAdvanceRejected
  | EmergencyAdvanceReversed
  | CaseReferred
  | ReferralAccepted
  | ReferralExtended
  | ReferralConcluded
  | UnrecoverableClosureRequested
  | UnrecoverableClosureRejected
  | WageCaseClosed
  | WageCaseReopened
  | WageCaseDeadlinesRecomputed;

export type WageCaseEventType = WageCaseEvent['type'];
