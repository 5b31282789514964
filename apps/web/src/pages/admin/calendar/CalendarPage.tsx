import { useState } from 'react';
import { api, messageOf } from '../../../api';
import type { CalendarDay } from '../../../api-types';
import { Notice } from '../../../components/Notice';
import { shanghaiToday } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { DayDialog } from './DayDialog';
import { MonthGrid } from './MonthGrid';
import { NoticeForm } from './NoticeForm';
import { useCalendarYear } from './useCalendarYear';

const LEGEND = [
  ['day-work', 'calendar.legend.workday'],
  ['day-rest', 'calendar.legend.restday'],
  ['day-holiday', 'calendar.legend.holiday'],
  ['day-make_up_working_day', 'calendar.legend.makeUp'],
  ['day-corrected', 'calendar.legend.corrected'],
] as const;

/**
 * 工作日历: a month of the working calendar the deadlines are counted on — public holidays and make-up
 * working weekends (调休上班) told apart — where the administrator corrects a day with a reason or undoes it.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const [today] = useState(shanghaiToday);
  const [at, setAt] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const { calendar, error, reload } = useCalendarYear(at.year);
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const step = (months: number) => {
    setNotice(null);
    setAt(({ year, month }) => {
      const index = year * 12 + (month - 1) + months;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  };

  function done(text: string) {
    setPicked(null);
    setNotice({ kind: 'info', text });
    reload();
  }

  async function markEntered(entered: boolean) {
    try {
      await api.put(`/api/calendar/years/${at.year}`, { entered });
      done(t(entered ? 'calendar.enteredDone' : 'calendar.unenteredDone', { year: at.year }));
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e, t('common.networkError')) });
    }
  }

  return (
    <section className="page page-narrow" data-testid="calendar-page">
      <div className="page-head">
        <h1>{t('calendar.title')}</h1>
        <div className="month-nav">
          <button type="button" className="secondary" data-testid="calendar-prev" aria-label={t('calendar.prevMonth')} onClick={() => step(-1)}>‹</button>
          <span className="month-label" data-testid="calendar-month" data-year={at.year} data-month={at.month}>
            {t('calendar.month', { year: at.year, month: at.month })}
          </span>
          <button type="button" className="secondary" data-testid="calendar-next" aria-label={t('calendar.nextMonth')} onClick={() => step(1)}>›</button>
        </div>
      </div>
      <p className="muted">{t('calendar.hint')}</p>
      <Notice kind={notice?.kind ?? 'error'} text={notice?.text ?? error} testId="calendar-notice" />
      {calendar && !calendar.known && <Notice kind="warn" text={t('calendar.unknownYear', { year: at.year })} testId="calendar-unknown-year" />}
      {calendar?.notice && <Notice kind="info" text={t('calendar.noticeEntered', { year: at.year, reason: calendar.notice.reason })} testId="calendar-notice-entered" />}
      {calendar?.enteredByAdministrator && <Notice kind="info" text={t('calendar.enteredNote', { year: at.year })} testId="calendar-entered" />}
      <div className="card">
        <div className="legend">
          {LEGEND.map(([look, key]) => <span key={look} className="legend-item"><span className={`legend-swatch ${look}`} />{t(key)}</span>)}
        </div>
        {calendar ? <MonthGrid days={calendar.days} month={at.month} onPick={(day) => { setNotice(null); setPicked(day); }} />
          : !error && <p className="empty">{t('common.loading')}</p>}
        {calendar && (
          <div className="form-actions">
            <button type="button" className="secondary" data-testid="calendar-mark-entered" onClick={() => markEntered(!calendar.enteredByAdministrator)}>
              {t(calendar.enteredByAdministrator ? 'calendar.unmarkEntered' : 'calendar.markEntered')}
            </button>
          </div>
        )}
      </div>
      {calendar && (calendar.provisional || calendar.notice) && (
        <div className="card">
          <NoticeForm key={`${calendar.year}-${calendar.notice?.enteredAt ?? 'provisional'}`} calendar={calendar} onDone={done} />
        </div>
      )}
      <div className="card card-flush">
        <h2 className="card-title">{t('calendar.corrections')}</h2>
        {calendar && calendar.corrections.length === 0 && <p className="empty">{t('calendar.correctionsEmpty')}</p>}
        {calendar && calendar.corrections.length > 0 && (
          <table className="table" data-testid="calendar-corrections">
            <thead>
              <tr><th>{t('calendar.col.date')}</th><th>{t('calendar.col.kind')}</th><th>{t('calendar.col.note')}</th></tr>
            </thead>
            <tbody>
              {calendar.corrections.map((c) => (
                <tr key={c.date} className="clickable" data-testid="calendar-correction" data-date={c.date}
                  onClick={() => setPicked(calendar.days.find((d) => d.date === c.date) ?? null)}>
                  <td className="mono">{c.date}</td>
                  <td>{t(`calendar.kindShort.${c.kind}`)}</td>
                  <td>{c.note || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {picked && <DayDialog key={picked.date} day={picked} onDone={done} onClose={() => setPicked(null)} />}
    </section>
  );
}
