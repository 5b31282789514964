import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../../api';
import type { PovertyLine, PovertyLineChange } from '../../../api-types';
import { useI18n } from '../../../i18n/I18nProvider';

/** `GET /api/admin/poverty-lines` and their change history, newest first. */
export function usePovertyLines() {
  const { t } = useI18n();
  const [lines, setLines] = useState<PovertyLine[] | null>(null);
  const [changes, setChanges] = useState<PovertyLineChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([api.get<{ lines: PovertyLine[] }>('/api/admin/poverty-lines'), api.get<PovertyLineChange[]>('/api/admin/poverty-lines/changes')])
      .then(([answer, history]) => {
        if (!live) return;
        setLines([...answer.lines].sort((a, b) => b.year - a.year || a.district.localeCompare(b.district)));
        setChanges(history);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [attempt, t]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { lines, changes, error, reload };
}
