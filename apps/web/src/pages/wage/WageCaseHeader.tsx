import type { ReactNode } from 'react';
import { StatusBadge } from '../../components/Badges';
import { formatDateTime, formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { useReference } from '../../reference/ReferenceProvider';
import { hrefFor } from '../../router';
import { readSession } from '../../session';
import { caseDialogs, type DialogSpec } from './command-dialogs';
import type { WageCase } from './wage-types';

const CLOSING: { action: string; spec: (id: string) => DialogSpec; danger?: boolean }[] = [
  { action: 'close-fully-recovered', spec: (id) => caseDialogs.close(id, 'fully_recovered') },
  { action: 'close-partly-recovered', spec: (id) => caseDialogs.close(id, 'partly_recovered') },
  { action: 'close-withdrawn', spec: (id) => caseDialogs.close(id, 'withdrawn') },
  { action: 'request-unrecoverable', spec: caseDialogs.requestUnrecoverable, danger: true },
  { action: 'reopen', spec: caseDialogs.reopen },
];

/**
 * The case at a glance: who owes (employer, or project with its chain), where, from what source; the
 * money (verified, recovered, advanced, still owed); and the ways to close it that the API allows now.
 */
export function WageCaseHeader({ kase, onAction, onRecordChain }: { kase: WageCase; onAction(spec: DialogSpec): void; onRecordChain(): void }) {
  const { t, tOr, lang } = useI18n();
  const { units, unitName } = useReference();
  const supervisor = readSession()?.user.role === 'supervisor';
  const { respondent, totals } = kase;
  const district = units.find((u) => u.code === respondent.district)?.name ?? respondent.district;
  const source = kase.source.kind === 'complaint' && kase.source.complaintId
    ? <a href={hrefFor({ name: 'complaint', id: kase.source.complaintId })} data-testid="source-complaint">{t('wage.source.complaint')}</a>
    : <>{tOr(`wage.source.${kase.source.kind}`, kase.source.kind)}{kase.source.referredBy ? `（${kase.source.referredBy}）` : ''}</>;

  const facts: [MessageKey, ReactNode][] = [
    ['wage.f.respondentKind', tOr(`wage.respondentKind.${respondent.kind}`, respondent.kind)],
    ['wage.f.district', district],
    ['wage.f.unit', unitName(kase.unitId)],
    ['wage.f.openedAt', formatDateTime(kase.openedAt)],
    ['wage.f.source', source],
  ];
  if (respondent.creditCode) facts.push(['wage.f.creditCode', <span className="mono">{respondent.creditCode}</span>]);

  const closing = CLOSING.filter((c) => kase.allowedActions.includes(c.action));
  const chainAction = kase.allowedActions.includes('record-chain') ? (respondent.kind === 'project' ? 'correct-chain' : 'record-chain') : null;
  return (
    <div className="card wage-header" data-testid="wage-header">
      <div className="wage-title">
        <h2>{respondent.name}</h2>
        <StatusBadge status={kase.status} />
        {kase.closure && <span className="badge badge-met" data-testid="closure-outcome">{kase.closure.outcomeLabel}</span>}
      </div>
      <dl className="facts facts-4">
        {facts.map(([key, value]) => (
          <div key={key}><dt>{t(key)}</dt><dd>{value}</dd></div>
        ))}
        {respondent.kind === 'project' && (respondent.chain?.length ?? 0) > 0 && (
          <div className="facts-wide"><dt>{t('wage.f.chain')}</dt>
            <dd className="chain" data-testid="chain">
              {respondent.chain!.map((party, i) => (
                <span key={i} className="chain-party">{tOr(`wage.chainRole.${party.role}`, party.role)}{lang === 'zh' ? '：' : ': '}{party.name}</span>
              ))}
            </dd>
          </div>
        )}
        <div className="facts-wide"><dt>{t('wage.f.summary')}</dt><dd className="prewrap">{kase.summary}</dd></div>
      </dl>
      <div className="wage-kpis" data-testid="wage-totals">
        <Figure testId="total-claimants" label={t('wage.money.claimants')} value={t('wage.h.people', { n: totals.claimants })} />
        <Figure testId="total-claimed" label={t('wage.money.claimed')} value={formatYuan(totals.claimed)} />
        <Figure testId="total-verified" label={t('wage.money.verified')} value={formatYuan(totals.verified)} />
        <Figure testId="total-recovered" label={t('wage.money.recovered')} value={formatYuan(totals.recovered)} />
        <Figure testId="total-advanced" label={t('wage.money.advanced')} value={formatYuan(totals.advanced)} />
        <Figure testId="total-outstanding" label={t('wage.money.outstanding')} value={formatYuan(totals.outstanding)} strong={totals.outstanding > 0} />
      </div>
      {kase.pendingClosure && (
        <p className="pending-note" data-testid="pending-closure">
          {t('wage.unrecoverable.pending', { reason: kase.pendingClosure.reason })}
          {supervisor && <> <a href={hrefFor({ name: 'approvals' })}>{t('wage.advance.toInbox')}</a></>}
        </p>
      )}
      {kase.closure && (
        <p className="muted" data-testid="closure">{t('wage.closure.text', { outcome: kase.closure.outcomeLabel, time: formatDateTime(kase.closure.closedAt), reason: kase.closure.reason })}</p>
      )}
      {(closing.length > 0 || chainAction) && (
        <div className="action-buttons no-print">
          {chainAction && (
            <button type="button" data-testid="action-record-chain" className={respondent.kind === 'employer' ? 'primary' : 'secondary'} onClick={onRecordChain}>
              {t(`wage.action.${chainAction}` as MessageKey)}
            </button>
          )}
          {closing.map((c) => (
            <button key={c.action} type="button" data-testid={`action-${c.action}`} className={c.danger ? 'danger-outline' : 'secondary'} onClick={() => onAction(c.spec(kase.id))}>
              {t(`wage.action.${c.action}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div className={strong ? 'wage-figure strong' : 'wage-figure'} data-testid={testId}>
      <div className="kpi-title">{label}</div>
      <div className="wage-figure-value" data-testid={`${testId}-value`}>{value}</div>
    </div>
  );
}
