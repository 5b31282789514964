import type { ComplaintEvent } from './complaint.events.js';
import type { ComplaintStatus } from './complaint.status.js';
import type { Classification, ComplaintLink, DeadlineStep } from './complaint.values.js';
import type { ReturnReasonCode, SatisfactionCode, UrgencyCode } from './reference-data.js';
import { wasShredded } from './personal-data.js';

/** One assignment to a unit and its deadlines; a reopen continues it with a fresh resolve deadline. */
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
  readonly lastReturn?: { readonly unitId: string; readonly reason: ReturnReasonCode };
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
      return { ...state, status: 'received', complaintId, receivingUnitId, callerContactable: !!caller.phone || wasShredded(event.data, 'caller.phone'), anonymousCaller: caller.anonymous, workersAffected, urgency, safetyRisk };
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
      return { ...state, status: 'assigned', round };
    }
    case 'ComplaintSignedFor':
      return { ...state, status: 'in_progress', round: { ...state.round!, signedForAt: event.data.signedForAt } };
    case 'ComplaintReturned':
      return { ...state, status: 'returned', round: undefined, lastReturn: { unitId: event.data.unitId, reason: event.data.reason } };
    case 'CallerContacted':
      return { ...state, round: { ...state.round!, contactAttempts: state.round!.contactAttempts + 1 } };
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
  }
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
