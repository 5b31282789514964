import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import { ActionForm } from './ActionForm';
import { ComplaintFields } from './ComplaintFields';
import { Deadlines } from './Deadlines';
import { readDeadlines } from './deadlines';
import { Timeline } from './Timeline';
import { useComplaint } from './useComplaint';

/** One complaint: its facts, deadlines, the actions its state allows, and its history. */
export function ComplaintPage({ id }: { id: string }) {
  const { t, tOr } = useI18n();
  const { state, history, error, reload } = useComplaint(id);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  if (!state) {
    return (
      <section className="page">
        <Notice kind="error" text={error} />
        {!error && <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }

  const actions = state.allowedActions ?? [];
  const openForm = open && actions.includes(open) ? open : null;

  async function done(action: string, version: number) {
    setOpen(null);
    await reload(version);
    setNotice({ kind: 'info', text: `${t('detail.done')}${tOr(`action.${action}`, action)}` });
  }

  async function conflict() {
    setNotice({ kind: 'error', text: t('common.conflict') });
    await reload();
  }

  return (
    <section className="page" data-testid="complaint-detail" data-complaint-id={state.id} data-version={state.version}>
      <div className="page-head">
        <h1>
          {t('detail.title')} <span className="muted mono">{state.id}</span>
        </h1>
        <a href={hrefFor({ name: 'cases' })}>{t('detail.back')}</a>
      </div>
      <Notice kind={notice?.kind ?? 'info'} text={notice?.text ?? error} testId="detail-notice" />
      <div className="card actions" data-testid="actions">
        <h2>{t('detail.actions')}</h2>
        {actions.length === 0 && <p className="muted">{t('detail.noActions')}</p>}
        <div className="action-buttons">
          {actions.map((action) => (
            <button key={action} type="button" data-testid={`action-${action}`}
              className={openForm === action ? 'primary' : 'secondary'}
              onClick={() => { setNotice(null); setOpen(action); }}>
              {tOr(`action.${action}`, action)}
            </button>
          ))}
        </div>
      </div>
      {openForm && (
        <ActionForm key={openForm} action={openForm} complaint={state}
          onDone={(version) => done(openForm, version)} onConflict={conflict} onCancel={() => setOpen(null)} />
      )}
      <div className="detail-grid">
        <ComplaintFields complaint={state} />
        <div className="detail-side">
          <Deadlines deadlines={readDeadlines(state.deadlines, state.overdue)} />
          <Timeline history={history} />
        </div>
      </div>
    </section>
  );
}
