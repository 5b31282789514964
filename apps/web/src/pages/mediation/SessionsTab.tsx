import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import { mayBookSessions } from './case-actions';
import { MinutesPanel } from './MinutesPanel';
import type { CaseDialog } from './case-dialog';
import { mediationSteps } from './mediation-steps';
import type { MediationCase, Session } from './mediation-types';
import { sessionTime } from './session-time';

/**
 * 调解: the case's sessions, booked, held (with their minutes) or called off. With a session chosen
 * (`…/sessions/<id>`, the session mode), its minutes are taken beside the case's facts.
 */
export function SessionsTab({ kase, session, onDialog, onMinutesSaved, onConflict }: {
  kase: MediationCase;
  session?: string;
  onDialog(dialog: CaseDialog): void;
  onMinutesSaved(): void;
  onConflict(): void;
}) {
  const { t, tOr } = useI18n();
  const current = session ? kase.sessions.find((s) => s.sessionId === session) : undefined;
  if (session) {
    return current
      ? <MinutesPanel key={current.sessionId} kase={kase} session={current} onSaved={onMinutesSaved} onConflict={onConflict} />
      : <p className="muted" data-testid="session-missing">{t('med.minutes.noSession')}</p>;
  }
  const bookable = mayBookSessions(kase);
  return (
    <div className="card" data-testid="med-sessions">
      <div className="card-head">
        <h2>{t('med.sessions.title')}</h2>
        {bookable && (
          <button type="button" className="primary" data-testid="action-schedule" onClick={() => onDialog({ kind: 'schedule' })}>{t('med.action.schedule')}</button>
        )}
      </div>
      {kase.sessions.length === 0 ? <p className="muted" data-testid="sessions-none">{t(bookable ? 'med.sessions.none' : 'med.sessions.noneYet')}</p> : (
        <table className="table stacked" data-testid="sessions-table">
          <thead>
            <tr><th>{t('med.sessions.time')}</th><th>{t('med.f.mode')}</th><th>{t('med.f.location')}</th><th>{t('med.f.attendees')}</th><th>{t('cases.col.status')}</th><th /></tr>
          </thead>
          <tbody>
            {kase.sessions.map((s) => (
              <SessionRow key={s.sessionId} kase={kase} session={s} bookable={bookable} onDialog={onDialog} modeLabel={tOr(`med.mode.${s.mode}`, s.mode)} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SessionRow({ kase, session, bookable, onDialog, modeLabel }: { kase: MediationCase; session: Session; bookable: boolean; onDialog(dialog: CaseDialog): void; modeLabel: string }) {
  const { t } = useI18n();
  const s = session;
  return (
    <>
      <tr data-testid="session-row" data-session-id={s.sessionId} data-status={s.status} className={s.status === 'cancelled' ? 'row-disabled' : undefined}>
        <td className={s.status === 'cancelled' ? 'nowrap struck' : 'nowrap'}>{sessionTime(s)}</td>
        <td data-label={t('med.f.mode')}>{modeLabel}</td>
        <td data-label={t('med.f.location')}>{s.location ?? '—'}</td>
        <td data-label={t('med.f.attendees')}>{s.attendees.join('、')}</td>
        <td><span className={`badge badge-status session-${s.status}`} data-testid="session-status">{t(`med.session.${s.status}`)}</span></td>
        <td className="row-actions">
          {s.status === 'scheduled' && bookable && (
            <>
              <a className="button-link primary" href={hrefFor({ name: 'mediation-case', id: kase.id, tab: 'sessions', session: s.sessionId })} data-testid="session-minutes">
                {t('med.action.minutes')}
              </a>
              <button type="button" className="link-button" data-testid="session-reschedule" onClick={() => onDialog({ kind: 'step', spec: mediationSteps.reschedule(kase, s) })}>
                {t('med.action.reschedule')}
              </button>
              <button type="button" className="link-button text-danger-link" data-testid="session-cancel" onClick={() => onDialog({ kind: 'step', spec: mediationSteps.cancelSession(kase, s) })}>
                {t('med.action.cancelSession')}
              </button>
            </>
          )}
        </td>
      </tr>
      {s.minutes && (
        <tr className="minutes-row" data-testid="session-minutes-text">
          <td colSpan={6}><span className="muted">{t('med.minutes.title')}：</span><span className="prewrap">{s.minutes}</span></td>
        </tr>
      )}
    </>
  );
}
