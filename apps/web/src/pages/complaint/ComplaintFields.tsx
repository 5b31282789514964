import type { ReactNode } from 'react';
import type { ComplaintState } from '../../api-types';
import { StatusBadge } from '../../components/Badges';
import { urgentCode } from '../../complaint-codes';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { findItem, useReference } from '../../reference/ReferenceProvider';

/** The complaint as recorded. Phone and ID numbers arrive masked from the API and are shown as they are. */
export function ComplaintFields({ complaint: c }: { complaint: ComplaintState }) {
  const { t, label } = useI18n();
  const { hotline, units, unitName } = useReference();
  const category = findItem(hotline.categories, c.category);
  const district = units.find((u) => u.code === c.employer?.district)?.name ?? c.employer?.district;
  const urgent = c.urgency && c.urgency === urgentCode(hotline.urgencies);

  const caller = c.caller?.anonymous
    ? t('detail.anonymousCaller')
    : [c.caller?.name, c.caller?.phone].filter(Boolean).join(' · ') || '—';

  const rows: [MessageKey, ReactNode][] = [
    ['field.status', <StatusBadge status={c.status} />],
    ['field.channel', label(findItem(hotline.channels, c.channel), c.channel)],
    ['field.receivedAt', formatDateTime(c.receivedAt)],
    ['detail.caller', caller],
    ['field.workersAffected', c.workersAffected ?? '—'],
    ['field.employerName', c.employer?.name ?? '—'],
    ['field.district', district ?? '—'],
    ['field.category', [label(category, c.category), label(findItem(category?.children, c.subcategory), '')].filter(Boolean).join(' / ')],
    ['field.type', label(findItem(hotline.types, c.type), c.type)],
    ['field.urgency', <>
      {urgent ? <span className="badge badge-urgent">{label(findItem(hotline.urgencies, c.urgency))}</span>
        : label(findItem(hotline.urgencies, c.urgency ?? undefined), c.urgency ?? '—')}
      {c.safetyRisk && <span className="badge badge-risk">{t('field.safetyRisk')}</span>}
    </>],
    ['field.assignedUnit', unitName(c.assignedUnitId)],
  ];
  if (c.outcome) rows.push(['field.outcome', label(findItem(hotline.outcomes, c.outcome), c.outcome)]);

  return (
    <div className="card" data-testid="complaint-fields">
      <h2>{t('detail.fields')}</h2>
      <dl className="facts">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="facts-wide">
          <dt>{t('field.summary')}</dt>
          <dd className="prewrap" data-testid="complaint-summary">{c.summary ?? '—'}</dd>
        </div>
      </dl>
    </div>
  );
}
