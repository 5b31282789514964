import type { CalendarDay } from '../../../api-types';
import { useI18n } from '../../../i18n/I18nProvider';
import { dayLook, monthWeeks, WEEK_ORDER } from './calendar-days';

/**
 * One month, Monday first. Each day says whether it counts as working now; holidays (休) and make-up
 * working days (班) carry their festival's name; a day the administrator corrected is outlined.
 */
export function MonthGrid({ days, month, onPick }: { days: CalendarDay[]; month: number; onPick(day: CalendarDay): void }) {
  const { t, lang } = useI18n();
  return (
    <table className="month-grid" data-testid="month-grid">
      <thead>
        <tr>{WEEK_ORDER.map((weekday) => <th key={weekday}>{t(`calendar.weekday.${weekday}`)}</th>)}</tr>
      </thead>
      <tbody>
        {monthWeeks(days, month).map((week, i) => (
          <tr key={i}>
            {week.map((day, j) => {
              if (!day) return <td key={`blank-${j}`} />;
              const look = dayLook(day);
              const name = day.published ? (lang === 'en' ? day.published.nameEn : day.published.name)
                : day.notice ?? (day.statutory ? `${day.statutory.name}${day.statutory.substitute ? t('calendar.substitute') : ''}` : null);
              const classes = ['day', `day-${look}`, day.correction ? 'day-corrected' : ''].filter(Boolean).join(' ');
              return (
                <td key={day.date}>
                  <button type="button" className={classes} data-testid="calendar-day" data-date={day.date} data-working={String(day.working)}
                    data-published={day.published?.kind ?? ''} data-statutory={day.statutory ? 'true' : undefined} data-corrected={day.correction?.kind ?? ''}
                    title={day.correction?.note || name || undefined} onClick={() => onPick(day)}>
                    <span className="day-number">{Number(day.date.slice(8))}</span>
                    {(look === 'holiday' || (day.correction && !day.working)) && <span className="day-tag tag-rest">{t('calendar.tag.rest')}</span>}
                    {(look === 'make_up_working_day' || (day.correction && day.working)) && <span className="day-tag tag-work">{t('calendar.tag.work')}</span>}
                    <span className="day-name">{day.correction?.note || name || ''}</span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
