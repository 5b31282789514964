import type { CalendarDayChange, LocalDate } from '#calendar';
import type { Fen } from './money.js';
import type { Allocation, CaseSource, ChainParty, ExpectedInstallment, ClaimantDetails, ClosureOutcome, EvidenceKind, ReferralTarget, Respondent } from './wage-case.values.js';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** 立案: a case against an employer or a project, owned by the opening unit. */
export type OpenWageCase = Command<'OpenWageCase', {
  readonly caseId: string;
  readonly source: CaseSource;
  readonly respondent: Respondent;
  readonly summary: string;
  readonly unitId: string;
}>;

/**
 * 登记工程项目及责任链: the case is about a construction project (its name and chain 建设单位 → 总包 →
 * 分包 → 班组长) — for a case opened against one employer, as an escalated complaint's is. A reason
 * is needed when it corrects a chain already recorded.
 */
export type RecordProjectChain = Command<'RecordProjectChain', {
  readonly projectName: string;
  readonly chain: readonly ChainParty[];
  readonly reason?: string;
}>;

/** One claimant or hundreds at once (a pasted or uploaded list): all or none are added. */
export type AddClaimants = Command<'AddClaimants', { readonly claimants: readonly ClaimantDetails[] }>;

/** Corrects a claim (amount, work period, contact); the reason is recorded. */
export type AmendClaim = Command<'AmendClaim', {
  readonly claimantId: string;
  readonly claimed?: Fen;
  readonly workedFrom?: LocalDate;
  readonly workedUntil?: LocalDate | null;
  readonly phone?: string;
  readonly reason: string;
}>;

export type WithdrawClaim = Command<'WithdrawClaim', { readonly claimantId: string; readonly reason: string }>;

export type RecordEvidence = Command<'RecordEvidence', {
  readonly claimantId: string;
  readonly evidenceId: string;
  readonly kind: EvidenceKind;
  readonly description: string;
}>;

/** 核实: moves the case into verification. */
export type StartVerification = Command<'StartVerification', Record<string, never>>;

/**
 * The amounts found owed, for one claimant or many at once; verifying a claimant again corrects the
 * earlier amount and needs a reason.
 */
export type VerifyClaims = Command<'VerifyClaims', {
  readonly claims: readonly { readonly claimantId: string; readonly verified: Fen; readonly basis: string }[];
  readonly reason?: string;
}>;

/** Every remaining claim has a verified amount: the case is verified. */
export type CompleteVerification = Command<'CompleteVerification', Record<string, never>>;

/** 协调: a round of union–employer coordination, with what was said and agreed. */
export type RecordNegotiation = Command<'RecordNegotiation', { readonly summary: string; readonly promisedBy?: LocalDate }>;

/** 追回: money the employer paid, allocated to claimants; allocations add up to the amount. */
export type RecordRecoveryPayment = Command<'RecordRecoveryPayment', {
  readonly paymentId: string;
  readonly amount: Fen;
  readonly paidOn: LocalDate;
  readonly payer: string;
  readonly allocations: readonly Allocation[];
  /** Paid under a mediation agreement: the installment it pays, and where it was first recorded. */
  readonly installmentId?: string;
  readonly source?: 'wage_case' | 'mediation';
}>;

export type ReverseRecoveryPayment = Command<'ReverseRecoveryPayment', { readonly paymentId: string; readonly reason: string }>;

/** 应急周转金垫付: asked for by the caseworker, paid only once a supervisor approves it. */
export type RequestEmergencyAdvance = Command<'RequestEmergencyAdvance', {
  readonly advanceId: string;
  readonly allocations: readonly Allocation[];
  readonly reason: string;
}>;

export type DecideEmergencyAdvance = Command<'DecideEmergencyAdvance', { readonly advanceId: string; readonly approve: boolean; readonly reason: string }>;

export type ReverseEmergencyAdvance = Command<'ReverseEmergencyAdvance', { readonly advanceId: string; readonly reason: string }>;

/** 移送: labour inspection, arbitration, court, payment order, legal aid or mediation. */
export type ReferCase = Command<'ReferCase', {
  readonly referralId: string;
  readonly target: ReferralTarget;
  readonly referredOn: LocalDate;
  readonly note?: string;
  /** To one of the union's own mediation rooms: the room, and the id of the mediation case it opens there. */
  readonly mediation?: { readonly roomId: string; readonly mediationCaseId: string };
}>;

/** 调解协议回流: the agreement reached in a linked mediation case, whose schedule the case then expects to be paid. */
export type RecordMediationAgreement = Command<'RecordMediationAgreement', {
  readonly mediationCaseId: string;
  readonly agreedOn: LocalDate;
  readonly installments: readonly ExpectedInstallment[];
}>;

export type RecordReferralAccepted = Command<'RecordReferralAccepted', { readonly referralId: string; readonly acceptedOn: LocalDate }>;

/** The statutory extension (labour inspection +30 working days, arbitration +15 days). */
export type ExtendReferral = Command<'ExtendReferral', { readonly referralId: string; readonly reason: string }>;

export type RecordReferralOutcome = Command<'RecordReferralOutcome', { readonly referralId: string; readonly concludedOn: LocalDate; readonly outcome: string }>;

/** 结案 as fully recovered, partly recovered or withdrawn; "unrecoverable" goes through a supervisor. */
export type CloseWageCase = Command<'CloseWageCase', { readonly outcome: Exclude<ClosureOutcome, 'unrecoverable'>; readonly reason: string }>;

export type RequestUnrecoverableClosure = Command<'RequestUnrecoverableClosure', { readonly requestId: string; readonly reason: string }>;

export type DecideUnrecoverableClosure = Command<'DecideUnrecoverableClosure', { readonly requestId: string; readonly approve: boolean; readonly reason: string }>;

export type ReopenWageCase = Command<'ReopenWageCase', { readonly reason: string }>;

/** Recount the referrals' open working-day deadlines after the calendar changed on `changes` (system only). */
export type RecomputeWageCaseDeadlines = Command<'RecomputeDeadlines', { readonly reason: string; readonly changes: readonly CalendarDayChange[] }>;

export type WageCaseCommand =
  | OpenWageCase
  | RecordProjectChain
  | AddClaimants
  | AmendClaim
  | WithdrawClaim
  | RecordEvidence
  | StartVerification
  | VerifyClaims
  | CompleteVerification
  | RecordNegotiation
  | RecordRecoveryPayment
  | ReverseRecoveryPayment
  | RequestEmergencyAdvance
  | DecideEmergencyAdvance
  | ReverseEmergencyAdvance
  | ReferCase
  | RecordMediationAgreement
  | RecordReferralAccepted
  | ExtendReferral
  | RecordReferralOutcome
  | CloseWageCase
  | RequestUnrecoverableClosure
  | DecideUnrecoverableClosure
  | ReopenWageCase
  | RecomputeWageCaseDeadlines;

export type WageCaseCommandType = WageCaseCommand['type'];
