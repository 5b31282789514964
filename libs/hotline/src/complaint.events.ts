import type { DomainEvent } from '#decider';
import type { Caller, Classification, ClosureKind, DeadlineStep, Employer, RepeatMatch, UrgentReason } from './complaint.values.js';
import type {
  ChannelCode,
  ContactMethodCode,
  ResolutionOutcomeCode,
  ReturnReasonCode,
  SatisfactionCode,
  UrgencyCode,
} from './reference-data.js';

/** Instants in events are ISO-8601 UTC strings. Deadlines are recorded as decided, never recomputed. */
type Instant = string;

export type ComplaintReceived = DomainEvent<'ComplaintReceived', {
  readonly complaintId: string;
  readonly channel: ChannelCode;
  readonly externalReference?: string;
  readonly caller: Caller;
  readonly workersAffected: number;
  /** Absent for a policy question or other call about no employer (`employer-rule.ts`). */
  readonly employer?: Employer;
  readonly urgency: UrgencyCode;
  readonly safetyRisk: boolean;
  readonly summary: string;
  readonly receivedAt: Instant;
  readonly receivingUnitId: string;
  /** Brought in from a legacy 12351 system (旧工单导入): the sheet and its row (libs/hotline/src/legacy). */
  readonly imported?: { readonly batch: string; readonly row: number };
}>;

export type ComplaintClassified = DomainEvent<'ComplaintClassified', Classification & { readonly classifiedAt: Instant }>;

export type ComplaintAnsweredOnTheSpot = DomainEvent<'ComplaintAnsweredOnTheSpot', { readonly answer: string; readonly answeredAt: Instant }>;

export type ComplaintAssigned = DomainEvent<'ComplaintAssigned', {
  readonly unitId: string;
  readonly instructions?: string;
  readonly assignedAt: Instant;
  readonly urgent: boolean;
  readonly urgentReasons: readonly UrgentReason[];
  readonly signForDueAt: Instant;
  /** `null` when the caller left no phone number to contact. */
  readonly firstContactDueAt: Instant | null;
  readonly resolveDueAt: Instant;
}>;

export type ComplaintSignedFor = DomainEvent<'ComplaintSignedFor', { readonly unitId: string; readonly signedForAt: Instant; readonly onTime: boolean }>;

export type ComplaintReturned = DomainEvent<'ComplaintReturned', {
  /** The unit that returned it. */
  readonly unitId: string;
  readonly reason: ReturnReasonCode;
  readonly explanation?: string;
  readonly returnedAt: Instant;
  /** Where it went back: the unit that handed it down, else the receiving unit (so on events recorded before it was kept). */
  readonly toUnitId?: string;
}>;

/**
 * 逐级下派: the unit that signed for the order passes it to a unit below it. The handling round goes
 * on — its first-contact and resolve deadlines and its extension stand — and the receiving unit has its
 * own sign-for limit. A return sends it back to `fromUnitId`; a resolution reports up the same chain.
 */
export type ComplaintHandedDown = DomainEvent<'ComplaintHandedDown', {
  readonly fromUnitId: string;
  readonly unitId: string;
  readonly instructions?: string;
  readonly handedDownAt: Instant;
  readonly signForDueAt: Instant;
}>;

export type CallerContacted = DomainEvent<'CallerContacted', {
  readonly reached: boolean;
  readonly method?: ContactMethodCode;
  readonly summary: string;
  readonly contactedAt: Instant;
  /** The first attempt of the handling round: the one the first-contact limit measures. */
  readonly firstAttempt: boolean;
  /** Whether the first attempt met the first-contact limit; `null` for later attempts or without a limit. */
  readonly onTime: boolean | null;
}>;

export type ComplaintNoteAdded = DomainEvent<'ComplaintNoteAdded', { readonly text: string; readonly addedAt: Instant }>;

export type ResolutionDeadlineExtended = DomainEvent<'ResolutionDeadlineExtended', {
  readonly workingDays: number;
  readonly reason: string;
  readonly previousDueAt: Instant;
  readonly resolveDueAt: Instant;
  readonly extendedAt: Instant;
}>;

export type ExtensionRequested = DomainEvent<'ExtensionRequested', {
  readonly requestId: string;
  readonly workingDays: number;
  readonly reason: string;
  readonly requestedAt: Instant;
  /** Who asked (user id): they may not decide it (four eyes). Absent on requests recorded before it was kept. */
  readonly requestedBy?: string;
}>;

/** Followed, in the same decision, by the `ResolutionDeadlineExtended` it grants. */
export type ExtensionRequestApproved = DomainEvent<'ExtensionRequestApproved', { readonly requestId: string; readonly reason?: string; readonly decidedAt: Instant }>;

export type ExtensionRequestRejected = DomainEvent<'ExtensionRequestRejected', { readonly requestId: string; readonly reason: string; readonly decidedAt: Instant }>;

export type ComplaintResolved = DomainEvent<'ComplaintResolved', {
  readonly unitId: string;
  readonly outcome: ResolutionOutcomeCode;
  readonly summary: string;
  readonly resolvedAt: Instant;
  /** The deadline this resolution was measured against, extension included. */
  readonly resolveDueAt: Instant;
  readonly onTime: boolean;
  /** `null` when the caller left no phone number to call back. */
  readonly followUpDueAt: Instant | null;
}>;

export type FollowUpRecorded = DomainEvent<'FollowUpRecorded', {
  readonly reached: boolean;
  readonly satisfaction?: SatisfactionCode;
  readonly comment?: string;
  readonly followedUpAt: Instant;
  readonly firstAttempt: boolean;
  /** Whether the first attempt met the follow-up limit; `null` for later attempts or without a limit. */
  readonly onTime: boolean | null;
}>;

export type ComplaintClosed = DomainEvent<'ComplaintClosed', { readonly closedAt: Instant; readonly via: ClosureKind; readonly reason?: string }>;

export type ComplaintReopened = DomainEvent<'ComplaintReopened', {
  readonly reason: string;
  readonly reopenedAt: Instant;
  readonly unitId: string;
  readonly resolveDueAt: Instant;
}>;

export type ComplaintFlaggedAsRepeat = DomainEvent<'ComplaintFlaggedAsRepeat', {
  readonly repeatOf: string;
  readonly matchedOn: readonly RepeatMatch[];
  readonly flaggedAt: Instant;
}>;

export type ComplaintMergedInto = DomainEvent<'ComplaintMergedInto', { readonly targetComplaintId: string; readonly mergedAt: Instant; readonly reason?: string }>;

export type RepeatCallAttached = DomainEvent<'RepeatCallAttached', { readonly repeatComplaintId: string; readonly attachedAt: Instant }>;

/** The complaint opened a linked case of another kind (a wage case). */
/** `wage_case`: an arrears complaint opens a wage case; `hardship_application`: a hardship-help complaint becomes an application for a file. */
export type ComplaintEscalated = DomainEvent<'ComplaintEscalated', {
  readonly kind: 'wage_case' | 'hardship_application' | 'mediation_case';
  readonly caseId: string;
  readonly summary?: string;
  readonly escalatedAt: Instant;
  /** For a mediation case: the room, and what the caller claims. */
  readonly mediation?: { readonly roomId: string; readonly claims: readonly { readonly item: string; readonly amount: number }[] };
}>;

/** The linked case closed: its outcome, as the complaint records it. */
export type LinkedCaseConcluded = DomainEvent<'LinkedCaseConcluded', {
  readonly kind: 'wage_case' | 'mediation_case';
  readonly caseId: string;
  readonly outcome: string;
  readonly summary: string;
  readonly concludedAt: Instant;
}>;

/**
 * Deadlines recounted on a corrected working calendar (a State Council notice entered, or a
 * correction of it), by the system. Each keeps its number of working days; the earlier values stay
 * in the events that set them.
 */
export type DeadlinesRecomputed = DomainEvent<'DeadlinesRecomputed', {
  readonly reason: string;
  readonly recomputedAt: Instant;
  readonly deadlines: readonly { readonly step: DeadlineStep; readonly previousDueAt: Instant; readonly dueAt: Instant }[];
}>;

export type ComplaintEvent =
  | ComplaintReceived
  | ComplaintClassified
  | ComplaintAnsweredOnTheSpot
  | ComplaintAssigned
  | ComplaintSignedFor
  | ComplaintReturned
  | ComplaintHandedDown
  | CallerContacted
  | ComplaintNoteAdded
  | ResolutionDeadlineExtended
  | ExtensionRequested
  | ExtensionRequestApproved
  | ExtensionRequestRejected
  | ComplaintResolved
  | FollowUpRecorded
  | ComplaintClosed
  | ComplaintReopened
  | ComplaintFlaggedAsRepeat
  | ComplaintMergedInto
  | RepeatCallAttached
  | ComplaintEscalated
  | LinkedCaseConcluded
  | DeadlinesRecomputed;

export type ComplaintEventType = ComplaintEvent['type'];
