import type { CalendarDayChange } from '#calendar';
import type { Caller, Classification, Employer, RepeatMatch } from './complaint.values.js';
import type {
  ChannelCode,
  ContactMethodCode,
  ResolutionOutcomeCode,
  ReturnReasonCode,
  SatisfactionCode,
  UrgencyCode,
} from './reference-data.js';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** 受理. With a classification, the complaint is classified at once (two events). */
export type ReceiveComplaint = Command<'ReceiveComplaint', {
  readonly complaintId: string;
  readonly channel: ChannelCode;
  /** The provincial platform's order number; required for `provincial_platform`. */
  readonly externalReference?: string;
  readonly caller: Caller;
  readonly workersAffected: number;
  /** Left out only for the categories that may go without one (`employer-rule.ts`). */
  readonly employer?: Employer;
  readonly classification?: Classification;
  readonly urgency: UrgencyCode;
  readonly safetyRisk: boolean;
  readonly summary: string;
  readonly receivedAt: Date;
  readonly receivingUnitId: string;
}>;

/** Classify or reclassify (allowed until the complaint is resolved). */
export type ClassifyComplaint = Command<'ClassifyComplaint', Classification>;
/** 当场答复: answer a classified complaint at once, which closes it. */
export type AnswerOnTheSpot = Command<'AnswerOnTheSpot', { readonly answer: string }>;
/**
 * 转办/交办 to a unit; the deadlines of the round are computed now. Sent by the unit holding an order
 * it signed for, it is a 下派 to a unit below it (`ComplaintHandedDown`): the round goes on.
 */
export type AssignComplaint = Command<'AssignComplaint', { readonly unitId: string; readonly instructions?: string }>;
/** 签收, by a user of the assigned unit. */
export type SignForComplaint = Command<'SignForComplaint', Record<string, never>>;
/** 退回, by a user of the assigned unit, before signing for it. */
export type ReturnComplaint = Command<'ReturnComplaint', { readonly reason: ReturnReasonCode; readonly explanation?: string }>;
/** A call or visit to the caller, reached or not. */
export type RecordCallerContact = Command<'RecordCallerContact', { readonly reached: boolean; readonly method?: ContactMethodCode; readonly summary: string }>;
export type AddComplaintNote = Command<'AddComplaintNote', { readonly text: string }>;
/** 延期, by a supervisor, once per handling round. */
export type ExtendResolutionDeadline = Command<'ExtendResolutionDeadline', { readonly workingDays: number; readonly reason: string }>;
/** 申请延期, by the handling unit; a supervisor decides. `requestId` names the approval. */
export type RequestExtension = Command<'RequestExtension', { readonly requestId: string; readonly workingDays: number; readonly reason: string }>;
/** 审批延期: approve, or reject with a reason. */
export type DecideExtensionRequest = Command<'DecideExtensionRequest', { readonly requestId: string; readonly approve: boolean; readonly reason?: string }>;
/** 办结 */
export type ResolveComplaint = Command<'ResolveComplaint', { readonly outcome: ResolutionOutcomeCode; readonly summary: string }>;
/** 回访: satisfaction only when the caller was reached. */
export type RecordFollowUp = Command<'RecordFollowUp', {
  readonly reached: boolean;
  readonly satisfaction?: SatisfactionCode;
  readonly comment?: string;
}>;
/** 结案. Over a dissatisfied follow-up it needs a supervisor and a reason. */
export type CloseComplaint = Command<'CloseComplaint', { readonly reason?: string }>;
/** 重办, after a dissatisfied follow-up. */
export type ReopenComplaint = Command<'ReopenComplaint', { readonly reason: string }>;
/** 重复来电: this complaint repeats `repeatOf` (found by `findRepeatCall`). */
export type FlagAsRepeat = Command<'FlagAsRepeat', { readonly repeatOf: string; readonly matchedOn: readonly RepeatMatch[] }>;
/** Ends this repeat by merging it into the earlier order it was flagged against. */
export type MergeIntoEarlierComplaint = Command<'MergeIntoEarlierComplaint', { readonly targetComplaintId: string; readonly reason?: string }>;
/** The earlier order's side of a merge. */
export type AttachRepeatCall = Command<'AttachRepeatCall', { readonly repeatComplaintId: string }>;

/** 转为欠薪案件: the id of the wage case to open, linked to this complaint. */
export type EscalateToWageCase = Command<'EscalateToWageCase', { readonly wageCaseId: string; readonly summary?: string }>;

/** 转为困难职工建档申请: the id of the hardship file to open from this complaint. */
export type EscalateToHardshipApplication = Command<'EscalateToHardshipApplication', { readonly fileId: string; readonly summary?: string }>;

/** 转调解: a labour dispute the caller agrees to take to a court–union mediation room, with what they claim. */
export type EscalateToMediation = Command<'EscalateToMediation', {
  readonly mediationCaseId: string;
  readonly roomId: string;
  readonly claims: readonly { readonly item: string; readonly amount: number }[];
  readonly summary?: string;
}>;

/** A linked case's outcome, sent back by the process manager when that case closes. */
export type RecordLinkedCaseOutcome = Command<'RecordLinkedCaseOutcome', {
  readonly kind: 'wage_case' | 'mediation_case';
  readonly caseId: string;
  readonly outcome: string;
  readonly summary: string;
}>;

/** Recount the open working-day deadlines after the calendar changed on `changes` (system only). */
export type RecomputeComplaintDeadlines = Command<'RecomputeDeadlines', { readonly reason: string; readonly changes: readonly CalendarDayChange[] }>;

export type ComplaintCommand =
  | ReceiveComplaint
  | ClassifyComplaint
  | AnswerOnTheSpot
  | AssignComplaint
  | SignForComplaint
  | ReturnComplaint
  | RecordCallerContact
  | AddComplaintNote
  | ExtendResolutionDeadline
  | RequestExtension
  | DecideExtensionRequest
  | ResolveComplaint
  | RecordFollowUp
  | CloseComplaint
  | ReopenComplaint
  | FlagAsRepeat
  | MergeIntoEarlierComplaint
  | AttachRepeatCall
  | EscalateToWageCase
  | EscalateToHardshipApplication
  | EscalateToMediation
  | RecordLinkedCaseOutcome
  | RecomputeComplaintDeadlines;

export type ComplaintCommandType = ComplaintCommand['type'];
