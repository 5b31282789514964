import type { ReactNode } from 'react';
import type { Approval } from '../../api-types';
import { formatDateTime, formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { personLabel } from '../../people';
import { useReference } from '../../reference/ReferenceProvider';
import { readSession } from '../../session';
import { caseRouteOf, hrefFor, type Route } from '../../router';
import { HARDSHIP_APPROVAL_KINDS, WAGE_APPROVAL_KINDS } from './approval-kinds';
import { DecisionForm, type Decision } from './DecisionForm';

function caseRoute(a: Approval): Route {
  return caseRouteOf(a.caseKind, a.caseId) ?? { name: 'complaint', id: a.caseId };
}

/** One request: which case, who asked and when (Shanghai time), what (working days, or an amount in yuan) and why. */
export function ApprovalCard({ approval: a, onDecided }: { approval: Approval; onDecided(decision: Decision): void }) {
  const { t, tOr } = useI18n();
  const { unitName } = useReference();
  const asker = personLabel(a.requestedBy, a.requestedByName);
  const decider = personLabel(a.decidedBy, a.decidedByName);
  const caseLabel = a.caseTitle || `${tOr(`kind.${a.caseKind}`, a.caseKind)} ${a.caseNumber ?? a.caseId.slice(0, 8)}`;
  const days = a.details?.workingDays;
  const amount = a.details?.amount;
  const claimants = a.details?.claimants;

  const rows: [string, ReactNode][] = [
    [t('approvals.requestedBy'), <><span title={asker.title}>{asker.text}</span>{a.unitId && <span className="muted"> · {unitName(a.unitId)}</span>}</>],
    [t('approvals.requestedAt'), formatDateTime(a.requestedAt)],
  ];
  if (a.kind === 'wage_advance') {
    rows.push([t('approvals.advanceAmount'), <span data-testid="approval-amount">{typeof amount === 'number' ? formatYuan(amount) : '—'}</span>]);
    rows.push([t('approvals.claimants'), typeof claimants === 'number' ? t('wage.h.people', { n: claimants }) : Array.isArray(claimants) ? t('wage.h.people', { n: claimants.length }) : '—']);
  } else if (a.kind === 'hardship_registration') {
    const causes = Array.isArray(a.details?.causes) ? (a.details.causes as string[]) : [];
    rows.push([t('hs.f.level'), <span data-testid="approval-level">{tOr(`hs.level.${a.details?.level}`, String(a.details?.level ?? '—'))}</span>]);
    rows.push([t('hs.f.causes'), causes.map((c) => tOr(`hs.cause.${c}`, c)).join('、') || '—']);
  } else if (a.kind === 'hardship_lift_out') {
    rows.push([t('hs.f.basis'), <span data-testid="approval-basis">{tOr(`hs.basis.${a.details?.basis}`, String(a.details?.basis ?? '—'))}</span>]);
    rows.push([t('hs.f.evidence'), String(a.details?.evidence ?? '—')]);
  } else if (!WAGE_APPROVAL_KINDS.includes(a.kind)) {
    rows.push([t('approvals.workingDays'), typeof days === 'number' ? t('approvals.days', { n: days }) : '—']);
  }
  if (!HARDSHIP_APPROVAL_KINDS.includes(a.kind)) rows.push([t('approvals.requestReason'), a.details?.reason ?? '—']);
  if (a.status !== 'pending') {
    rows.push([t('approvals.decidedBy'), <span title={decider.title}>{decider.text}</span>]);
    rows.push([t('approvals.decidedAt'), formatDateTime(a.decidedAt)]);
    rows.push([t(a.status === 'rejected' ? 'approvals.rejectReason' : 'approvals.opinion'), a.reason || '—']);
  }

  return (
    <article className="card approval" data-testid="approval" data-approval-id={a.id} data-case-id={a.caseId} data-status={a.status}>
      <div className="approval-head">
        <span className="badge badge-status">{tOr(`approvalKind.${a.kind}`, a.kind)}</span>
        <a href={hrefFor(caseRoute(a))} data-testid="approval-case">{a.caseNumber && a.caseTitle && <span className="mono nowrap" data-testid="approval-case-number">{a.caseNumber} </span>}{caseLabel}</a>
        {a.status !== 'pending' && (
          <span className={`badge ${a.status === 'approved' ? 'badge-met' : 'badge-risk'}`} data-testid="approval-status">
            {tOr(`approvalStatus.${a.status}`, a.status)}
          </span>
        )}
      </div>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="prewrap">{value}</dd>
          </div>
        ))}
      </dl>
      {/* Four eyes: the API refuses a decision on one's own request (own_request), so none is offered. */}
      {a.status === 'pending' && (a.requestedBy === readSession()?.user.id
        ? <p className="muted" data-testid="approval-own-request">{t('approvals.ownRequest')}</p>
        : <DecisionForm approval={a} onDecided={onDecided} />)}
    </article>
  );
}
