import type { ComplaintEvent } from './complaint.events.js';
import type { ComplaintStatus } from './complaint.status.js';
import type { Classification, ComplaintLink, DeadlineStep } from './complaint.values.js';
import type { ReturnReasonCode, SatisfactionCode, UrgencyCode } from './reference-data.js';
import { wasShredded } from './personal-data.js';

/** A unit above the one holding the order in a 下派 chain: where a return sends it back. */
export interface UnitAbove {
  readonly unitId: string;
  readonly assignedAt: string;
  readonly signForDueAt: string;
  readonly signedForAt?: string;
}

/**
 * One assignment to a unit and its deadlines; a reopen continues it with a fresh resolve deadline. A
 * hand-down (下派) passes it to a unit below: `unitId`, `assignedAt`, the sign-for deadline and
 * `signedForAt` are the holder's, the rest belongs to the round and goes on.
 */
export interface HandlingRound {
  readonly unitId: string;
  readonly assignedAt: string;
  readonly urgent: boolean;
  readonly signForDueAt: string;
  readonly firstContactDueAt: string | null;
  /** The current resolve deadline, extension included. */
  readonly resolveDueAt: string;
  /** Where the resolve deadline is counted from: the assignment, or the latest reopening. */
  readonly resolveCountedFrom?: string;
  readonly extensionsUsed: number;
  readonly signedForAt?: string;
  readonly contactAttempts: number;
  /** The units that handed it down, the city's assignee first (absent: nobody handed it down). */
  readonly handedDownFrom?: readonly UnitAbove[];
}

/**
 * What decisions need to know. It holds no personal data: the caller's details stay in the events
 * (protected by the application); the state only knows whether there is a phone number to call.
 */
export interface ComplaintState {
  readonly status: ComplaintStatus;
  readonly complaintId?: string;
  readonly receivingUnitId?: string;
  readonly callerContactable: boolean;
  readonly workersAffected: number;
  readonly urgency: UrgencyCode;
  readonly safetyRisk: boolean;
  readonly classification?: Classification;
  readonly round?: HandlingRound;
  /** The latest return: who returned it, why, and to which unit (cleared by the next assignment). */
  readonly lastReturn?: { readonly unitId: string; readonly reason: ReturnReasonCode; readonly toUnitId?: string };
  /** A policy question or other call taken without an employer (`employer-rule.ts`). */
  readonly employerMissing?: boolean;
  readonly resolvedAt?: string;
  readonly followUpDueAt: string | null;
  readonly followUpAttempts: number;
  readonly lastSatisfaction?: SatisfactionCode;
  readonly reopenCount: number;
  readonly repeatOf: readonly string[];
  readonly mergedInto?: string;
  readonly attachedRepeats: readonly string[];
  readonly links: readonly ComplaintLink[];
  /** The caller gave no name (匿名): no file can be opened in their name. */
  readonly anonymousCaller?: boolean;
  /** A unit's request for more time, waiting for a supervisor (审批). */
  readonly pendingExtension?: { readonly requestId: string; readonly workingDays: number; readonly reason: string; readonly requestedBy?: string };
}

export const initialComplaintState: ComplaintState = {
  status: 'none',
  callerContactable: false,
  workersAffected: 0,
  urgency: 'normal',
  safetyRisk: false,
  followUpDueAt: null,
  followUpAttempts: 0,
  reopenCount: 0,
  repeatOf: [],
  attachedRepeats: [],
  links: [],
};

export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  switch (event.type) {
    case 'ComplaintReceived': {
      const { complaintId, receivingUnitId, caller, workersAffected, urgency, safetyRisk } = event.data;
      return {
        ...state, status: 'received', complaintId, receivingUnitId, callerContactable: !!caller.phone || wasShredded(event.data, 'caller.phone'),
        anonymousCaller: caller.anonymous, workersAffected, urgency, safetyRisk, ...(event.data.employer ? {} : { employerMissing: true }),
      };
    }
    case 'ComplaintClassified': {
      const { category, subcategory, type } = event.data;
      return { ...state, status: state.status === 'received' ? 'classified' : state.status, classification: { category, subcategory, type } };
    }
    case 'ComplaintAnsweredOnTheSpot':
      return state;
    case 'ComplaintAssigned': {
      const { unitId, assignedAt, urgent, signForDueAt, firstContactDueAt, resolveDueAt } = event.data;
      const round: HandlingRound = { unitId, assignedAt, urgent, signForDueAt, firstContactDueAt, resolveDueAt, resolveCountedFrom: assignedAt, extensionsUsed: 0, contactAttempts: 0 };
      return { ...state, status: 'assigned', round, lastReturn: undefined };
    }
    case 'ComplaintHandedDown':
      return { ...state, status: 'assigned', round: handedDown(state.round!, event.data), lastReturn: undefined };
    case 'ComplaintSignedFor':
      return { ...state, status: 'in_progress', round: { ...state.round!, signedForAt: event.data.signedForAt } };
    case 'ComplaintReturned': {
      const { unitId, reason, toUnitId } = event.data;
      return { ...state, status: 'returned', round: backUp(state.round), lastReturn: { unitId, reason, ...(toUnitId ? { toUnitId } : {}) } };
    }
    case 'CallerContacted':
      // A unit an order came back to (退回) takes it up again itself by contacting the caller.
      return { ...state, status: state.status === 'returned' ? 'in_progress' : state.status, round: { ...state.round!, contactAttempts: state.round!.contactAttempts + 1 } };
    case 'ComplaintNoteAdded':
      return state;
    case 'ResolutionDeadlineExtended':
      return { ...state, round: { ...state.round!, resolveDueAt: event.data.resolveDueAt, extensionsUsed: state.round!.extensionsUsed + 1 } };
    case 'ExtensionRequested': {
      const { requestId, workingDays, reason, requestedBy } = event.data;
      return { ...state, pendingExtension: { requestId, workingDays, reason, ...(requestedBy ? { requestedBy } : {}) } };
    }
    case 'ExtensionRequestApproved':
    case 'ExtensionRequestRejected':
      return { ...state, pendingExtension: undefined };
    case 'ComplaintResolved':
      return { ...state, status: 'resolved', resolvedAt: event.data.resolvedAt, followUpDueAt: event.data.followUpDueAt };
    case 'FollowUpRecorded': {
      const { reached, satisfaction } = event.data;
      return {
        ...state,
        status: reached ? 'followed_up' : state.status,
        followUpAttempts: state.followUpAttempts + 1,
        lastSatisfaction: reached ? satisfaction : state.lastSatisfaction,
      };
    }
    case 'ComplaintClosed':
      return { ...state, status: 'closed' };
    case 'ComplaintReopened':
      return {
        ...state,
        status: 'in_progress',
        round: { ...state.round!, resolveDueAt: event.data.resolveDueAt, resolveCountedFrom: event.data.reopenedAt, extensionsUsed: 0 },
        resolvedAt: undefined,
        followUpDueAt: null,
        followUpAttempts: 0,
        lastSatisfaction: undefined,
        reopenCount: state.reopenCount + 1,
      };
    case 'ComplaintFlaggedAsRepeat':
      return { ...state, repeatOf: [...state.repeatOf, event.data.repeatOf] };
    case 'ComplaintMergedInto':
      return { ...state, status: 'merged', mergedInto: event.data.targetComplaintId };
    case 'RepeatCallAttached':
      return { ...state, attachedRepeats: [...state.attachedRepeats, event.data.repeatComplaintId] };
    case 'ComplaintEscalated':
      return { ...state, links: [...state.links, { kind: event.data.kind, id: event.data.caseId, linkedAt: event.data.escalatedAt }] };
    case 'DeadlinesRecomputed':
      return recomputedDeadlines(state, event.data.deadlines);
    case 'LinkedCaseConcluded': {
      const { kind, caseId, outcome, summary, concludedAt } = event.data;
      return { ...state, links: state.links.map((link) => (link.kind === kind && link.id === caseId ? { ...link, outcome: { outcome, summary, concludedAt } } : link)) };
    }
    // Events of other contexts on the case's stream (attachments, libs/attachments) leave the case as it is.
    default:
      return state;
  }
}

/** The round passed to a unit below: the holder's part is new, the round's deadlines go on. */
function handedDown(round: HandlingRound, data: { readonly unitId: string; readonly handedDownAt: string; readonly signForDueAt: string }): HandlingRound {
  const above: UnitAbove = { unitId: round.unitId, assignedAt: round.assignedAt, signForDueAt: round.signForDueAt, ...(round.signedForAt ? { signedForAt: round.signedForAt } : {}) };
  const { signedForAt: _signedBefore, ...rest } = round;
  return { ...rest, unitId: data.unitId, assignedAt: data.handedDownAt, signForDueAt: data.signForDueAt, handedDownFrom: [...(round.handedDownFrom ?? []), above] };
}

/** After a return: the unit that handed it down holds it again; with nobody above, no unit holds it. */
function backUp(round: HandlingRound | undefined): HandlingRound | undefined {
  const above = round?.handedDownFrom?.at(-1);
  if (!round || !above) return undefined;
  const rest = round.handedDownFrom!.slice(0, -1);
  const { handedDownFrom: _chain, signedForAt: _signed, ...shared } = round;
  return { ...shared, ...above, ...(rest.length > 0 ? { handedDownFrom: rest } : {}) };
}

function recomputedDeadlines(state: ComplaintState, deadlines: readonly { readonly step: DeadlineStep; readonly dueAt: string }[]): ComplaintState {
  let next = state;
  for (const { step, dueAt } of deadlines) {
    if (step === 'follow_up') next = { ...next, followUpDueAt: dueAt };
    else if (next.round) {
      const field = step === 'sign_for' ? 'signForDueAt' : step === 'first_contact' ? 'firstContactDueAt' : 'resolveDueAt';
      next = { ...next, round: { ...next.round, [field]: dueAt } };
    }
  }
  return next;
}
