import { useCallback, useEffect, useState } from 'react';
import { api, messageOf, query } from '../../../api';
import type { AdminRefList, ReferenceChangeEntry, ReferenceListName } from '../../../api-types';
import { useI18n } from '../../../i18n/I18nProvider';

/** `GET /api/admin/reference/hotline` and the change history of the chosen list. */
export function useReferenceAdmin(list: ReferenceListName) {
  const { t } = useI18n();
  const [lists, setLists] = useState<AdminRefList[] | null>(null);
  const [history, setHistory] = useState<ReferenceChangeEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.get<{ lists: AdminRefList[] }>('/api/admin/reference/hotline'),
      api.get<ReferenceChangeEntry[]>(`/api/admin/reference/hotline/changes${query({ list })}`),
    ])
      .then(([answer, changes]) => {
        if (!live) return;
        setLists(answer.lists);
        setHistory(changes);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [list, attempt, t]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { lists, history, error, reload };
}
