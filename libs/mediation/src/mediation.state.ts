import { daysBetween, type LocalDate } from '#calendar';
import { sumFen, type Fen } from '#money';
import type { CaseReference, MediationEvent } from './mediation.events.js';
import type { AgreedItem, Applicant, Claim, DeadlineBasis, DisputeCause, Installment, PaymentSource, ReferralSource, Respondent, SessionMode } from './mediation.values.js';

export type MediationStatus = 'none' | 'referred' | 'accepted' | 'in_mediation' | 'agreed' | 'failed' | 'declined' | 'withdrawn' | 'fulfilled';

export const MEDIATION_STATUS_LABELS: Readonly<Record<MediationStatus, string>> = {
  none: '未转入', referred: '待受理', accepted: '已受理', in_mediation: '调解中', agreed: '调解成功', failed: '调解不成',
  declined: '不予受理', withdrawn: '已撤回', fulfilled: '已履行完毕',
};

/** While the mediation period runs: accepted, with or without a mediator yet. */
export const MEDIATING: readonly MediationStatus[] = ['accepted', 'in_mediation'];

export interface SessionRecord {
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly startsAt: string;
  readonly endsAt: string;
  readonly mode: SessionMode;
  readonly location?: string;
  readonly attendees: readonly string[];
}

export interface InstallmentRecord extends Installment {
  readonly paid: Fen;
  readonly defaulted: boolean;
}

export interface PaymentRecord {
  readonly installmentId: string;
  readonly paidOn: LocalDate;
  readonly amount: Fen;
  readonly source: PaymentSource;
}

export interface AgreementRecord {
  readonly agreedOn: LocalDate;
  readonly effectiveOn: LocalDate;
  readonly terms: string;
  readonly items: readonly AgreedItem[];
  readonly agreedTotal: Fen;
  readonly confirmationWindowEndsOn: LocalDate;
  readonly fulfilledOn: LocalDate | null;
}

/** 司法确认: asked for, then granted or refused by the court. After a refusal the parties may ask again. */
export interface ConfirmationRecord {
  readonly status: 'requested' | 'granted' | 'refused';
  readonly requestedOn: LocalDate;
  readonly court: string;
  readonly decidedOn: LocalDate | null;
  readonly rulingNumber: string | null;
}

export interface MediationCaseState {
  readonly status: MediationStatus;
  readonly caseId: string | null;
  readonly source: ReferralSource | null;
  /** 案由; null for a case referred without one (before it was asked for, or by an older client). */
  readonly cause: DisputeCause | null;
  readonly roomId: string | null;
  readonly referredOn: LocalDate | null;
  readonly applicants: readonly Applicant[];
  readonly respondent: Respondent | null;
  readonly claims: readonly Claim[];
  readonly summary: string | null;
  readonly acceptedOn: LocalDate | null;
  readonly deadlineBasis: DeadlineBasis | null;
  readonly periodDays: number;
  readonly extensionDays: number;
  /** The last day of the mediation period, as recorded at acceptance and by each extension. */
  readonly deadline: LocalDate | null;
  readonly mediator: { readonly mediatorId: string; readonly mediatorName: string } | null;
  readonly sessions: Readonly<Record<string, SessionRecord>>;
  readonly agreement: AgreementRecord | null;
  readonly installments: Readonly<Record<string, InstallmentRecord>>;
  readonly payments: Readonly<Record<string, PaymentRecord>>;
  readonly confirmation: ConfirmationRecord | null;
  readonly ended: { readonly how: 'declined' | 'failed' | 'withdrawn'; readonly on: LocalDate } | null;
}

export const initialMediationCaseState: MediationCaseState = {
  status: 'none', caseId: null, source: null, cause: null, roomId: null, referredOn: null, applicants: [], respondent: null, claims: [], summary: null,
  acceptedOn: null, deadlineBasis: null, periodDays: 0, extensionDays: 0, deadline: null, mediator: null, sessions: {}, agreement: null,
  installments: {}, payments: {}, confirmation: null, ended: null,
};

export function evolveMediationCase(state: MediationCaseState, event: MediationEvent): MediationCaseState {
  switch (event.type) {
    case 'CaseReferred': {
      const { caseId, source, cause, roomId, referredOn, applicants, respondent, claims, summary } = event.data;
      return { ...state, status: 'referred', caseId, source, cause: cause ?? null, roomId, referredOn, applicants, respondent, claims, summary };
    }
    case 'CaseAccepted':
      return { ...state, status: 'accepted', acceptedOn: event.data.acceptedOn, deadlineBasis: event.data.basis, periodDays: event.data.periodDays, deadline: event.data.deadline };
    case 'CaseDeclined':
      return { ...state, status: 'declined', ended: { how: 'declined', on: event.data.declinedOn } };
    case 'MediatorAssigned':
    case 'MediatorReassigned':
      return { ...state, status: state.status === 'accepted' ? 'in_mediation' : state.status, mediator: { mediatorId: event.data.mediatorId, mediatorName: event.data.mediatorName } };
    case 'SessionScheduled': {
      const { sessionId, startsAt, endsAt, mode, location, attendees } = event.data;
      return withSession(state, sessionId, { status: 'scheduled', startsAt, endsAt, mode, ...(location ? { location } : {}), attendees });
    }
    case 'SessionRescheduled':
      return withSession(state, event.data.sessionId, { ...state.sessions[event.data.sessionId], startsAt: event.data.startsAt, endsAt: event.data.endsAt });
    case 'SessionHeld':
      return withSession(state, event.data.sessionId, { ...state.sessions[event.data.sessionId], status: 'held', attendees: event.data.attendees });
    case 'SessionCancelled':
      return withSession(state, event.data.sessionId, { ...state.sessions[event.data.sessionId], status: 'cancelled' });
    case 'DeadlineExtended':
      return { ...state, extensionDays: state.extensionDays + event.data.days, deadline: event.data.deadline };
    case 'AgreementReached': {
      const { agreedOn, effectiveOn, terms, items, agreedTotal, confirmationWindowEndsOn, schedule } = event.data;
      const installments = Object.fromEntries(schedule.map((i) => [i.installmentId, { ...i, paid: 0, defaulted: false }]));
      return { ...state, status: 'agreed', agreement: { agreedOn, effectiveOn, terms, items, agreedTotal, confirmationWindowEndsOn, fulfilledOn: null }, installments };
    }
    case 'JudicialConfirmationRequested':
      return { ...state, confirmation: { status: 'requested', requestedOn: event.data.requestedOn, court: event.data.court, decidedOn: null, rulingNumber: null } };
    case 'JudicialConfirmationGranted':
    case 'JudicialConfirmationRefused':
      return {
        ...state,
        confirmation: { ...state.confirmation!, status: event.type === 'JudicialConfirmationGranted' ? 'granted' : 'refused', decidedOn: event.data.decidedOn, rulingNumber: event.data.rulingNumber ?? null },
      };
    case 'AgreedPaymentRecorded': {
      const { paymentId, installmentId, paidOn, amount, source } = event.data;
      const installment = state.installments[installmentId];
      return {
        ...state,
        payments: { ...state.payments, [paymentId]: { installmentId, paidOn, amount, source } },
        installments: { ...state.installments, [installmentId]: { ...installment, paid: installment.paid + amount } },
      };
    }
    case 'InstallmentDefaulted':
      return { ...state, installments: { ...state.installments, [event.data.installmentId]: { ...state.installments[event.data.installmentId], defaulted: true } } };
    case 'AgreementFulfilled':
      return { ...state, status: 'fulfilled', agreement: state.agreement ? { ...state.agreement, fulfilledOn: event.data.fulfilledOn } : null };
    case 'MediationFailed':
      return { ...state, status: 'failed', ended: { how: 'failed', on: event.data.failedOn } };
    case 'CaseWithdrawn':
      return { ...state, status: 'withdrawn', ended: { how: 'withdrawn', on: event.data.withdrawnOn } };
    // Events of other contexts on the case's stream (attachments, libs/attachments) leave the case as it is.
    default:
      return state;
  }
}

function withSession(state: MediationCaseState, sessionId: string, session: SessionRecord): MediationCaseState {
  return { ...state, sessions: { ...state.sessions, [sessionId]: session } };
}

export function claimedTotal(state: Pick<MediationCaseState, 'claims'>): Fen {
  return sumFen(state.claims.map((c) => c.amount));
}

export function installmentRemaining(installment: InstallmentRecord): Fen {
  return installment.amount - installment.paid;
}

/** What the employer still owes under the agreement. */
export function agreementRemaining(state: MediationCaseState): Fen {
  return sumFen(Object.values(state.installments).map(installmentRemaining));
}

/** Days from `today` to the last day of a running mediation period (0 on the day itself, negative once overdue); null when none runs. */
export function daysLeft(state: MediationCaseState, today: LocalDate): number | null {
  if (!MEDIATING.includes(state.status) || state.deadline === null) return null;
  return daysBetween(today, state.deadline);
}

export function caseReference(state: MediationCaseState): CaseReference {
  return { caseId: state.caseId!, roomId: state.roomId!, source: state.source!, respondentName: state.respondent!.name };
}
