import { useCallback, useEffect, useState } from 'react';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, navigate, type MediationTab } from '../../router';
import '../../styles/mediation.css';
import { StepDialog } from '../hardship/StepDialog';
import type { CaseDialog } from './case-dialog';
import { AgreementDialog } from './AgreementDialog';
import { AgreementTab } from './AgreementTab';
import { CaseHeader } from './CaseHeader';
import { DocumentsTab } from './DocumentsTab';
import { MediationTabs } from './MediationTabs';
import { MediationTimeline } from './MediationTimeline';
import { PartiesCard } from './PartiesTable';
import { ScheduleDialog } from './ScheduleDialog';
import { SessionsTab } from './SessionsTab';
import { useMediationCase } from './useMediationCase';
import { AuditView } from '../../components/audit/AuditView';
import { MEDIATION_AUDIT } from '../../components/audit/vocabularies';
import { CaseNumberTag } from '../../components/CaseNumberTag';

/** What a dialog of the page does: a step of the case, the agreement with its rows, or a new session. */

/**
 * 诉调对接案件, built for the mediator at the table: the case at a glance with its period, then
 * 调解 (sessions, and the minutes of one beside the case's facts), 协议 (agreement, payments, judicial
 * confirmation), 文书 (printable documents) and 历史. Every step is a dialog sent with the case's version.
 */
export function MediationCasePage({ id, tab, session }: { id: string; tab: MediationTab; session?: string }) {
  const { t } = useI18n();
  const { kase, history, error, notFound, reload } = useMediationCase(id);
  const [dialog, setDialog] = useState<CaseDialog | null>(null);
  // A notice belongs to the view it was given in: moving to another tab or session leaves it behind.
  const view = `${tab}/${session ?? ''}`;
  const [notice, setNoticeAt] = useState<{ text: string; view: string } | null>(null);
  const setNotice = (text: string | null, at = view) => setNoticeAt(text ? { text, view: at } : null);
  const conflict = useCallback(() => void reload(), [reload]);
  useEffect(() => setNoticeAt((current) => (current && current.view !== view ? null : current)), [view]);

  if (!kase) {
    return (
      <section className="page">
        {notFound ? (
          <div className="card page-message" data-testid="med-not-found">
            <h2>{t('med.notFound')}</h2>
            <p>{error}</p>
            <a href={hrefFor({ name: 'cases' })}>{t('detail.back')}</a>
          </div>
        ) : <Notice kind="error" text={error} testId="med-notice" />}
        {!error && <p className="muted">{t('common.loading')}</p>}
      </section>
    );
  }

  const open = (next: CaseDialog) => {
    setNotice(null);
    setDialog(next);
  };
  async function done(what: string) {
    setDialog(null);
    await reload();
    setNotice(`${t('detail.done')}${what}`);
  }
  const minutesSaved = async () => {
    await reload();
    setNotice(t('med.minutes.saved'), 'sessions/');
    navigate({ name: 'mediation-case', id: kase.id, tab: 'sessions' });
  };

  return (
    <section className="page mediation-case" data-testid="mediation-case" data-case-id={kase.id} data-version={kase.version} data-status={kase.status}>
      <div className="page-head">
        <h1>{t('med.title')} <CaseNumberTag number={kase.caseNumber} /></h1>
        <a href={hrefFor({ name: 'room-calendar' })}>{t('nav.roomCalendar')}</a>
      </div>
      <CaseHeader kase={kase} onAction={(spec) => open({ kind: 'step', spec })} />
      {!(tab === 'sessions' && session) && <PartiesCard kase={kase} />}
      <MediationTabs id={kase.id} tab={tab} />
      <Notice kind="info" text={notice?.view === view ? notice.text : null} testId="med-notice" />
      {tab === 'sessions' && <SessionsTab kase={kase} session={session} onDialog={open} onMinutesSaved={() => void minutesSaved()} onConflict={conflict} />}
      {tab === 'agreement' && <AgreementTab kase={kase} onDialog={open} />}
      {tab === 'documents' && <DocumentsTab kase={kase} onChanged={conflict} />}
      {tab === 'history' && <MediationTimeline id={kase.id} history={history} />}
      {tab === 'audit' && <AuditView id={kase.id} history={history} vocabulary={MEDIATION_AUDIT} />}
      {dialog?.kind === 'step' && (
        <StepDialog key={dialog.spec.id} spec={dialog.spec} version={kase.version} onClose={() => setDialog(null)} onConflict={conflict}
          onDone={() => void done(t(dialog.spec.title))} />
      )}
      {dialog?.kind === 'agreement' && (
        <AgreementDialog kase={kase} onClose={() => setDialog(null)} onConflict={conflict} onDone={() => void done(t('med.action.agreement'))} />
      )}
      {dialog?.kind === 'schedule' && (
        <ScheduleDialog kase={kase} onClose={() => setDialog(null)} onConflict={conflict} onDone={() => void done(t('med.action.schedule'))} />
      )}
    </section>
  );
}
