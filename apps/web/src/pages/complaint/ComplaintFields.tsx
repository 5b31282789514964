import type { ReactNode } from 'react';
import type { ComplaintState } from '../../api-types';
import { StatusBadge } from '../../components/Badges';
import { urgentCode } from '../../complaint-codes';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { mayReveal } from '../../roles';
import { readSession } from '../../session';
import { PersonalValue } from './PersonalValue';
import { chainOf } from './hotline-flow';

type Caller = NonNullable<ComplaintState['caller']> & { shredded?: boolean };

/**
 * After a lawful deletion the caller reads `shredded: true` and each erased field `null`; a field
 * never given is absent, so it is not called erased.
 */
function isErased(caller: Caller | undefined, field: 'phone' | 'idNumber' | 'name'): boolean {
  if (!caller) return false;
  const value = caller[field] as unknown;
  if (typeof value === 'object' && value !== null) return (value as { shredded?: boolean }).shredded === true;
  return caller.shredded === true && field in caller && value === null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * The complaint as recorded. Phone and ID numbers arrive masked; `revealable` offers 查看 to the roles
 * allowed to see them in full (not in the audit's as-of view, which shows a past state).
 */
export function ComplaintFields({ complaint: c, title, revealable = false, testId = 'complaint-fields' }: {
  complaint: ComplaintState;
  title?: string;
  revealable?: boolean;
  testId?: string;
}) {
  const { t, label } = useI18n();
  const { hotline, units, unitName } = useReference();
  const category = findItem(hotline.categories, c.category);
  const district = units.find((u) => u.code === c.employer?.district)?.name ?? c.employer?.district;
  const urgent = c.urgency && c.urgency === urgentCode(hotline.urgencies);
  const caller = c.caller as Caller | undefined;
  const role = readSession()?.user.role;
  const canReveal = revealable && !!role && mayReveal(role);
  const personal = (field: 'phone' | 'idNumber', labelKey: MessageKey) => (
    <PersonalValue revealUrl={`/api/complaints/${encodeURIComponent(c.id)}/reveal`} field={`caller.${field}`} testKey={field === 'phone' ? 'phone' : 'id-number'}
      label={t(labelKey)} masked={text(caller?.[field])}
      erased={isErased(caller, field)} revealable={canReveal} />
  );

  const callerName = caller?.anonymous ? t('detail.anonymousCaller')
    : isErased(caller, 'name') ? <span className="pd-erased">{t('reveal.erased')}</span> : (text(caller?.name) ?? '—');

  const rows: [MessageKey, ReactNode][] = [
    ['field.status', <StatusBadge status={c.status} />],
    ['field.channel', label(findItem(hotline.channels, c.channel), c.channel)],
    ['field.receivedAt', formatDateTime(c.receivedAt)],
    ['detail.caller', callerName],
  ];
  if (caller?.phone || isErased(caller, 'phone')) rows.push(['field.callerPhone', personal('phone', 'field.callerPhone')]);
  if (caller?.idNumber || isErased(caller, 'idNumber')) rows.push(['field.idNumber', personal('idNumber', 'field.idNumber')]);
  rows.push(
    ['field.workersAffected', c.workersAffected ?? '—'],
    // A policy question or other call may be about no employer at all.
    ['field.employerName', c.employer ? (c.employer.name ?? '—') : t('detail.noEmployer')],
    ['field.district', district ?? '—'],
    ['field.category', [label(category, c.category), label(findItem(category?.children, c.subcategory), '')].filter(Boolean).join(' / ')],
    ['field.type', label(findItem(hotline.types, c.type), c.type)],
    ['field.urgency', <>
      {urgent ? <span className="badge badge-urgent">{label(findItem(hotline.urgencies, c.urgency))}</span>
        : label(findItem(hotline.urgencies, c.urgency ?? undefined), c.urgency ?? '—')}
      {c.safetyRisk && <span className="badge badge-risk">{t('field.safetyRisk')}</span>}
    </>],
    ['field.assignedUnit', unitName(c.assignedUnitId)],
  );
  const chain = chainOf(c);
  if (chain.length > 0) rows.push(['detail.chain', <span data-testid="handed-down-chain">{[...chain, c.assignedUnitId ?? ''].map((u) => unitName(u)).join(' → ')}</span>]);
  if (c.outcome) rows.push(['field.outcome', label(findItem(hotline.outcomes, c.outcome), c.outcome)]);

  return (
    <div className="card" data-testid={testId}>
      <h2>{title ?? t('detail.fields')}</h2>
      <dl className="facts">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="facts-wide">
          <dt>{t('field.summary')}</dt>
          <dd className="prewrap" data-testid={testId === 'complaint-fields' ? 'complaint-summary' : `${testId}-summary`}>{c.summary ?? '—'}</dd>
        </div>
      </dl>
    </div>
  );
}
