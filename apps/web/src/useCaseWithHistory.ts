import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api';
import type { HistoryEntry } from './api-types';

/**
 * A case and its history, read together from `path('')` and `path('/history')`. The case is folded
 * from its events on every read, so after a command a plain reload shows it; `404` means missing or
 * not the user's to see (the API does not say which).
 */
export function useCaseWithHistory<Case>(path: (rest?: string) => string) {
  const [state, setState] = useState<Case | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const live = useRef(true);
  const base = path();

  const reload = useCallback(async () => {
    try {
      const [next, events] = await Promise.all([api.get<Case>(base), api.get<HistoryEntry[]>(`${base}/history`)]);
      if (!live.current) return;
      setState(next);
      setHistory(events);
      setError(null);
    } catch (e) {
      if (!live.current) return;
      setError(e instanceof ApiError ? e.message : String(e));
      setNotFound(e instanceof ApiError && e.status === 404);
    }
  }, [base]);

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  return { state, history, error, notFound, reload };
}
