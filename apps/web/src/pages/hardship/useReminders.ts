import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, listOf, messageOf, newIdempotencyKey } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import type { Reminder } from './hardship-types';

/**
 * 我的提醒: `GET /api/hardship-files/reminders`, what was sent to the signed-in cadre. `available`
 * is false while the server has no such endpoint (404): the follow-up list then stands alone.
 */
export function useReminders(reloadToken: number) {
  const { t } = useI18n();
  const [reminders, setReminders] = useState<Reminder[] | null>(null);
  const [available, setAvailable] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .get<Reminder[] | { items: Reminder[] }>('/api/hardship-files/reminders')
      .then((answer) => live && (setReminders(listOf(answer)), setAvailable(true), setError(null)))
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) setAvailable(false);
        else setError(messageOf(e, t('common.networkError')));
      });
    return () => {
      live = false;
    };
  }, [reloadToken, t]);

  /** `POST /api/hardship-files/reminders/:id/read`; the reminder shows as read once the server has it. */
  const markRead = useCallback(async (reminderId: string) => {
    try {
      await api.send(`/api/hardship-files/reminders/${encodeURIComponent(reminderId)}/read`, {}, newIdempotencyKey());
      setReminders((current) => current?.map((r) => (r.reminderId === reminderId ? { ...r, read: true } : r)) ?? null);
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
    }
  }, [t]);

  return { reminders, available, error, markRead };
}
