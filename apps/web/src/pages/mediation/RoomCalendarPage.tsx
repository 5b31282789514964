import { useMemo, useState } from 'react';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { readSession } from '../../session';
import '../../styles/mediation.css';
import { roomsWithin } from './rooms';
import { ScheduleDialog } from './ScheduleDialog';
import { useCalendarSessions } from './useCalendarSessions';
import { addDays, dayOf, weekOf } from './week';
import { WeekGrid } from './WeekGrid';

/**
 * 调解室日历: a room's week, Monday to Sunday, each session a block by its time; the previous and next
 * weeks; and 安排调解, which books a case of the room (the API refuses a room or mediator already taken).
 */
export function RoomCalendarPage() {
  const { t } = useI18n();
  const { units } = useReference();
  const user = readSession()?.user;
  const rooms = useMemo(() => roomsWithin(user?.orgUnitId ?? '', units), [user?.orgUnitId, units]);
  const [chosenRoom, setChosenRoom] = useState('');
  const room = chosenRoom || rooms[0]?.id || '';
  const [anchor, setAnchor] = useState(shanghaiToday);
  const [scheduling, setScheduling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const days = weekOf(anchor);
  const { sessions, error, loading, reload, follow } = useCalendarSessions({ from: days[0], to: days[6], room: room || undefined });
  const thisWeek = days.includes(shanghaiToday());

  async function booked(result: { sessionId: string; startsAt: string }) {
    setScheduling(false);
    setAnchor(dayOf(result.startsAt));
    setNotice(t('med.calendar.booked'));
    await follow(result.sessionId);
  }

  return (
    <section className="page" data-testid="room-calendar" data-week={days[0]} data-room={room}>
      <div className="page-head">
        <h1>{t('med.calendar.title')}</h1>
        <button type="button" className="primary" data-testid="calendar-schedule" disabled={!room} onClick={() => (setNotice(null), setScheduling(true))}>
          {t('med.action.schedule')}
        </button>
      </div>
      <div className="filters calendar-filters">
        <Field id="calendar-room" label={t('med.f.room')}>
          <select id="calendar-room" data-testid="calendar-room" value={room} onChange={(e) => setChosenRoom(e.target.value)}>
            {rooms.length === 0 && <option value="">{t('med.calendar.noRoom')}</option>}
            {rooms.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </Field>
        <div className="week-nav">
          <button type="button" className="secondary" data-testid="week-prev" onClick={() => setAnchor(addDays(days[0], -7))}>{t('med.calendar.prev')}</button>
          <button type="button" className={thisWeek ? 'primary' : 'secondary'} data-testid="week-this" onClick={() => setAnchor(shanghaiToday())}>{t('med.calendar.thisWeek')}</button>
          <button type="button" className="secondary" data-testid="week-next" onClick={() => setAnchor(addDays(days[0], 7))}>{t('med.calendar.next')}</button>
          <span className="muted" data-testid="week-range">{t('med.calendar.range', { from: days[0], to: days[6] })}</span>
          <button type="button" className="link-button" data-testid="calendar-refresh" onClick={() => void reload()}>{t('common.refresh')}</button>
        </div>
      </div>
      <Notice kind="info" text={notice} testId="calendar-notice" />
      <Notice kind="error" text={error} testId="calendar-error" />
      <div className="card card-flush" aria-busy={loading}>
        <WeekGrid days={days} sessions={sessions ?? []} me={user?.id} />
        {sessions?.length === 0 && <p className="empty" data-testid="calendar-empty">{t('med.calendar.empty')}</p>}
      </div>
      {scheduling && (
        <ScheduleDialog room={room} initialDay={thisWeek ? shanghaiToday() : days[0]} onClose={() => setScheduling(false)} onDone={(result) => void booked(result)} />
      )}
    </section>
  );
}
