import { useCallback, useEffect, useState } from 'react';
import { api, listOf, messageOf, query } from '../../api';
import type { AdminUser } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';

/** `GET /api/users?q=`, sorted by unit then username so a unit's people stand together (as the export is). */
export function useUsers(q = '') {
  const { t } = useI18n();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<AdminUser[] | { items: AdminUser[] }>(`/api/users${query({ q })}`)
      .then((answer) => {
        if (!live) return;
        const sorted = [...listOf(answer)].sort(
          (a, b) => a.orgUnitId.localeCompare(b.orgUnitId) || a.username.localeCompare(b.username),
        );
        setUsers(sorted);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [q, attempt, t]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { users, error, reload };
}
