import type { HistoryEntry } from '../../api-types';
import { formatYuan } from '../../format';
import type { I18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { sessionTime } from './session-time';

type Detail = { label: string; value: string };
type Format = 'text' | 'money' | 'days' | 'list' | 'mode' | 'basis' | 'withdrawnBy';

/**
 * The readable details of a mediation event, in this order when present: dates, the period, people,
 * session times, money in yuan, then the words (terms, facts, minutes). Ids and the outcome events'
 * repeated heading (`reference`) are left out; the history masks ID numbers and phones already.
 */
const FIELDS: [key: string, label: MessageKey, format: Format][] = [
  ['referredOn', 'med.f.referredOn', 'text'], ['acceptedOn', 'med.f.acceptedOn', 'text'], ['declinedOn', 'med.f.declinedOn', 'text'],
  ['withdrawnOn', 'med.f.withdrawnOn', 'text'], ['failedOn', 'med.f.failedOn', 'text'], ['agreedOn', 'med.f.agreedOn', 'text'],
  ['effectiveOn', 'med.f.effectiveOn', 'text'], ['requestedOn', 'med.f.requestedOn', 'text'], ['decidedOn', 'med.f.decidedOn', 'text'],
  ['paidOn', 'med.f.paidOn', 'text'], ['dueOn', 'med.f.dueOn', 'text'], ['fulfilledOn', 'med.f.fulfilledOn', 'text'],
  ['basis', 'med.f.basis', 'basis'], ['periodDays', 'med.f.periodDays', 'days'], ['days', 'med.f.extensionDays', 'days'],
  ['previousDeadline', 'med.f.previousDeadline', 'text'], ['deadline', 'med.f.deadline', 'text'],
  ['confirmationWindowEndsOn', 'med.f.confirmationWindow', 'text'],
  ['previousMediatorName', 'med.f.previousMediator', 'text'], ['mediatorName', 'med.f.mediator', 'text'],
  ['mode', 'med.f.mode', 'mode'], ['location', 'med.f.location', 'text'], ['attendees', 'med.f.attendees', 'list'],
  ['court', 'med.f.confirmationCourt', 'text'], ['rulingNumber', 'med.f.rulingNumber', 'text'], ['by', 'med.f.withdrawnBy', 'withdrawnBy'],
  ['claimedTotal', 'med.f.claimedTotal', 'money'], ['agreedTotal', 'med.f.agreedTotal', 'money'], ['amount', 'med.f.amount', 'money'],
  ['unpaid', 'med.installments.remaining', 'money'], ['agreementRemaining', 'med.f.unpaid', 'money'], ['paidTotal', 'med.installments.paid', 'money'],
  ['summary', 'med.f.summary', 'text'], ['terms', 'med.f.terms', 'text'], ['undisputedFacts', 'med.f.undisputedFacts', 'list'],
  ['disputedPoints', 'med.f.disputedPoints', 'list'], ['noSessionReason', 'med.f.noSessionReason', 'text'], ['note', 'med.f.failureNote', 'text'], ['minutes', 'med.minutes.title', 'text'],
];

export function describeMediationEvent(entry: HistoryEntry, { t, tOr }: Pick<I18n, 't' | 'tOr'>): Detail[] {
  const data = entry.data ?? {};
  const details: Detail[] = [];
  const add = (label: MessageKey, value: string | null) => value !== null && value !== '' && details.push({ label: t(label), value });
  const show = (value: unknown, format: Format): string | null => {
    if (value === undefined || value === null || value === '') return null;
    switch (format) {
      case 'money': return typeof value === 'number' ? formatYuan(value) : null;
      case 'days': return t('med.days', { n: Number(value) });
      case 'list': return Array.isArray(value) ? value.map(String).join('；') : null;
      case 'mode': return tOr(`med.mode.${value}`, String(value));
      case 'basis': return tOr(`med.basis.${value}`, String(value));
      case 'withdrawnBy': return tOr(`med.withdrawnBy.${value}`, String(value));
      default: return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    }
  };

  const source = data.source as { kind?: string; court?: string; caseNumber?: string; referralType?: string } | undefined;
  if (source?.kind === 'court') add('med.f.source', `${source.court ?? ''} ${source.caseNumber ?? ''} · ${tOr(`med.referral.${source.referralType}`, source.referralType ?? '')}`);
  else if (source?.kind) add('med.f.source', tOr(`med.source.${source.kind}`, source.kind));
  if (typeof data.cause === 'string') add('med.f.cause', tOr(`med.cause.${data.cause}`, data.cause));
  if (Array.isArray(data.applicants)) add('med.f.applicants', (data.applicants as { name?: string }[]).map((a) => a.name ?? '').join('、'));
  const respondent = data.respondent as { name?: string } | undefined;
  if (respondent?.name) add('med.f.respondent', respondent.name);
  if (typeof data.previousStartsAt === 'string' && typeof data.previousEndsAt === 'string') {
    add('med.f.previousTime', sessionTime({ startsAt: data.previousStartsAt, endsAt: data.previousEndsAt }));
  }
  if (typeof data.startsAt === 'string' && typeof data.endsAt === 'string') add('med.sessions.time', sessionTime({ startsAt: data.startsAt, endsAt: data.endsAt }));
  if (Array.isArray(data.consents)) {
    add('med.f.consents', (data.consents as { party?: string; name?: string; consentedOn?: string }[])
      .map((c) => `${tOr(`med.party.${c.party}`, c.party ?? '')} ${c.name ?? ''}（${c.consentedOn ?? ''}）`).join('；'));
  }
  for (const [key, label, format] of FIELDS) add(label, show(data[key], format));
  const reason = entry.reason ?? (typeof data.reason === 'string' ? data.reason : null);
  if (reason) add('med.f.reason', reason);
  return details;
}
