import type { ReactNode } from 'react';
import type { Approval } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { personLabel } from '../../people';
import { useReference } from '../../reference/ReferenceProvider';
import { hrefFor } from '../../router';
import { DecisionForm, type Decision } from './DecisionForm';

/** One request: which case, who asked and when (Shanghai time), how many working days and why. */
export function ApprovalCard({ approval: a, onDecided }: { approval: Approval; onDecided(decision: Decision): void }) {
  const { t, tOr } = useI18n();
  const { unitName } = useReference();
  const asker = personLabel(a.requestedBy, a.requestedByName);
  const decider = personLabel(a.decidedBy, a.decidedByName);
  const caseLabel = a.caseTitle || `${tOr(`kind.${a.caseKind}`, a.caseKind)} ${a.caseId.slice(0, 8)}`;
  const days = a.details?.workingDays;

  const rows: [string, ReactNode][] = [
    [t('approvals.requestedBy'), <><span title={asker.title}>{asker.text}</span>{a.unitId && <span className="muted"> · {unitName(a.unitId)}</span>}</>],
    [t('approvals.requestedAt'), formatDateTime(a.requestedAt)],
    [t('approvals.workingDays'), typeof days === 'number' ? t('approvals.days', { n: days }) : '—'],
    [t('approvals.requestReason'), a.details?.reason ?? '—'],
  ];
  if (a.status !== 'pending') {
    rows.push([t('approvals.decidedBy'), <span title={decider.title}>{decider.text}</span>]);
    rows.push([t('approvals.decidedAt'), formatDateTime(a.decidedAt)]);
    rows.push([t(a.status === 'rejected' ? 'approvals.rejectReason' : 'approvals.opinion'), a.reason || '—']);
  }

  return (
    <article className="card approval" data-testid="approval" data-approval-id={a.id} data-case-id={a.caseId} data-status={a.status}>
      <div className="approval-head">
        <span className="badge badge-status">{tOr(`approvalKind.${a.kind}`, a.kind)}</span>
        <a href={hrefFor({ name: 'complaint', id: a.caseId })} data-testid="approval-case">{caseLabel}</a>
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
      {a.status === 'pending' && <DecisionForm approval={a} onDecided={onDecided} />}
    </article>
  );
}
