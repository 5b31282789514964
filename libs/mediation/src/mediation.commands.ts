import type { LocalDate } from '#calendar';
import type { Fen } from '#money';
import type { AgreedItem, Applicant, Claim, Consent, DisputeCause, Installment, PaymentSource, ReferralSource, Respondent, SessionMode, WithdrawnBy } from './mediation.values.js';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** An ISO-8601 instant, e.g. `2026-04-10T09:00:00+08:00`; events hold it in UTC. */
type Instant = string;

/** 转入: a court (委派/委托) or the union (a wage case, a complaint) sends a labour dispute to a room. */
export type ReferCase = Command<'ReferCase', {
  readonly caseId: string;
  readonly source: ReferralSource;
  /** 案由. Optional so that older API clients keep working; the console always asks for it. */
  readonly cause?: DisputeCause;
  /** The mediation room (org unit) that is to handle it. */
  readonly roomId: string;
  readonly referredOn: LocalDate;
  readonly applicants: readonly Applicant[];
  readonly respondent: Respondent;
  readonly claims: readonly Claim[];
  readonly summary: string;
}>;

export type AcceptCase = Command<'AcceptCase', { readonly acceptedOn: LocalDate }>;
/** 不予受理: the case goes back to the court (or the union) with the reason. */
export type DeclineCase = Command<'DeclineCase', { readonly reason: string; readonly declinedOn: LocalDate }>;
/** The first assignment, or a change of mediator (then with a reason). */
export type AssignMediator = Command<'AssignMediator', { readonly mediatorId: string; readonly mediatorName: string; readonly reason?: string }>;

export type ScheduleSession = Command<'ScheduleSession', {
  readonly sessionId: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly mode: SessionMode;
  readonly location?: string;
  readonly attendees: readonly string[];
}>;
export type RescheduleSession = Command<'RescheduleSession', { readonly sessionId: string; readonly startsAt: Instant; readonly endsAt: Instant; readonly reason: string }>;
/** 调解笔录: the session took place; its minutes and who attended. */
export type RecordSessionHeld = Command<'RecordSessionHeld', { readonly sessionId: string; readonly minutes: string; readonly attendees: readonly string[] }>;
export type CancelSession = Command<'CancelSession', { readonly sessionId: string; readonly reason: string }>;

/** 延长调解期限: 委派 and union referrals only, with both sides' consent recorded. */
export type ExtendDeadline = Command<'ExtendDeadline', { readonly days: number; readonly reason: string; readonly consents: readonly Consent[] }>;

/** 调解协议: terms, the amounts agreed and the payment schedule (which adds up to them). */
export type RecordAgreement = Command<'RecordAgreement', {
  readonly agreedOn: LocalDate;
  readonly effectiveOn: LocalDate;
  readonly terms: string;
  readonly items: readonly AgreedItem[];
  readonly schedule: readonly Installment[];
}>;
/** 申请司法确认: the court defaults to the referring court. */
export type RequestJudicialConfirmation = Command<'RequestJudicialConfirmation', { readonly requestedOn: LocalDate; readonly court?: string }>;
export type RecordJudicialConfirmation = Command<'RecordJudicialConfirmation', {
  readonly decidedOn: LocalDate;
  readonly granted: boolean;
  /** 民事裁定书 number: required when granted. */
  readonly rulingNumber?: string;
  /** Required when refused. */
  readonly reason?: string;
}>;
export type RecordAgreedPayment = Command<'RecordAgreedPayment', {
  readonly paymentId: string;
  readonly installmentId: string;
  readonly paidOn: LocalDate;
  readonly amount: Fen;
  /** `wage_case` when the payment was recorded in the linked wage case and flows in from there. Default `mediation`. */
  readonly source?: PaymentSource;
}>;
export type MarkInstallmentDefaulted = Command<'MarkInstallmentDefaulted', { readonly installmentId: string; readonly reason: string }>;

/** 调解不成: the content of the feedback letter to the court. */
export type RecordFailure = Command<'RecordFailure', {
  readonly failedOn: LocalDate;
  readonly undisputedFacts: readonly string[];
  readonly disputedPoints: readonly string[];
  readonly note?: string;
  /** Why no session was held (一方拒绝调解…): required when none was, refused when one was. */
  readonly noSessionReason?: string;
}>;
export type WithdrawCase = Command<'WithdrawCase', { readonly withdrawnOn: LocalDate; readonly reason: string; readonly by: WithdrawnBy }>;

export type MediationCommand =
  | ReferCase | AcceptCase | DeclineCase | AssignMediator
  | ScheduleSession | RescheduleSession | RecordSessionHeld | CancelSession | ExtendDeadline
  | RecordAgreement | RequestJudicialConfirmation | RecordJudicialConfirmation | RecordAgreedPayment | MarkInstallmentDefaulted
  | RecordFailure | WithdrawCase;

export type MediationCommandType = MediationCommand['type'];
