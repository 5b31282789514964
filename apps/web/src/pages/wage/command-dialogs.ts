import type { MessageKey } from '../../i18n/zh';
import { shanghaiToday } from '../../format';
import { fenToYuanInput, parseYuan } from '../../yuan';
import { wageCasePath } from './useWageCase';
import { EVIDENCE_KINDS, REFERRAL_TARGETS, type Claimant, type CloseOutcome } from './wage-types';

/**
 * The small forms of a wage case's steps: what each asks for and where it goes. Every step that
 * corrects or ends something asks for a reason, which the API records with the event.
 */
export type Values = Record<string, string | boolean>;

export interface DialogField {
  name: string;
  label: MessageKey;
  kind: 'text' | 'textarea' | 'date' | 'yuan' | 'select' | 'checkbox';
  required?: boolean;
  hint?: MessageKey;
  /** For a select: the codes offered, labelled by `labelPrefix + code`. */
  options?: { codes: readonly string[]; labelPrefix: string };
}

export interface DialogSpec {
  /** Names the dialog in tests (`dialog-<id>`). */
  id: string;
  title: MessageKey;
  submit: MessageKey;
  path: string;
  fields: DialogField[];
  initial?: Values;
  danger?: boolean;
  /** The sentence above the fields, when the step needs one. */
  intro?: MessageKey;
  /** The request body; the default sends every filled field, trimmed, and amounts in fen. */
  toBody?: (values: Values) => Record<string, unknown>;
}

const reason: DialogField = { name: 'reason', label: 'wage.f.reason', kind: 'textarea', required: true };
const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value.trim() : '');

/** Client-side problems before sending: a required field left empty, an amount that is not yuan. */
export function problemsOf(spec: DialogSpec, values: Values, messages: { required: string; yuan: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of spec.fields) {
    const value = text(values[field.name]);
    if (field.required && field.kind !== 'checkbox' && value === '') problems[field.name] = messages.required;
    else if (field.kind === 'yuan' && value !== '' && parseYuan(value) === null) problems[field.name] = messages.yuan;
  }
  return problems;
}

export function defaultBody(spec: DialogSpec, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.name] = value === true;
    else if (text(value) === '') continue;
    else body[field.name] = field.kind === 'yuan' ? parseYuan(text(value)) : text(value);
  }
  return body;
}

const CLOSE_TITLES: Record<CloseOutcome, MessageKey> = {
  fully_recovered: 'wage.action.close-fully-recovered',
  partly_recovered: 'wage.action.close-partly-recovered',
  withdrawn: 'wage.action.close-withdrawn',
};

export const caseDialogs = {
  close: (caseId: string, outcome: CloseOutcome): DialogSpec => ({
    id: `close-${outcome}`, title: CLOSE_TITLES[outcome], submit: 'wage.close.submit', path: wageCasePath(caseId, '/close'),
    fields: [{ ...reason, label: 'wage.f.closeReason' }], intro: `wage.close.intro.${outcome}` as MessageKey,
    toBody: (v) => ({ outcome, reason: text(v.reason) }),
  }),
  requestUnrecoverable: (caseId: string): DialogSpec => ({
    id: 'request-unrecoverable', title: 'wage.action.request-unrecoverable', submit: 'wage.submitRequest', path: wageCasePath(caseId, '/unrecoverable-closure'),
    fields: [reason], intro: 'wage.unrecoverable.intro',
  }),
  reopen: (caseId: string): DialogSpec => ({
    id: 'reopen', title: 'wage.action.reopen', submit: 'wage.action.reopen', path: wageCasePath(caseId, '/reopen'), fields: [reason],
  }),
  startVerification: (caseId: string): DialogSpec => ({
    id: 'start-verification', title: 'wage.action.start-verification', submit: 'wage.action.start-verification',
    path: wageCasePath(caseId, '/start-verification'), fields: [], intro: 'wage.verify.startIntro',
  }),
  completeVerification: (caseId: string): DialogSpec => ({
    id: 'complete-verification', title: 'wage.action.complete-verification', submit: 'wage.action.complete-verification',
    path: wageCasePath(caseId, '/complete-verification'), fields: [], intro: 'wage.verify.completeIntro',
  }),
  negotiate: (caseId: string): DialogSpec => ({
    id: 'negotiate', title: 'wage.action.negotiate', submit: 'common.save', path: wageCasePath(caseId, '/negotiations'),
    fields: [{ name: 'summary', label: 'wage.f.negotiationSummary', kind: 'textarea', required: true }, { name: 'promisedBy', label: 'wage.f.promisedBy', kind: 'date' }],
  }),
  refer: (caseId: string): DialogSpec => ({
    id: 'refer', title: 'wage.action.refer', submit: 'wage.action.refer', path: wageCasePath(caseId, '/referrals'),
    fields: [
      { name: 'target', label: 'wage.f.target', kind: 'select', required: true, options: { codes: REFERRAL_TARGETS, labelPrefix: 'wage.target.' } },
      { name: 'referredOn', label: 'wage.f.referredOn', kind: 'date', required: true },
      { name: 'note', label: 'wage.f.note', kind: 'textarea' },
    ],
    initial: { target: '', referredOn: shanghaiToday() },
  }),
};

export const claimantDialogs = {
  withdraw: (caseId: string, c: Claimant): DialogSpec => ({
    id: 'withdraw-claim', title: 'wage.action.withdraw-claim', submit: 'wage.action.withdraw-claim', danger: true,
    path: wageCasePath(caseId, `/claimants/${encodeURIComponent(c.claimantId)}/withdraw`), fields: [reason], intro: 'wage.withdraw.intro',
  }),
  evidence: (caseId: string, c: Claimant): DialogSpec => ({
    id: 'record-evidence', title: 'wage.action.record-evidence', submit: 'common.save',
    path: wageCasePath(caseId, `/claimants/${encodeURIComponent(c.claimantId)}/evidence`),
    fields: [
      { name: 'kind', label: 'wage.f.evidenceKind', kind: 'select', required: true, options: { codes: EVIDENCE_KINDS, labelPrefix: 'wage.evidence.' } },
      { name: 'description', label: 'wage.f.evidenceDescription', kind: 'textarea', required: true },
    ],
    initial: { kind: '' },
  }),
  /** Only what changed is sent; an empty 离职日期 where there was one means "still employed" (null). */
  amend: (caseId: string, c: Claimant): DialogSpec => ({
    id: 'amend-claim', title: 'wage.action.amend-claim', submit: 'common.save',
    path: wageCasePath(caseId, `/claimants/${encodeURIComponent(c.claimantId)}/amend`),
    fields: [
      { name: 'claimed', label: 'wage.f.claimedYuan', kind: 'yuan', required: true },
      { name: 'workedFrom', label: 'wage.f.workedFrom', kind: 'date', required: true },
      { name: 'workedUntil', label: 'wage.f.workedUntil', kind: 'date', hint: 'wage.f.workedUntilHint' },
      { name: 'phone', label: 'wage.f.newPhone', kind: 'text', hint: 'wage.f.newPhoneHint' },
      { ...reason, label: 'wage.f.amendReason' },
    ],
    initial: { claimed: fenToYuanInput(c.claimed), workedFrom: c.workedFrom, workedUntil: c.workedUntil ?? '', phone: '' },
    toBody: (v) => {
      const body: Record<string, unknown> = { reason: text(v.reason) };
      const claimed = parseYuan(text(v.claimed));
      if (claimed !== null && claimed !== c.claimed) body.claimed = claimed;
      if (text(v.workedFrom) !== c.workedFrom) body.workedFrom = text(v.workedFrom);
      const until = text(v.workedUntil);
      if (until !== (c.workedUntil ?? '')) body.workedUntil = until === '' ? null : until;
      if (text(v.phone)) body.phone = text(v.phone);
      return body;
    },
  }),
};

export const moneyDialogs = {
  reversePayment: (caseId: string, paymentId: string): DialogSpec => ({
    id: 'reverse-payment', title: 'wage.action.reverse-payment', submit: 'wage.action.reverse-payment', danger: true,
    path: wageCasePath(caseId, `/payments/${encodeURIComponent(paymentId)}/reverse`), fields: [reason], intro: 'wage.reverse.paymentIntro',
  }),
  reverseAdvance: (caseId: string, advanceId: string): DialogSpec => ({
    id: 'reverse-advance', title: 'wage.action.reverse-advance', submit: 'wage.action.reverse-advance', danger: true,
    path: wageCasePath(caseId, `/advances/${encodeURIComponent(advanceId)}/reverse`), fields: [reason], intro: 'wage.reverse.advanceIntro',
  }),
};

export const referralDialogs = {
  accepted: (caseId: string, referralId: string): DialogSpec => ({
    id: 'referral-accepted', title: 'wage.referral.recordAccepted', submit: 'common.save',
    path: wageCasePath(caseId, `/referrals/${encodeURIComponent(referralId)}/accepted`),
    fields: [{ name: 'acceptedOn', label: 'wage.f.acceptedOn', kind: 'date', required: true }], initial: { acceptedOn: shanghaiToday() },
  }),
  extend: (caseId: string, referralId: string): DialogSpec => ({
    id: 'referral-extend', title: 'wage.referral.extend', submit: 'wage.referral.extend',
    path: wageCasePath(caseId, `/referrals/${encodeURIComponent(referralId)}/extend`), fields: [reason],
  }),
  outcome: (caseId: string, referralId: string): DialogSpec => ({
    id: 'referral-outcome', title: 'wage.referral.recordOutcome', submit: 'common.save',
    path: wageCasePath(caseId, `/referrals/${encodeURIComponent(referralId)}/outcome`),
    fields: [{ name: 'concludedOn', label: 'wage.f.concludedOn', kind: 'date', required: true }, { name: 'outcome', label: 'wage.f.referralOutcome', kind: 'textarea', required: true }],
    initial: { concludedOn: shanghaiToday() },
  }),
};
