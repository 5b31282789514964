import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { formatTime, shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { personLabel } from '../../people';
import { hrefFor } from '../../router';
import { readSession } from '../../session';
import '../../styles/mediation.css';
import { DeadlinesCard } from './DeadlinesCard';
import type { CalendarSession } from './mediation-types';
import { useCalendarSessions } from './useCalendarSessions';

/**
 * 今日调解, a mediator's home: today's sessions in my room, mine marked (or only mine), each a click
 * from its case in session mode; and the periods about to end (期限预警).
 */
export function MediatorDayPage() {
  const { t } = useI18n();
  const me = readSession()?.user;
  const today = shanghaiToday();
  const [onlyMine, setOnlyMine] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);
  const { sessions, error, reload } = useCalendarSessions({ from: today, to: today });
  const shown = (sessions ?? []).filter((s) => !onlyMine || s.mediatorId === me?.id);
  const refresh = () => {
    setReloadToken((n) => n + 1);
    void reload();
  };
  return (
    <section className="page" data-testid="mediator-day">
      <div className="page-head">
        <h1>{t('med.day.title', { date: today })}</h1>
        <div className="action-buttons">
          <a className="button-link secondary" href={hrefFor({ name: 'mediation-new' })} data-testid="day-new-referral">{t('nav.mediationNew')}</a>
          <a className="button-link secondary" href={hrefFor({ name: 'room-calendar' })}>{t('nav.roomCalendar')}</a>
          <button type="button" className="secondary" data-testid="day-refresh" onClick={refresh}>{t('common.refresh')}</button>
        </div>
      </div>
      <div className="card" data-testid="day-sessions">
        <div className="card-head">
          <h2>{t('med.day.sessions')}</h2>
          <div className="segmented" role="group">
            <button type="button" className={onlyMine ? 'secondary' : 'primary'} aria-pressed={!onlyMine} data-testid="day-all" onClick={() => setOnlyMine(false)}>{t('med.day.room')}</button>
            <button type="button" className={onlyMine ? 'primary' : 'secondary'} aria-pressed={onlyMine} data-testid="day-mine" onClick={() => setOnlyMine(true)}>{t('med.day.mine')}</button>
          </div>
        </div>
        <Notice kind="error" text={error} testId="day-error" />
        {sessions === null && !error && <p className="muted">{t('common.loading')}</p>}
        {sessions && shown.length === 0 && <p className="empty" data-testid="day-empty">{t(onlyMine ? 'med.day.noneMine' : 'med.day.none')}</p>}
        {shown.length > 0 && (
          <table className="table stacked" data-testid="day-table">
            <thead><tr><th>{t('med.sessions.time')}</th><th>{t('med.f.case')}</th><th>{t('med.f.mode')}</th><th>{t('med.f.location')}</th><th>{t('med.f.mediator')}</th><th /></tr></thead>
            <tbody>
              {shown.map((s) => <DayRow key={s.sessionId} session={s} mine={s.mediatorId === me?.id} />)}
            </tbody>
          </table>
        )}
      </div>
      <DeadlinesCard reloadToken={reloadToken} />
    </section>
  );
}

function DayRow({ session: s, mine }: { session: CalendarSession; mine: boolean }) {
  const { t, tOr } = useI18n();
  const now = Date.now();
  const running = Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt);
  return (
    <tr data-testid="day-session" data-session-id={s.sessionId} data-case-id={s.caseId} data-mine={mine} data-status={s.status} className={running ? 'session-now' : undefined}>
      <td className="nowrap"><strong>{formatTime(s.startsAt)}–{formatTime(s.endsAt)}</strong>{running && <> <span className="badge badge-met">{t('med.day.now')}</span></>}</td>
      <td data-label={t('med.f.case')}><a href={hrefFor({ name: 'mediation-case', id: s.caseId })}>{s.caseTitle}</a></td>
      <td data-label={t('med.f.mode')}>{tOr(`med.mode.${s.mode}`, s.mode)}</td>
      <td data-label={t('med.f.location')}>{s.location ?? s.roomName}</td>
      <td data-label={t('med.f.mediator')}>{mine ? <span className="badge badge-urgent" data-testid="day-mine-badge">{t('med.day.me')}</span> : s.mediatorName ?? personLabel(s.mediatorId).text}</td>
      <td className="row-actions">
        {s.status === 'scheduled'
          ? <a className="button-link primary" href={hrefFor({ name: 'mediation-case', id: s.caseId, tab: 'sessions', session: s.sessionId })} data-testid="day-open-session">{t('med.day.open')}</a>
          : <span className="badge badge-met">{t('med.session.held')}</span>}
      </td>
    </tr>
  );
}
