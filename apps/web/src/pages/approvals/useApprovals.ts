import { useCallback, useEffect, useState } from 'react';
import { api, listOf, messageOf, query } from '../../api';
import type { Approval } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';

export type ApprovalTab = 'pending' | 'decided';

/** `GET /api/approvals?status=&q=`: the supervisor's inbox (their subtree), newest first. */
export function useApprovals(status: ApprovalTab, q = '') {
  const { t } = useI18n();
  const [items, setItems] = useState<Approval[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<Approval[] | { items: Approval[] }>(`/api/approvals${query({ status, q })}`)
      .then((answer) => {
        if (!live) return;
        setItems(listOf(answer));
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [status, q, attempt, t]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { items, error, reload };
}
