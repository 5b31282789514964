import type { HistoryEntry } from '../../../api-types';
import { formatYuan } from '../../../format';
import type { I18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/zh';

type Detail = { label: string; value: string };
type Data = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' && value ? value : null);
const num = (value: unknown) => (typeof value === 'number' ? value : null);
const list = (value: unknown) => (Array.isArray(value) ? (value as Data[]) : []);

/**
 * The readable details of a wage case's event: amounts in yuan, workers by name (from the case, as
 * the history masks nothing but ID numbers and phones), dates and reasons. Ids are left out.
 */
export function describeWageEvent(entry: HistoryEntry, { t, tOr }: Pick<I18n, 't' | 'tOr'>, names: ReadonlyMap<string, string>): Detail[] {
  const data = entry.data ?? {};
  const details: Detail[] = [];
  const add = (key: MessageKey, value: string | null) => value !== null && details.push({ label: t(key), value });
  const who = (id: unknown) => names.get(String(id)) ?? '—';
  const shares = (allocations: unknown) => list(allocations).map((a) => `${who(a.claimantId)} ${formatYuan(num(a.amount))}`).join('，') || null;

  switch (entry.type) {
    case 'WageCaseOpened': {
      const respondent = (data.respondent ?? {}) as Data;
      add('wage.h.respondent', str(respondent.name));
      add('wage.h.source', tOr(`wage.source.${(data.source as Data | undefined)?.kind}`, '—'));
      add('wage.h.summary', str(data.summary));
      break;
    }
    case 'ProjectChainRecorded': {
      const respondent = (data.respondent ?? {}) as Data;
      add('wage.h.respondent', str(respondent.name));
      add('wage.f.chain', list(respondent.chain).map((p) => `${tOr(`wage.chainRole.${String(p.role)}`, String(p.role))}：${String(p.name ?? '')}`).join('，') || null);
      add('wage.h.previousRespondent', str(((data.previous ?? {}) as Data).name));
      add('wage.f.reason', str(data.reason));
      break;
    }
    case 'ClaimantsAdded': {
      const claimants = list(data.claimants);
      add('wage.h.claimants', `${claimants.map((c) => String(c.name ?? '')).join('、')}（${t('wage.h.people', { n: claimants.length })}）`);
      add('wage.h.claimed', formatYuan(claimants.reduce((sum, c) => sum + (num(c.claimed) ?? 0), 0)));
      break;
    }
    case 'ClaimAmended': {
      add('wage.h.claimant', who(data.claimantId));
      const claimed = data.claimed as { from: number; to: number } | undefined;
      if (claimed) add('wage.h.claimed', `${formatYuan(claimed.from)} → ${formatYuan(claimed.to)}`);
      add('wage.f.workedFrom', str(data.workedFrom));
      if ('workedUntil' in data) add('wage.f.workedUntil', str(data.workedUntil) ?? t('wage.claimants.stillEmployed'));
      add('wage.h.phone', str(data.phone));
      break;
    }
    case 'ClaimWithdrawn':
      add('wage.h.claimant', who(data.claimantId));
      break;
    case 'EvidenceRecorded':
      add('wage.h.claimant', who(data.claimantId));
      add('wage.f.evidenceKind', tOr(`wage.evidence.${data.kind}`, String(data.kind)));
      add('wage.f.evidenceDescription', str(data.description));
      break;
    case 'ClaimsVerified':
      add('wage.h.verified', list(data.claims).map((c) =>
        `${who(c.claimantId)} ${num(c.previous) !== null ? `${formatYuan(num(c.previous))} → ` : ''}${formatYuan(num(c.verified))}（${String(c.basis ?? '')}）`).join('\n') || null);
      break;
    case 'VerificationCompleted':
      add('wage.h.totalVerified', formatYuan(num(data.totalVerified)));
      break;
    case 'NegotiationRecorded':
      add('wage.h.summary', str(data.summary));
      add('wage.f.promisedBy', str(data.promisedBy));
      break;
    case 'RecoveryPaymentRecorded':
      add('wage.h.amount', formatYuan(num(data.amount)));
      add('wage.pay.paidOn', str(data.paidOn));
      add('wage.pay.payer', str(data.payer));
      add('wage.pay.allocations', shares(data.allocations));
      break;
    case 'RecoveryPaymentReversed':
    case 'EmergencyAdvanceRequested':
    case 'EmergencyAdvanceApproved':
    case 'EmergencyAdvanceReversed':
      add('wage.h.amount', formatYuan(num(data.amount)));
      add('wage.pay.allocations', shares(data.allocations));
      break;
    case 'CaseReferred':
      add('wage.referral.target', tOr(`wage.target.${data.target}`, String(data.target)));
      add('wage.f.referredOn', str(data.referredOn));
      add('wage.referral.acceptDue', str(data.acceptDueOn));
      add('wage.f.note', str(data.note));
      break;
    case 'ReferralAccepted':
      add('wage.f.acceptedOn', str(data.acceptedOn));
      add('wage.referral.concludeDue', str(data.concludeDueOn));
      break;
    case 'ReferralExtended':
      add('wage.referral.concludeDue', `${str(data.previousDueOn) ?? '—'} → ${str(data.concludeDueOn) ?? '—'}`);
      break;
    case 'ReferralConcluded':
      add('wage.f.concludedOn', str(data.concludedOn));
      add('wage.referral.outcome', str(data.outcome));
      break;
    case 'WageCaseClosed':
      add('wage.h.outcome', tOr(`wage.outcome.${data.outcome}`, String(data.outcome)));
      add('wage.money.recovered', formatYuan(num((data.totals as Data | undefined)?.recovered)));
      break;
  }
  const reason = entry.reason ?? str(data.reason);
  if (reason) add('wage.f.reason', reason);
  return details;
}
