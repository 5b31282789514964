import type { DomainEvent } from '#decider';
import type { LocalDate } from '#calendar';
import type { Fen } from '#money';
import type { AidDelivery, CadreLevel, CancellationReason, HardshipCause, HardshipLevel, HeadOfHousehold, HouseholdMember } from './hardship.values.js';

type Instant = string;

export type FileSource = { readonly kind: 'application' } | { readonly kind: 'screening' } | { readonly kind: 'complaint'; readonly complaintId: string };

export type HardshipApplicationReceived = DomainEvent<'HardshipApplicationReceived', {
  readonly fileId: string;
  readonly source: FileSource;
  readonly head: HeadOfHousehold;
  readonly members: readonly HouseholdMember[];
  /** The district (administrative code) and the unit that keeps the file (a district union or a station). */
  readonly district: string;
  readonly unitId: string;
  readonly causes: readonly HardshipCause[];
  /** Declared at application; the home visit verifies it. */
  readonly monthlyHouseholdIncome: Fen;
  readonly receivedAt: Instant;
  /** The household's size when its members are not listed (a file brought in from a legacy registry). */
  readonly householdSize?: number;
  /** Set for files brought in from a legacy registry: their original dates are kept. */
  readonly imported?: { readonly batch: string; readonly row: number };
}>;

/** 入户核查: the family's consent to an income check is a condition of the visit being recorded at all. */
export type HomeVisitRecorded = DomainEvent<'HomeVisitRecorded', {
  readonly visitedOn: LocalDate;
  readonly consentToIncomeCheck: true;
  readonly findings: string;
  readonly monthlyHouseholdIncome: Fen;
  readonly householdSize: number;
  readonly incomePerHead: Fen;
  /** The local minimum-living line (低保线) per head and month, for the district and year, when the visit was recorded. */
  readonly line: Fen;
}>;

export type PublicNoticeStarted = DomainEvent<'PublicNoticeStarted', { readonly startedOn: LocalDate; readonly endsOn: LocalDate }>;
export type ObjectionRecorded = DomainEvent<'ObjectionRecorded', { readonly objectionId: string; readonly summary: string; readonly receivedOn: LocalDate }>;
export type ObjectionResolved = DomainEvent<'ObjectionResolved', { readonly objectionId: string; readonly upheld: boolean; readonly resolution: string; readonly resolvedOn: LocalDate }>;

/** `requestedBy`: who asked (user id), who may not decide it (four eyes); absent on requests recorded before it was kept. */
export type RegistrationRequested = DomainEvent<'RegistrationRequested', { readonly requestId: string; readonly level: HardshipLevel; readonly causes: readonly HardshipCause[]; readonly requestedAt: Instant; readonly requestedBy?: string }>;
export type FileRegistered = DomainEvent<'FileRegistered', {
  readonly requestId: string;
  readonly level: HardshipLevel;
  readonly causes: readonly HardshipCause[];
  readonly registeredOn: LocalDate;
  readonly nextReviewDue: LocalDate;
  readonly reason: string;
}>;
export type RegistrationRejected = DomainEvent<'RegistrationRejected', { readonly requestId: string; readonly reason: string; readonly rejectedOn: LocalDate }>;

/** 移交: the file is kept by another unit from now on (a family moved, or a station took it over). */
export type FileTransferred = DomainEvent<'FileTransferred', {
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly fromDistrict: string;
  readonly toDistrict: string;
  readonly transferredOn: LocalDate;
  readonly reason: string;
}>;

export type CadreAssigned = DomainEvent<'CadreAssigned', { readonly level: CadreLevel; readonly userId: string; readonly previousUserId: string | null; readonly reason?: string }>;
export type MonthlyIncomeRecorded = DomainEvent<'MonthlyIncomeRecorded', { readonly month: string; readonly incomePerHead: Fen; readonly line: Fen }>;
export type AidDelivered = DomainEvent<'AidDelivered', AidDelivery & { readonly deliveryId: string }>;
export type AidDeliveryReversed = DomainEvent<'AidDeliveryReversed', { readonly deliveryId: string; readonly reason: string }>;
export type MicroWishRaised = DomainEvent<'MicroWishRaised', { readonly wishId: string; readonly description: string; readonly raisedOn: LocalDate }>;
export type MicroWishFulfilled = DomainEvent<'MicroWishFulfilled', { readonly wishId: string; readonly fulfilledOn: LocalDate; readonly deliveryId: string }>;

export type YearlyReviewRecorded = DomainEvent<'YearlyReviewRecorded', {
  readonly reviewedOn: LocalDate;
  readonly level: HardshipLevel;
  readonly previousLevel: HardshipLevel;
  readonly findings: string;
  readonly nextReviewDue: LocalDate;
}>;

export type LiftOutBasis = 'income_above_line' | 'stable_work';
/** `requestedBy`: as for a registration request (four eyes). */
export type LiftOutRequested = DomainEvent<'LiftOutRequested', { readonly requestId: string; readonly basis: LiftOutBasis; readonly evidence: string; readonly requestedAt: Instant; readonly requestedBy?: string }>;
export type FileLiftedOut = DomainEvent<'FileLiftedOut', {
  readonly requestId: string;
  readonly basis: LiftOutBasis;
  readonly liftedOn: LocalDate;
  /** 返贫监测: check-ins due during the twelve months that follow. */
  readonly checkInsDue: readonly LocalDate[];
  readonly followUpUntil: LocalDate;
  readonly reason: string;
}>;
export type LiftOutRejected = DomainEvent<'LiftOutRejected', { readonly requestId: string; readonly reason: string; readonly rejectedOn: LocalDate }>;
export type FileRelieved = DomainEvent<'FileRelieved', { readonly relievedOn: LocalDate; readonly reason: string }>;
export type FileCancelled = DomainEvent<'FileCancelled', { readonly cancelledOn: LocalDate; readonly reason: CancellationReason; readonly note: string; readonly duplicateOf?: string }>;
/**
 * 走访慰问: the union visits the family (besides the verification visit before registration and the
 * follow-up check-ins after a lift-out); counted among the home visits (走访) of the figures.
 */
export type FamilyVisitRecorded = DomainEvent<'FamilyVisitRecorded', { readonly visitId: string; readonly visitedOn: LocalDate; readonly note: string; readonly visitedBy: string }>;
export type FollowUpCheckInRecorded = DomainEvent<'FollowUpCheckInRecorded', { readonly checkedOn: LocalDate; readonly stable: boolean; readonly note: string }>;
/** 返困: a lifted family fell back; the file is active again. */
export type FileRelapsed = DomainEvent<'FileRelapsed', { readonly relapsedOn: LocalDate; readonly reason: string; readonly level: HardshipLevel; readonly nextReviewDue: LocalDate }>;

/** 提醒: pushed to the file's cadres ahead of a step falling due, and again once it is overdue. */
export type ReminderSent = DomainEvent<'ReminderSent', {
  readonly step: 'notice_end' | 'yearly_review' | 'follow_up_check_in';
  readonly dueOn: LocalDate;
  readonly overdue: boolean;
  /** The cadres (user ids) it went to. */
  readonly to: readonly string[];
}>;

/** The end of a running public notice recounted on a corrected working calendar, by the system (5 working days kept). */
export type HardshipDeadlinesRecomputed = DomainEvent<'DeadlinesRecomputed', {
  readonly reason: string;
  readonly recomputedAt: string;
  readonly deadlines: readonly { readonly deadline: 'notice_end'; readonly previousDueOn: LocalDate; readonly dueOn: LocalDate }[];
}>;

export type HardshipEvent =
  | HardshipApplicationReceived | HomeVisitRecorded | PublicNoticeStarted | ObjectionRecorded | ObjectionResolved
  | RegistrationRequested | FileRegistered | RegistrationRejected | FileTransferred | CadreAssigned | MonthlyIncomeRecorded
  | AidDelivered | AidDeliveryReversed | MicroWishRaised | MicroWishFulfilled | YearlyReviewRecorded
  | LiftOutRequested | FileLiftedOut | LiftOutRejected | FileRelieved | FileCancelled | FamilyVisitRecorded | FollowUpCheckInRecorded | FileRelapsed | ReminderSent
  | HardshipDeadlinesRecomputed;

export type HardshipEventType = HardshipEvent['type'];
