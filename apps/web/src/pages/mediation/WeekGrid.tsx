import { formatTime, shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { personLabel } from '../../people';
import { hrefFor } from '../../router';
import type { CalendarSession } from './mediation-types';
import { blockPlacement, dayOf, hoursShown } from './week';

const HOUR_PX = 48;
const WEEKDAYS: MessageKey[] = ['med.weekday.mon', 'med.weekday.tue', 'med.weekday.wed', 'med.weekday.thu', 'med.weekday.fri', 'med.weekday.sat', 'med.weekday.sun'];

/**
 * A week of a room: seven day columns (Monday first), the hours down the side, each session a block
 * placed by its Shanghai times and linked to its case. Today's column is marked.
 */
export function WeekGrid({ days, sessions, me }: { days: readonly string[]; sessions: readonly CalendarSession[]; me?: string }) {
  const { t } = useI18n();
  const hours = hoursShown(sessions);
  const height = (hours.to - hours.from) * HOUR_PX;
  const today = shanghaiToday();
  const hourMarks = Array.from({ length: hours.to - hours.from + 1 }, (_, i) => hours.from + i);
  return (
    <div className="week-grid" data-testid="week-grid">
      <div className="week-head">
        <div />
        {days.map((day, i) => (
          <div key={day} className={day === today ? 'week-day-head today' : 'week-day-head'} data-testid="week-day-head" data-day={day}>
            {t(WEEKDAYS[i])} <span className="muted">{Number(day.slice(5, 7))}/{Number(day.slice(8))}</span>
          </div>
        ))}
      </div>
      <div className="week-body" style={{ height }}>
        <div className="week-hours">
          {hourMarks.map((hour) => (
            <span key={hour} style={{ top: (hour - hours.from) * HOUR_PX }}>{String(hour).padStart(2, '0')}:00</span>
          ))}
        </div>
        {days.map((day) => (
          <div key={day} className={day === today ? 'week-day today' : 'week-day'} data-testid="week-day" data-day={day}>
            {hourMarks.slice(1).map((hour) => <div key={hour} className="hour-line" style={{ top: (hour - hours.from) * HOUR_PX }} />)}
            {sessions.filter((s) => dayOf(s.startsAt) === day).map((s) => {
              const place = blockPlacement(s, hours);
              return (
                <a key={s.sessionId} href={hrefFor({ name: 'mediation-case', id: s.caseId })}
                  className={`session-block mode-${s.mode}${s.mediatorId === me ? ' mine' : ''}${s.status === 'held' ? ' held' : ''}`}
                  style={{ top: `${place.top}%`, height: `${place.height}%` }} title={s.caseTitle}
                  data-testid="calendar-session" data-session-id={s.sessionId} data-case-id={s.caseId} data-day={day}>
                  <strong>{formatTime(s.startsAt)}–{formatTime(s.endsAt)}</strong>
                  <span className="session-title">{s.caseTitle}</span>
                  <span className="session-meta">{t(`med.mode.${s.mode}`)} · {s.mediatorId === me ? t('med.day.me') : s.mediatorName ?? personLabel(s.mediatorId).text}</span>
                </a>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
