import { useState } from 'react';
import { PrintLinks } from '../print/PrintLinks';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, type ComplaintTab } from '../../router';
import { ACTIONS } from './action-specs';
import { ActionForm } from './ActionForm';
import { AuditView } from './audit/AuditView';
import { ComplaintFields } from './ComplaintFields';
import { ComplaintTabs } from './ComplaintTabs';
import { Deadlines } from './Deadlines';
import { EscalateToWageCase, WAGE_ARREARS_CATEGORY } from './EscalateToWageCase';
import { LinkedCases } from './LinkedCases';
import { pendingExtension } from './pending-extension';
import { readDeadlines } from './deadlines';
import { Timeline } from './Timeline';
import { isHandDown, returnDestination } from './hotline-flow';
import { leaveWithNotice } from './left-notice';
import { ReturnedMark } from './ReturnedMark';
import { useReference } from '../../reference/ReferenceProvider';
import { useComplaint } from './useComplaint';
import { CaseNumberTag } from '../../components/CaseNumberTag';
import { AttachmentsPanel, mayAttach } from '../../components/attachments';
import { readSession } from '../../session';

/** One complaint: its facts, deadlines, the actions its state allows, and its history; or its audit. */
export function ComplaintPage({ id, tab }: { id: string; tab: ComplaintTab }) {
  const { t, tOr } = useI18n();
  const { unitName } = useReference();
  const { state, history, error, notFound, reload } = useComplaint(id);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  if (!state) {
    return (
      <section className="page">
        {notFound ? (
          <div className="card page-message" data-testid="complaint-not-found">
            <h2>{t('detail.notFound')}</h2>
            <p>{error}</p>
            <a href={hrefFor({ name: 'cases' })}>{t('detail.back')}</a>
          </div>
        ) : (
          <Notice kind="error" text={error} testId="detail-notice" />
        )}
        {!error && <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }

  const allowedActions = state.allowedActions ?? [];
  // 转为欠薪案件 has its own button: it opens another case and goes there.
  const escalatable = allowedActions.includes('escalate') && state.category === WAGE_ARREARS_CATEGORY;
  const actions = allowedActions.filter((action) => action !== 'escalate');
  const waiting = pendingExtension(history);
  const openForm = open && actions.includes(open) ? open : null;

  /** The name an action goes by here: an assignment by the unit holding the order is a 下派. */
  const actionLabel = (action: string) => (action === 'assign' && state && isHandDown(state) ? t('action.hand-down') : tOr(`action.${action}`, action));

  async function done(action: string, version: number) {
    setOpen(null);
    const destination = state ? returnDestination(state) : null;
    const label = actionLabel(action);
    if ((await reload(version)) === 'not_found') {
      // The step took the order out of the user's units: its page is gone, so back to the list, saying where it went.
      leaveWithNotice(action === 'return' && destination ? t('detail.leftReturned', { unit: unitName(destination) }) : t('detail.leftOut'));
      return;
    }
    const key = ACTIONS[action]?.done;
    setNotice({ kind: 'info', text: key ? t(key) : `${t('detail.done')}${label}` });
  }

  async function conflict() {
    setNotice({ kind: 'error', text: t('common.conflict') });
    await reload();
  }

  return (
    <section className="page" data-testid="complaint-detail" data-complaint-id={state.id} data-version={state.version}>
      <div className="page-head">
        <h1>
          {t('detail.title')} <CaseNumberTag number={state.caseNumber} />
        </h1>
        <PrintLinks complaint={state} />
        <a href={hrefFor({ name: 'cases' })}>{t('detail.back')}</a>
      </div>
      <ComplaintTabs id={state.id} tab={tab} />
      <Notice kind={notice?.kind ?? 'info'} text={notice?.text ?? error} testId="detail-notice" />
      <ReturnedMark complaint={state} />
      {tab === 'audit' ? (
        <AuditView id={state.id} history={history} />
      ) : (
        <>
          <div className="card actions" data-testid="actions">
            <h2>{t('detail.actions')}</h2>
            {actions.length === 0 && !escalatable && <p className="muted">{t('detail.noActions')}</p>}
            {waiting && (
              <p className="pending-note" data-testid="extension-pending">
                {t('detail.extensionPending', { n: waiting.workingDays ?? '—' })}
              </p>
            )}
            <div className="action-buttons">
              {actions.map((action) => (
                <button key={action} type="button" data-testid={`action-${action}`}
                  className={openForm === action ? 'primary' : 'secondary'}
                  onClick={() => { setNotice(null); setOpen(action); }}>
                  {actionLabel(action)}
                </button>
              ))}
              {escalatable && <EscalateToWageCase complaint={state} onConflict={conflict} onLinked={() => void reload()} />}
            </div>
          </div>
          {openForm && (
            <ActionForm key={openForm} action={openForm} complaint={state} label={actionLabel(openForm)}
              onDone={(version) => done(openForm, version)} onConflict={conflict} onCancel={() => setOpen(null)} />
          )}
          <div className="detail-grid">
            <ComplaintFields complaint={state} revealable />
            <div className="detail-side">
              <LinkedCases complaint={state} />
              <Deadlines deadlines={readDeadlines(state.deadlines, state.overdue)} />
              <Timeline id={state.id} history={history} />
            </div>
          </div>
          <AttachmentsPanel kind="complaints" caseId={state.id} canAdd={mayAttach(readSession()?.user.role, 'complaints')} onChanged={() => void reload()} />
        </>
      )}
    </section>
  );
}
