import { useCallback, useEffect, useState } from 'react';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, type WageTab } from '../../router';
import { ClaimantsTab } from './claimants/ClaimantsTab';
import { CommandDialog } from './CommandDialog';
import type { DialogSpec } from './command-dialogs';
import { WageTimeline } from './history/WageTimeline';
import { LedgerTab } from './ledger/LedgerTab';
import { MoneyTab } from './money/MoneyTab';
import { ReferralsTab } from './referrals/ReferralsTab';
import { useWageCase } from './useWageCase';
import { VerifyTab } from './verify/VerifyTab';
import { WageCaseHeader } from './WageCaseHeader';
import { WageTabs } from './WageTabs';
import { ChainDialog } from './open/ChainDialog';
import { AuditView } from '../../components/audit/AuditView';
import { WAGE_AUDIT } from '../../components/audit/vocabularies';
import { CaseNumberTag } from '../../components/CaseNumberTag';
import { AttachmentsPanel, mayAttach } from '../../components/attachments';
import { readSession } from '../../session';

/** 欠薪案件: the case, its workers, verification, ledger, money, referrals and history, one tab each. */
export function WageCasePage({ id, tab }: { id: string; tab: WageTab }) {
  const { t } = useI18n();
  const { state, history, error, notFound, reload } = useWageCase(id);
  const [dialog, setDialog] = useState<DialogSpec | null>(null);
  const [chainOpen, setChainOpen] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const conflict = useCallback(() => void reload(), [reload]);
  useEffect(() => setNotice(null), [tab]);
  const done = useCallback(async (text: string) => {
    await reload();
    setNotice({ kind: 'info', text });
  }, [reload]);

  if (!state) {
    return (
      <section className="page">
        {notFound ? (
          <div className="card page-message" data-testid="wage-case-not-found">
            <h2>{t('wage.notFound')}</h2>
            <p>{error}</p>
            <a href={hrefFor({ name: 'cases' })}>{t('detail.back')}</a>
          </div>
        ) : <Notice kind="error" text={error} testId="wage-notice" />}
        {!error && <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }

  const act = (spec: DialogSpec) => {
    setNotice(null);
    setDialog(spec);
  };

  return (
    <section className="page wage-case" data-testid="wage-case" data-case-id={state.id} data-version={state.version} data-status={state.status}>
      <div className="page-head no-print">
        <h1>{t('wage.title')} <CaseNumberTag number={state.caseNumber} /></h1>
        <a href={hrefFor({ name: 'cases' })}>{t('detail.back')}</a>
      </div>
      <WageCaseHeader kase={state} onAction={act} onRecordChain={() => { setNotice(null); setChainOpen(true); }} />
      <WageTabs id={state.id} tab={tab} />
      <Notice kind={notice?.kind ?? 'info'} text={notice?.text ?? null} testId="wage-notice" />
      {tab === 'claimants' && (
        <ClaimantsTab kase={state} onAction={act} onConflict={conflict} onAdded={(n) => done(t('wage.done.added', { n }))} />
      )}
      {tab === 'verify' && <VerifyTab kase={state} onAction={act} onConflict={conflict} onSaved={() => done(t('wage.done.verified'))} />}
      {tab === 'ledger' && (
        <>
          <LedgerTab kase={state} />
          {/* Each worker's evidence next to what the ledger says they are owed. */}
          <AttachmentsPanel kind="wage-cases" caseId={state.id} canAdd={mayAttach(readSession()?.user.role, 'wage-cases')} onChanged={conflict} />
        </>
      )}
      {tab === 'money' && (
        <MoneyTab kase={state} history={history} onAction={act} onConflict={conflict}
          onDone={(what) => done(t(what === 'payment' ? 'wage.done.payment' : 'wage.done.advance'))} />
      )}
      {tab === 'referrals' && <ReferralsTab kase={state} history={history} onAction={act} />}
      {tab === 'history' && <WageTimeline kase={state} history={history} />}
      {tab === 'audit' && <AuditView id={state.id} history={history} vocabulary={WAGE_AUDIT} />}
      {chainOpen && (
        <ChainDialog kase={state} onClose={() => setChainOpen(false)} onConflict={conflict}
          onDone={() => { setChainOpen(false); void done(`${t('detail.done')}${t('wage.event.ProjectChainRecorded')}`); }} />
      )}
      {dialog && (
        <CommandDialog key={dialog.id} spec={dialog} version={state.version} onClose={() => setDialog(null)} onConflict={conflict}
          onDone={() => { const title = t(dialog.title); setDialog(null); void done(`${t('detail.done')}${title}`); }} />
      )}
    </section>
  );
}
