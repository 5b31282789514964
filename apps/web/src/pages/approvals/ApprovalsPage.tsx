import { useState } from 'react';
import { ListSearchBox } from '../../components/ListSearchBox';
import { Notice } from '../../components/Notice';
import { query } from '../../api';
import { ExportButton } from '../print/ExportButton';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { ApprovalCard } from './ApprovalCard';
import type { Decision } from './DecisionForm';
import { useApprovals, type ApprovalTab } from './useApprovals';

const TABS: ApprovalTab[] = ['pending', 'decided'];
/** What an approval did, said in the notice, for the kinds where it did more than grant a request. */
const APPROVED_DONE: Partial<Record<string, MessageKey>> = {
  wage_advance: 'approvals.advanceApprovedDone',
  wage_unrecoverable_closure: 'approvals.closureApprovedDone',
  hardship_registration: 'approvals.registrationApprovedDone',
  hardship_lift_out: 'approvals.liftOutApprovedDone',
};

/**
 * 审批: the supervisor's inbox. A decided request leaves the pending tab at once, even while the
 * inbox's read model is still catching up with the decision.
 */
export function ApprovalsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<ApprovalTab>('pending');
  const [q, setQ] = useState('');
  const { items, error, reload } = useApprovals(tab, q);
  const [decided, setDecided] = useState<Set<string>>(() => new Set());
  const [notice, setNotice] = useState<string | null>(null);

  function onDecided(id: string, kind: string, decision: Decision) {
    setDecided((current) => new Set(current).add(id));
    const approved = APPROVED_DONE[kind] ?? 'approvals.approvedDone';
    setNotice(t(decision === 'approve' ? approved : 'approvals.rejectedDone'));
    reload();
  }

  const shown = (items ?? []).filter((item) => tab === 'decided' || (item.status === 'pending' && !decided.has(item.id)));
  return (
    <section className="page page-narrow" data-testid="approvals-page">
      <div className="page-head">
        <h1>{t('approvals.title')}</h1>
        <ExportButton testId="approvals-export" fileName={`${t('approvals.title')}.xlsx`} path={`/api/approvals/export.xlsx${query({ status: tab, q })}`} />
        <button type="button" className="secondary" data-testid="approvals-refresh" onClick={reload}>{t('common.refresh')}</button>
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`approvals-tab-${name}`}
            className={tab === name ? 'tab active' : 'tab'} onClick={() => { setTab(name); setNotice(null); }}>
            {t(`approvals.tab.${name}`)}
          </button>
        ))}
      </div>
      <div className="filters">
        <ListSearchBox id="approvals-q" value={q} hint="lists.searchHint.approvals" onSearch={setQ} />
      </div>
      <Notice kind="info" text={notice} testId="approvals-notice" />
      <Notice kind="error" text={error} />
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items !== null && shown.length === 0 && (
        <p className="card empty" data-testid="approvals-empty">{t(tab === 'pending' ? 'approvals.emptyPending' : 'approvals.emptyDecided')}</p>
      )}
      {shown.map((item) => (
        <ApprovalCard key={item.id} approval={item} onDecided={(decision) => onDecided(item.id, item.kind, decision)} />
      ))}
    </section>
  );
}
