import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api';
import type { HistoryEntry } from '../../api-types';
import type { WageCase } from './wage-types';

export const wageCasePath = (id: string, rest = '') => `/api/wage-cases/${encodeURIComponent(id)}${rest}`;

/**
 * The wage case and its history. The case is folded from its events on every read, so after a
 * command a plain reload shows it; `404` means missing or not the user's to see (the API does not say which).
 */
export function useWageCase(id: string) {
  const [state, setState] = useState<WageCase | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const live = useRef(true);

  const reload = useCallback(async () => {
    try {
      const [next, events] = await Promise.all([api.get<WageCase>(wageCasePath(id)), api.get<HistoryEntry[]>(wageCasePath(id, '/history'))]);
      if (!live.current) return;
      setState(next);
      setHistory(events);
      setError(null);
    } catch (e) {
      if (!live.current) return;
      setError(e instanceof ApiError ? e.message : String(e));
      setNotFound(e instanceof ApiError && e.status === 404);
    }
  }, [id]);

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  return { state, history, error, notFound, reload };
}
