import type { CalendarDayChange, LocalDate } from '#calendar';
import type { Fen } from '#money';
import type { FileSource, LiftOutBasis } from './hardship.events.js';
import type { AidType, CadreLevel, CancellationReason, HardshipCause, HardshipLevel, HeadOfHousehold, HouseholdMember } from './hardship.values.js';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type ReceiveApplication = Command<'ReceiveApplication', {
  readonly fileId: string;
  readonly source: FileSource;
  readonly head: HeadOfHousehold;
  readonly members: readonly HouseholdMember[];
  readonly district: string;
  readonly unitId: string;
  readonly causes: readonly HardshipCause[];
  readonly monthlyHouseholdIncome: Fen;
}>;
export type RecordHomeVisit = Command<'RecordHomeVisit', {
  readonly visitedOn: LocalDate;
  readonly consentToIncomeCheck: boolean;
  readonly findings: string;
  readonly monthlyHouseholdIncome: Fen;
}>;
export type StartPublicNotice = Command<'StartPublicNotice', { readonly startedOn: LocalDate }>;
export type RecordObjection = Command<'RecordObjection', { readonly objectionId: string; readonly summary: string; readonly receivedOn: LocalDate }>;
export type ResolveObjection = Command<'ResolveObjection', { readonly objectionId: string; readonly upheld: boolean; readonly resolution: string; readonly resolvedOn: LocalDate }>;
export type RequestRegistration = Command<'RequestRegistration', { readonly requestId: string; readonly level: HardshipLevel; readonly causes: readonly HardshipCause[] }>;
export type DecideRegistration = Command<'DecideRegistration', { readonly requestId: string; readonly approve: boolean; readonly reason: string }>;
/** The gateway names the receiving unit and its district (from the org tree, which the decider does not know). */
export type TransferFile = Command<'TransferFile', { readonly toUnitId: string; readonly toDistrict: string; readonly reason: string }>;
export type AssignCadre = Command<'AssignCadre', { readonly level: CadreLevel; readonly userId: string; readonly reason?: string }>;
export type RecordMonthlyIncome = Command<'RecordMonthlyIncome', { readonly month: string; readonly monthlyHouseholdIncome: Fen }>;
export type DeliverAid = Command<'DeliverAid', {
  readonly deliveryId: string;
  readonly type: AidType;
  readonly deliveredOn: LocalDate;
  readonly amount: Fen;
  readonly inKind?: string;
  readonly fundingSource: string;
  /** The household members reached (0 the head, k the k-th listed member); absent: the head only. */
  readonly reached?: readonly number[];
  /** Recorded in one step with many files (批量发放, aid-campaign.ts). */
  readonly campaignId?: string;
}>;
export type ReverseAidDelivery = Command<'ReverseAidDelivery', { readonly deliveryId: string; readonly reason: string }>;
export type RaiseMicroWish = Command<'RaiseMicroWish', { readonly wishId: string; readonly description: string; readonly raisedOn: LocalDate }>;
export type FulfilMicroWish = Command<'FulfilMicroWish', { readonly wishId: string; readonly fulfilledOn: LocalDate; readonly amount: Fen; readonly fundingSource: string }>;
export type RecordYearlyReview = Command<'RecordYearlyReview', { readonly reviewedOn: LocalDate; readonly level: HardshipLevel; readonly findings: string }>;
export type RequestLiftOut = Command<'RequestLiftOut', { readonly requestId: string; readonly basis: LiftOutBasis; readonly evidence: string }>;
export type DecideLiftOut = Command<'DecideLiftOut', { readonly requestId: string; readonly approve: boolean; readonly reason: string }>;
export type RecordRelief = Command<'RecordRelief', { readonly relievedOn: LocalDate; readonly reason: string }>;
export type CancelFile = Command<'CancelFile', { readonly cancelledOn: LocalDate; readonly reason: CancellationReason; readonly note: string; readonly duplicateOf?: string }>;
/** 走访慰问: a visit to the family; `visitedBy` names who went (the union's people, free text). */
export type RecordFamilyVisit = Command<'RecordFamilyVisit', { readonly visitId: string; readonly visitedOn: LocalDate; readonly note: string; readonly visitedBy: string }>;
export type RecordFollowUpCheckIn = Command<'RecordFollowUpCheckIn', { readonly checkedOn: LocalDate; readonly stable: boolean; readonly note: string }>;
export type RecordRelapse = Command<'RecordRelapse', { readonly relapsedOn: LocalDate; readonly reason: string; readonly level: HardshipLevel }>;

/** Sent by the reminder sweep (no user): the decider judges whether a reminder is due and to whom. */
export type SendReminder = Command<'SendReminder', { readonly step: 'notice_end' | 'yearly_review' | 'follow_up_check_in'; readonly dueOn: LocalDate }>;

/** Recount the public notice's end after the calendar changed on `changes` (system only). */
export type RecomputeHardshipDeadlines = Command<'RecomputeDeadlines', { readonly reason: string; readonly changes: readonly CalendarDayChange[] }>;

export type HardshipCommand =
  | ReceiveApplication | RecordHomeVisit | StartPublicNotice | RecordObjection | ResolveObjection | RequestRegistration | DecideRegistration | TransferFile
  | AssignCadre | RecordMonthlyIncome | DeliverAid | ReverseAidDelivery | RaiseMicroWish | FulfilMicroWish | RecordYearlyReview
  | RequestLiftOut | DecideLiftOut | RecordRelief | CancelFile | RecordFamilyVisit | RecordFollowUpCheckIn | RecordRelapse | SendReminder
  | RecomputeHardshipDeadlines;
