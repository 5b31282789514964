import { caseNumberOf } from '#case-numbers';
import { shanghaiDateOf } from '#calendar';
import type { RecordedEvent } from '#event-store';
import type { OrgUnits } from '#identity';
import {
  agreementRemaining, daysLeft, deadlineStanding, installmentRemaining, MEDIATION_STATUS_LABELS, type MediationLimits, type SessionHeld,
} from '#mediation';
import { maskSensitiveFields } from '#personal-data';
import { foldMediationCase } from './mediation-case-fold.js';

/** The parties' addresses are people's addresses here (ADR 0007), masked like their phones and ID numbers. */
export const PARTIES = { addresses: true } as const;

/**
 * `GET /api/mediation-cases/:id` — and the case as of a past moment (`…/as-of`), from the events
 * recorded by then, its deadline judged on `now`'s day: built for the mediator at the table, parties
 * masked, sessions with their minutes, period, agreement and payments.
 */
export function mediationCaseView(id: string, events: readonly RecordedEvent[], context: { orgUnits: OrgUnits; limits: MediationLimits; now: Date }) {
  const state = foldMediationCase(events);
  const today = shanghaiDateOf(context.now);
  const minutes = new Map(events.filter((e) => e.type === 'SessionHeld').map((e) => [(e.data as SessionHeld['data']).sessionId, (e.data as SessionHeld['data']).minutes]));
  return {
    id, caseNumber: caseNumberOf(events[0]), version: events.length, status: state.status, statusLabel: MEDIATION_STATUS_LABELS[state.status], source: state.source, cause: state.cause,
    roomId: state.roomId, roomName: context.orgUnits.find(state.roomId!)?.name ?? state.roomId, referredOn: state.referredOn,
    ...maskSensitiveFields({ applicants: state.applicants, respondent: state.respondent }, PARTIES),
    claims: state.claims, summary: state.summary, acceptedOn: state.acceptedOn, deadlineBasis: state.deadlineBasis, periodDays: state.periodDays,
    extensionDays: state.extensionDays, deadline: state.deadline, daysLeft: daysLeft(state, today), deadlineStanding: deadlineStanding(state, today, context.limits),
    mediator: state.mediator,
    sessions: Object.entries(state.sessions).map(([sessionId, s]) => ({ sessionId, ...s, minutes: minutes.get(sessionId) ?? null })).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    agreement: state.agreement,
    installments: Object.entries(state.installments).map(([installmentId, i]) => ({ ...i, installmentId, remaining: installmentRemaining(i), overdue: i.dueOn < today && installmentRemaining(i) > 0 })),
    payments: Object.entries(state.payments).map(([paymentId, p]) => ({ paymentId, ...p })),
    unpaid: agreementRemaining(state), confirmation: state.confirmation, ended: state.ended,
  };
}
