import type { ReactNode } from 'react';
import { OverdueBadge } from '../../components/Badges';
import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { hrefFor } from '../../router';
import { readSession } from '../../session';
import { caseSteps, type CaseStep } from './case-actions';
import { mediationSteps } from './mediation-steps';
import { caseNumberOf, claimedTotal, type MediationCase } from './mediation-types';
import type { StepSpec } from '../hardship/step-spec';

/** Where the case came from: the court and its kind of referral, or the union case it was referred from. */
function SourceText({ kase }: { kase: MediationCase }) {
  const { t } = useI18n();
  const source = kase.source;
  if (source.kind === 'court') {
    const type = source.referralType === 'entrusted' ? t('med.referral.entrustedWith', { procedure: t(`med.procedure.${source.procedure ?? 'ordinary'}`) }) : t('med.referral.assigned');
    return <>{source.court} · {type}</>;
  }
  if (source.kind === 'wage_case') return <a href={hrefFor({ name: 'wage-case', id: source.caseId })} data-testid="source-wage-case">{t('med.source.wage_case')}</a>;
  return <a href={hrefFor({ name: 'complaint', id: source.complaintId })} data-testid="source-complaint">{t('med.source.complaint')}</a>;
}

/** The period: its last day and the days left, amber when due soon, red once overdue. */
export function PeriodText({ kase }: { kase: MediationCase }) {
  const { t } = useI18n();
  if (!kase.deadline) return <span className="muted">{t(kase.ended ? 'med.period.ended' : 'med.period.notStarted')}</span>;
  if (kase.deadlineStanding === 'none') return <span>{kase.deadline}</span>;
  const left = kase.daysLeft ?? 0;
  const tone = kase.deadlineStanding === 'overdue' ? 'text-danger' : kase.deadlineStanding === 'due_soon' ? 'text-warn' : undefined;
  const words = left < 0 ? t('med.period.overdueBy', { n: -left }) : left === 0 ? t('med.period.lastDay') : t('med.period.left', { n: left });
  return (
    <span className={tone} data-testid="med-period" data-standing={kase.deadlineStanding}>
      {kase.deadline}（{words}）{kase.deadlineStanding === 'overdue' && <> <OverdueBadge /></>}
    </span>
  );
}

/** The case at a glance: 案号, 案由, parties, claims, status, mediator, the period; and the steps allowed now. */
export function CaseHeader({ kase, onAction }: { kase: MediationCase; onAction(spec: StepSpec): void }) {
  const { t, tOr } = useI18n();
  const user = readSession()?.user;
  const me = { id: user?.id ?? '', role: user?.role ?? 'caseworker' } as const;
  const caseNumber = caseNumberOf(kase);
  const facts: [MessageKey, ReactNode, string][] = [
    ['med.f.cause', kase.cause ? t(`med.cause.${kase.cause}`) : t('med.cause.none'), 'fact-cause'],
    ['med.f.source', <SourceText kase={kase} />, 'fact-source'],
    ['med.f.room', kase.roomName, 'fact-room'],
    ['med.f.applicants', kase.applicants.map((a) => a.name).join('、'), 'fact-applicants'],
    ['med.f.respondent', kase.respondent.name, 'fact-respondent'],
    ['med.f.claimedTotal', formatYuan(claimedTotal(kase)), 'fact-claimed'],
    ['med.f.mediator', kase.mediator?.mediatorName ?? t('med.mediator.none'), 'fact-mediator'],
    ['med.f.referredOn', kase.referredOn, 'fact-referred-on'],
    ['med.f.acceptedOn', kase.acceptedOn ?? '—', 'fact-accepted-on'],
    ['med.f.period', <PeriodText kase={kase} />, 'fact-period'],
  ];
  if (kase.extensionDays > 0) facts.push(['med.f.extensionDays', t('med.days', { n: kase.extensionDays }), 'fact-extension']);
  if (kase.ended) facts.push([`med.ended.${kase.ended.how}`, kase.ended.on, 'fact-ended']);
  if (kase.agreement) facts.push(['med.f.agreedTotal', formatYuan(kase.agreement.agreedTotal), 'fact-agreed']);

  const steps = caseSteps(kase, me).map((step: CaseStep) => (step === 'mediator' ? mediationSteps.mediator(kase, me) : mediationSteps[step](kase)));
  return (
    <div className="card wage-header" data-testid="med-header">
      <div className="wage-title">
        <h2 data-testid="med-case-number">{caseNumber ?? t('med.source.union')}</h2>
        <span className={`badge badge-status med-status-${kase.status}`} data-testid="med-status">{tOr(`med.status.${kase.status}`, kase.statusLabel)}</span>
      </div>
      <dl className="facts facts-4">
        {facts.map(([key, value, testId]) => (
          <div key={testId}><dt>{t(key)}</dt><dd data-testid={testId}>{value}</dd></div>
        ))}
      </dl>
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
