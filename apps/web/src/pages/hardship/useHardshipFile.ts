import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api';
import type { HistoryEntry } from '../../api-types';
import type { HardshipFile } from './hardship-types';
import { filePath } from './step-dialogs';

/**
 * The file and its history. The file is folded from its events on every read, so after a step a
 * plain reload shows it; `404` means missing or not the user's to see (the API does not say which).
 */
export function useHardshipFile(id: string) {
  const [file, setFile] = useState<HardshipFile | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const live = useRef(true);

  const reload = useCallback(async () => {
    try {
      const [next, events] = await Promise.all([api.get<HardshipFile>(filePath(id)), api.get<HistoryEntry[]>(filePath(id, '/history'))]);
      if (!live.current) return;
      setFile(next);
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

  return { file, history, error, notFound, reload };
}
