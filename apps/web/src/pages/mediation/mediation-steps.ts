import { formatYuan, shanghaiToday } from '../../format';
import { fenToYuanInput, parseYuan } from '../../yuan';
import { listed, text, type StepField, type StepSpec } from '../hardship/step-spec';
import { WITHDRAWN_BY, type Installment, type MediationCase, type Session } from './mediation-types';
import { dayOf, shanghaiInstant, timeOfDay } from './week';

/** `/api/mediation-cases/:id` plus the step's own path. */
export const mediationPath = (id: string, rest = '') => `/api/mediation-cases/${encodeURIComponent(id)}${rest}`;
const part = (id: string) => encodeURIComponent(id);
const today = () => shanghaiToday();
const PREFIX = 'med-field-';

const date = (name: string, label: StepField['label']): StepField => ({ name, label, kind: 'date', required: true });
const reason = (label: StepField['label']): StepField => ({ name: 'reason', label, kind: 'textarea', required: true });
/** A step of the case: its fields are `med-field-<name>`. */
const step = (spec: StepSpec): StepSpec => ({ fieldPrefix: PREFIX, ...spec });

/** The two consents of an extension, in the order they are sent: the applicant side, then the respondent side. */
const CONSENT_FIELDS: Record<string, string> = {
  'consents.0.name': 'applicantName', 'consents.0.consentedOn': 'applicantConsentedOn',
  'consents.1.name': 'respondentName', 'consents.1.consentedOn': 'respondentConsentedOn',
};

/** The steps of a mediation case (DOMAIN.md §4), each the form the room fills in after doing it. */
export const mediationSteps = {
  accept: (kase: MediationCase): StepSpec => step({
    id: 'accept', title: 'med.action.accept', submit: 'med.action.accept', path: mediationPath(kase.id, '/accept'), intro: 'med.accept.intro',
    fields: [date('acceptedOn', 'med.f.acceptedOn')], initial: { acceptedOn: today() },
  }),
  decline: (kase: MediationCase): StepSpec => step({
    id: 'decline', title: 'med.action.decline', submit: 'med.action.decline', danger: true, path: mediationPath(kase.id, '/decline'), intro: 'med.decline.intro',
    fields: [date('declinedOn', 'med.f.declinedOn'), reason('med.f.declineReason')], initial: { declinedOn: today() },
  }),
  /**
   * A mediator of the room, picked by name among the room's mediators (`GET /api/users/pickable`);
   * a mediator assigns themselves by default; a replacement needs a reason.
   */
  mediator: (kase: MediationCase, me: { id: string; role: string }): StepSpec => step({
    id: 'mediator', title: kase.mediator ? 'med.action.reassign' : 'med.action.assign', submit: 'common.save', path: mediationPath(kase.id, '/mediator'),
    fields: [
      { name: 'mediatorId', label: 'med.f.mediatorId', kind: 'user', required: true, hint: 'med.f.mediatorIdHint', picker: { role: 'mediator', unit: kase.roomId } },
      ...(kase.mediator ? [reason('med.f.reassignReason')] : []),
    ],
    initial: { mediatorId: me.role === 'mediator' && kase.mediator?.mediatorId !== me.id ? me.id : '' },
  }),
  /** 延长调解期限: 委派 (and union referrals) only, with both parties' consent. */
  extension: (kase: MediationCase): StepSpec => step({
    id: 'extension', title: 'med.action.extension', submit: 'med.action.extension', path: mediationPath(kase.id, '/extension'), intro: 'med.extension.intro',
    introParams: { deadline: kase.deadline ?? '—' },
    fields: [
      { name: 'days', label: 'med.f.extensionDays', kind: 'text', required: true, hint: 'med.f.extensionDaysHint' },
      reason('med.f.extensionReason'),
      { name: 'applicantName', label: 'med.f.applicantConsent', kind: 'text', required: true },
      date('applicantConsentedOn', 'med.f.applicantConsentedOn'),
      { name: 'respondentName', label: 'med.f.respondentConsent', kind: 'text', required: true },
      date('respondentConsentedOn', 'med.f.respondentConsentedOn'),
    ],
    initial: { applicantConsentedOn: today(), respondentConsentedOn: today(), respondentName: kase.respondent.representative ?? '' },
    toBody: (v) => ({
      days: /^\d+$/.test(text(v.days)) ? Number(text(v.days)) : text(v.days), reason: text(v.reason),
      consents: [
        { party: 'applicant', name: text(v.applicantName), consentedOn: text(v.applicantConsentedOn) },
        { party: 'respondent', name: text(v.respondentName), consentedOn: text(v.respondentConsentedOn) },
      ],
    }),
    placeError: (field) => CONSENT_FIELDS[field] ?? null,
  }),
  withdrawal: (kase: MediationCase): StepSpec => step({
    id: 'withdrawal', title: 'med.action.withdrawal', submit: 'med.action.withdrawal', danger: true, path: mediationPath(kase.id, '/withdrawal'),
    fields: [
      date('withdrawnOn', 'med.f.withdrawnOn'),
      { name: 'by', label: 'med.f.withdrawnBy', kind: 'select', required: true, options: { codes: WITHDRAWN_BY, labelPrefix: 'med.withdrawnBy.' } },
      reason('med.f.withdrawalReason'),
    ],
    initial: { withdrawnOn: today(), by: '' },
  }),
  /**
   * 调解不成: what the feedback letter tells the court — the facts both sides accept and the points still
   * in dispute; with no session held, why none was (the API refuses the failure without it).
   */
  failure: (kase: MediationCase): StepSpec => {
    const noSession = !kase.sessions.some((s) => s.status === 'held');
    return step({
      id: 'failure', title: 'med.action.failure', submit: 'med.action.failure', path: mediationPath(kase.id, '/failure'), intro: 'med.failure.intro',
      fields: [
        date('failedOn', 'med.f.failedOn'),
        ...(noSession ? [{ name: 'noSessionReason', label: 'med.f.noSessionReason', kind: 'textarea', required: true, hint: 'med.f.noSessionReasonHint' } satisfies StepField] : []),
        { name: 'undisputedFacts', label: 'med.f.undisputedFacts', kind: 'list', required: true, hint: 'med.f.listHint' },
        { name: 'disputedPoints', label: 'med.f.disputedPoints', kind: 'list', required: true, hint: 'med.f.listHint' },
        { name: 'note', label: 'med.f.failureNote', kind: 'textarea' },
      ],
      initial: { failedOn: today(), undisputedFacts: [''], disputedPoints: [''] },
      toBody: (v) => ({
        failedOn: text(v.failedOn), undisputedFacts: listed(v.undisputedFacts), disputedPoints: listed(v.disputedPoints),
        ...(text(v.note) ? { note: text(v.note) } : {}), ...(noSession ? { noSessionReason: text(v.noSessionReason) } : {}),
      }),
    });
  },
  reschedule: (kase: MediationCase, session: Session): StepSpec => step({
    id: 'reschedule', title: 'med.action.reschedule', submit: 'common.save', path: mediationPath(kase.id, `/sessions/${part(session.sessionId)}/reschedule`),
    fields: [
      date('day', 'med.f.sessionDay'),
      { name: 'startTime', label: 'med.f.startTime', kind: 'time', required: true },
      { name: 'endTime', label: 'med.f.endTime', kind: 'time', required: true },
      reason('med.f.rescheduleReason'),
    ],
    initial: { day: dayOf(session.startsAt), startTime: timeOfDay(session.startsAt), endTime: timeOfDay(session.endsAt) },
    toBody: (v) => ({ startsAt: shanghaiInstant(text(v.day), text(v.startTime)), endsAt: shanghaiInstant(text(v.day), text(v.endTime)), reason: text(v.reason) }),
    placeError: (field) => (field === 'startsAt' ? 'startTime' : field === 'endsAt' ? 'endTime' : null),
  }),
  cancelSession: (kase: MediationCase, session: Session): StepSpec => step({
    id: 'cancel-session', title: 'med.action.cancelSession', submit: 'med.action.cancelSession', danger: true,
    path: mediationPath(kase.id, `/sessions/${part(session.sessionId)}/cancel`), fields: [reason('med.f.cancelReason')],
  }),
  /** 申请司法确认: within 30 days of the agreement taking effect, to the referring court unless said otherwise. */
  confirmationRequest: (kase: MediationCase): StepSpec => step({
    id: 'confirmation-request', title: 'med.action.confirmationRequest', submit: 'med.action.confirmationRequest', path: mediationPath(kase.id, '/confirmation-requests'),
    intro: 'med.confirmation.intro', introParams: { until: kase.agreement?.confirmationWindowEndsOn ?? '—' },
    fields: [date('requestedOn', 'med.f.requestedOn'), { name: 'court', label: 'med.f.confirmationCourt', kind: 'text', required: true }],
    initial: { requestedOn: today(), court: kase.source.kind === 'court' ? kase.source.court : '' },
  }),
  confirmation: (kase: MediationCase): StepSpec => step({
    id: 'confirmation', title: 'med.action.confirmation', submit: 'common.save', path: mediationPath(kase.id, '/confirmation'),
    fields: [
      date('decidedOn', 'med.f.decidedOn'),
      { name: 'outcome', label: 'med.f.confirmationOutcome', kind: 'select', required: true, options: { codes: ['granted', 'refused'], labelPrefix: 'med.confirmation.' } },
      { name: 'rulingNumber', label: 'med.f.rulingNumber', kind: 'text', hint: 'med.f.rulingNumberHint' },
      { name: 'reason', label: 'med.f.refusalReason', kind: 'textarea', hint: 'med.f.refusalReasonHint' },
    ],
    initial: { decidedOn: today(), outcome: '' },
    toBody: (v) => ({
      decidedOn: text(v.decidedOn), granted: text(v.outcome) === 'granted',
      ...(text(v.rulingNumber) ? { rulingNumber: text(v.rulingNumber) } : {}), ...(text(v.reason) ? { reason: text(v.reason) } : {}),
    }),
    placeError: (field) => (field === 'granted' ? 'outcome' : null),
  }),
  /** 履行: a payment against one installment; the amount still owed is offered. */
  payment: (kase: MediationCase, installment: Installment, number: number): StepSpec => step({
    id: 'payment', title: 'med.action.payment', submit: 'common.save', path: mediationPath(kase.id, '/payments'), intro: 'med.payment.intro',
    introParams: { n: number, due: installment.dueOn, amount: formatYuan(installment.amount), remaining: formatYuan(installment.remaining) },
    fields: [date('paidOn', 'med.f.paidOn'), { name: 'amount', label: 'med.f.paidAmount', kind: 'yuan', required: true, hint: 'med.f.yuanHint' }],
    initial: { paidOn: today(), amount: fenToYuanInput(installment.remaining) },
    toBody: (v) => ({ installmentId: installment.installmentId, paidOn: text(v.paidOn), amount: parseYuan(text(v.amount)) }),
  }),
  defaultInstallment: (kase: MediationCase, installment: Installment, number: number): StepSpec => step({
    id: 'default', title: 'med.action.default', submit: 'med.action.default', danger: true,
    path: mediationPath(kase.id, `/installments/${part(installment.installmentId)}/default`), intro: 'med.default.intro',
    introParams: { n: number, due: installment.dueOn, remaining: formatYuan(installment.remaining) },
    fields: [reason('med.f.defaultReason')],
  }),
};
