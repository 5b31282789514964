import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../../api';
import type { CalendarYear } from '../../../api-types';
import { useI18n } from '../../../i18n/I18nProvider';

/** `GET /api/calendar?year=`: every day of the year as the live calendar counts it, and the corrections. */
export function useCalendarYear(year: number) {
  const { t } = useI18n();
  const [calendar, setCalendar] = useState<CalendarYear | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<CalendarYear>(`/api/calendar?year=${year}`)
      .then((answer) => {
        if (!live) return;
        setCalendar(answer);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [year, attempt, t]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { calendar: calendar?.year === year ? calendar : null, error, reload };
}
