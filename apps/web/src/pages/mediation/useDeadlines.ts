import { useEffect, useState } from 'react';
import { api, messageOf, query } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import type { DeadlineItem } from './mediation-types';

/** `GET /api/mediation-cases/deadlines?days=N`: periods ending within N days, or already over, most urgent first. */
export function useDeadlines(days: number, reloadToken: number) {
  const { t } = useI18n();
  const [items, setItems] = useState<DeadlineItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<DeadlineItem[]>(`/api/mediation-cases/deadlines${query({ days })}`)
      .then((next) => live && (setItems(next), setError(null)))
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [days, reloadToken, t]);
  return { items, error };
}
