import type { LocalDate } from '#calendar';
import type { DomainEvent } from '#decider';
import type { Fen } from '#money';
import type {
  AgreedItem, Applicant, Claim, Consent, DeadlineBasis, DisputeCause, Installment, PaymentSource, ReferralSource, Respondent, SessionMode, WithdrawnBy,
} from './mediation.values.js';

/** Instants in events are ISO-8601 UTC strings; deadlines are recorded as decided, never recomputed. */
type Instant = string;

/**
 * The heading of every letter and document of the case: court, case number (or the union case it
 * came from), room and employer. It holds no personal data, so the outcome events repeat it; the
 * workers themselves are named once, in `CaseReferred`, and referred to by `partyId` after that.
 */
export interface CaseReference {
  readonly caseId: string;
  readonly roomId: string;
  readonly source: ReferralSource;
  readonly respondentName: string;
}

export type CaseReferred = DomainEvent<'CaseReferred', {
  readonly caseId: string;
  readonly source: ReferralSource;
  /** 案由; absent in events recorded before it was asked for (documents then say 劳动争议). */
  readonly cause?: DisputeCause;
  readonly roomId: string;
  readonly referredOn: LocalDate;
  readonly applicants: readonly Applicant[];
  readonly respondent: Respondent;
  readonly claims: readonly Claim[];
  readonly claimedTotal: Fen;
  readonly summary: string;
  readonly referredAt: Instant;
}>;

/** 受理: the mediation period starts; its last day is recorded. */
export type CaseAccepted = DomainEvent<'CaseAccepted', { readonly acceptedOn: LocalDate; readonly basis: DeadlineBasis; readonly periodDays: number; readonly deadline: LocalDate }>;
export type CaseDeclined = DomainEvent<'CaseDeclined', { readonly reference: CaseReference; readonly reason: string; readonly declinedOn: LocalDate }>;

export type MediatorAssigned = DomainEvent<'MediatorAssigned', { readonly mediatorId: string; readonly mediatorName: string }>;
export type MediatorReassigned = DomainEvent<'MediatorReassigned', {
  readonly mediatorId: string;
  readonly mediatorName: string;
  readonly previousMediatorId: string;
  readonly previousMediatorName: string;
  readonly reason: string;
}>;

/** A booking of the room and the mediator: the same times are what other cases' sessions are checked against. */
export type SessionScheduled = DomainEvent<'SessionScheduled', {
  readonly sessionId: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly mode: SessionMode;
  readonly location?: string;
  readonly attendees: readonly string[];
  readonly roomId: string;
  readonly mediatorId: string;
}>;
export type SessionRescheduled = DomainEvent<'SessionRescheduled', {
  readonly sessionId: string;
  readonly previousStartsAt: Instant;
  readonly previousEndsAt: Instant;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly reason: string;
}>;
/** 调解笔录, with when and where the session took place and who mediated. */
export type SessionHeld = DomainEvent<'SessionHeld', {
  readonly sessionId: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly mode: SessionMode;
  readonly location?: string;
  readonly mediatorId: string;
  readonly mediatorName: string;
  readonly minutes: string;
  readonly attendees: readonly string[];
}>;
export type SessionCancelled = DomainEvent<'SessionCancelled', { readonly sessionId: string; readonly reason: string }>;

export type DeadlineExtended = DomainEvent<'DeadlineExtended', {
  readonly days: number;
  readonly reason: string;
  readonly consents: readonly Consent[];
  readonly previousDeadline: LocalDate;
  readonly deadline: LocalDate;
}>;

/** 调解协议: everything the agreement document and the linked wage case's expected payments need. */
export type AgreementReached = DomainEvent<'AgreementReached', {
  readonly reference: CaseReference;
  readonly mediatorId: string;
  readonly mediatorName: string;
  readonly agreedOn: LocalDate;
  readonly effectiveOn: LocalDate;
  readonly terms: string;
  readonly items: readonly AgreedItem[];
  readonly agreedTotal: Fen;
  readonly claimedTotal: Fen;
  readonly schedule: readonly Installment[];
  /** The last day the parties may apply for judicial confirmation. */
  readonly confirmationWindowEndsOn: LocalDate;
}>;

export type JudicialConfirmationRequested = DomainEvent<'JudicialConfirmationRequested', { readonly requestedOn: LocalDate; readonly court: string; readonly windowEndsOn: LocalDate }>;
export type JudicialConfirmationGranted = DomainEvent<'JudicialConfirmationGranted', { readonly decidedOn: LocalDate; readonly court: string; readonly rulingNumber: string }>;
export type JudicialConfirmationRefused = DomainEvent<'JudicialConfirmationRefused', { readonly decidedOn: LocalDate; readonly court: string; readonly reason: string; readonly rulingNumber?: string }>;

export type AgreedPaymentRecorded = DomainEvent<'AgreedPaymentRecorded', {
  readonly paymentId: string;
  readonly installmentId: string;
  readonly paidOn: LocalDate;
  readonly amount: Fen;
  readonly source: PaymentSource;
  readonly partyId?: string;
  /** Still unpaid on the installment, and on the whole agreement, after this payment. */
  readonly installmentRemaining: Fen;
  readonly agreementRemaining: Fen;
}>;
export type InstallmentDefaulted = DomainEvent<'InstallmentDefaulted', {
  readonly installmentId: string;
  readonly dueOn: LocalDate;
  readonly unpaid: Fen;
  readonly reason: string;
  readonly defaultedOn: LocalDate;
}>;
/** 履行完毕: every installment paid in full. */
export type AgreementFulfilled = DomainEvent<'AgreementFulfilled', { readonly fulfilledOn: LocalDate; readonly agreedTotal: Fen; readonly paidTotal: Fen }>;

/** 调解不成: the feedback letter to the court — undisputed facts, points in dispute, the claims as referred. */
export type MediationFailed = DomainEvent<'MediationFailed', {
  readonly reference: CaseReference;
  readonly mediatorId: string;
  readonly mediatorName: string;
  readonly failedOn: LocalDate;
  readonly undisputedFacts: readonly string[];
  readonly disputedPoints: readonly string[];
  readonly note?: string;
  /** Why mediation ended without a session (一方拒绝调解…); present only when `sessionsHeld` is 0 (absent in older events). */
  readonly noSessionReason?: string;
  readonly claims: readonly Claim[];
  readonly claimedTotal: Fen;
  readonly sessionsHeld: number;
}>;
export type CaseWithdrawn = DomainEvent<'CaseWithdrawn', { readonly reference: CaseReference; readonly withdrawnOn: LocalDate; readonly reason: string; readonly by: WithdrawnBy }>;

export type MediationEvent =
  | CaseReferred | CaseAccepted | CaseDeclined | MediatorAssigned | MediatorReassigned
  | SessionScheduled | SessionRescheduled | SessionHeld | SessionCancelled | DeadlineExtended
  | AgreementReached | JudicialConfirmationRequested | JudicialConfirmationGranted | JudicialConfirmationRefused
  | AgreedPaymentRecorded | InstallmentDefaulted | AgreementFulfilled | MediationFailed | CaseWithdrawn;

export type MediationEventType = MediationEvent['type'];
