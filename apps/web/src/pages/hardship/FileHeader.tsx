import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { useReference } from '../../reference/ReferenceProvider';
import { hrefFor } from '../../router';
import { readSession } from '../../session';
import { lifecycleSteps } from './file-actions';
import type { HardshipFile } from './hardship-types';
import { stepDialogs } from './step-dialogs';
import type { StepSpec } from './step-spec';

/** 困难职工档案 at a glance: standing, level, causes, who keeps it, the dates that matter, and the steps allowed now. */
export function FileHeader({ file, onAction }: { file: HardshipFile; onAction(spec: StepSpec): void }) {
  const { t, tOr } = useI18n();
  const { units, unitName } = useReference();
  const role = readSession()?.user.role ?? 'caseworker';
  const district = units.find((u) => u.kind === 'district' && u.code === file.district)?.name ?? file.district ?? '—';
  const source = file.source?.kind === 'complaint' && file.source.complaintId
    ? <a href={hrefFor({ name: 'complaint', id: file.source.complaintId })} data-testid="source-complaint">{t('hs.source.complaint')}</a>
    : tOr(`hs.source.${file.source?.kind}`, file.source?.kind ?? '—');
  const facts: [MessageKey, ReactNode, string][] = [
    ['hs.f.causes', file.causes.map((c) => tOr(`hs.cause.${c}`, c)).join('、') || '—', 'fact-causes'],
    ['hs.f.unit', unitName(file.unitId), 'fact-unit'],
    ['hs.f.district', district, 'fact-district'],
    ['hs.f.source', source, 'fact-source'],
    ['hs.f.householdSize', t('hs.people', { n: file.householdSize }), 'fact-household-size'],
    ['hs.f.registeredOn', file.registeredOn ?? '—', 'fact-registered-on'],
    ['hs.f.nextReviewDue', file.nextReviewDue ?? '—', 'fact-next-review'],
  ];
  if (file.ended) facts.push([`hs.ended.${file.ended.how}`, `${file.ended.on}${file.ended.reason ? `（${tOr(`hs.cancelReason.${file.ended.reason}`, file.ended.reason)}）` : ''}`, 'fact-ended']);
  if (file.relapses > 0) facts.push(['hs.f.relapses', String(file.relapses), 'fact-relapses']);

  const steps = lifecycleSteps(file, role).map((step) => stepDialogs[step](file));
  return (
    <div className="card wage-header" data-testid="hs-header">
      <div className="wage-title">
        <h2>{t('hs.headTitle', { name: file.head?.name ?? '—' })}</h2>
        <span className={`badge badge-status hs-status-${file.status}`} data-testid="hs-status">{tOr(`hs.status.${file.status}`, file.statusLabel)}</span>
        {file.level && <span className="badge badge-urgent" data-testid="hs-level">{tOr(`hs.level.${file.level}`, file.level)}</span>}
      </div>
      <dl className="facts facts-4">
        {facts.map(([key, value, testId]) => (
          <div key={key}><dt>{t(key)}</dt><dd data-testid={testId}>{value}</dd></div>
        ))}
      </dl>
      {file.pendingRegistration && (
        <p className="pending-note" data-testid="pending-registration">
          {t('hs.pending.registration', { level: tOr(`hs.level.${file.pendingRegistration.level}`, file.pendingRegistration.level) })}
          {role === 'supervisor' && <> <a href={hrefFor({ name: 'approvals' })}>{t('hs.toInbox')}</a></>}
        </p>
      )}
      {file.pendingLiftOut && (
        <p className="pending-note" data-testid="pending-lift-out">
          {t('hs.pending.liftOut', { basis: tOr(`hs.basis.${file.pendingLiftOut.basis}`, file.pendingLiftOut.basis) })}
          {role === 'supervisor' && <> <a href={hrefFor({ name: 'approvals' })}>{t('hs.toInbox')}</a></>}
        </p>
      )}
      {steps.length > 0 && (
        <div className="action-buttons no-print">
          {steps.map((spec) => (
            <button key={spec.id} type="button" data-testid={`action-${spec.id}`} className={spec.danger ? 'danger-outline' : 'secondary'} onClick={() => onAction(spec)}>
              {t(spec.title)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
