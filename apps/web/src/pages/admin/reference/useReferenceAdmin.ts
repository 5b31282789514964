import { useCallback, useEffect, useState } from 'react';
import { api, messageOf, query } from '../../../api';
import type { AdminRefList, ReferenceChangeEntry, ReferenceListName } from '../../../api-types';
import { useI18n } from '../../../i18n/I18nProvider';

/** Where each list is kept: the hotline's lists together, the evidence kinds (issue 19) on their own. */
export function referenceListPath(list: ReferenceListName): string {
  return list === 'evidenceKinds' ? '/api/admin/reference/evidence-kinds' : `/api/admin/reference/hotline/${list}`;
}

/** The evidence kinds as one more list: codes and Chinese labels only, every kind may be added or retired. */
function evidenceKindsList(items: { code: string; label: string; active: boolean }[], label: string): AdminRefList {
  return { name: 'evidenceKinds', label, canAdd: true, canRetire: true, items: items.map((item) => ({ ...item, labelEn: '' })) };
}

/** `GET /api/admin/reference/hotline` and the evidence kinds, and the change history of the chosen list. */
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
      api.get<{ items: { code: string; label: string; active: boolean }[] }>('/api/admin/reference/evidence-kinds'),
      list === 'evidenceKinds'
        ? api.get<{ items: Omit<ReferenceChangeEntry, 'list'>[] }>('/api/admin/reference/evidence-kinds/changes').then((answer) => answer.items.map((entry) => ({ ...entry, list })))
        : api.get<ReferenceChangeEntry[]>(`/api/admin/reference/hotline/changes${query({ list })}`),
    ])
      .then(([answer, kinds, changes]) => {
        if (!live) return;
        setLists([...answer.lists, evidenceKindsList(kinds.items, t('refAdmin.evidenceKinds'))]);
        setHistory(changes as ReferenceChangeEntry[]);
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
