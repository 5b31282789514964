import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api';
import type { ComplaintState, HistoryEntry } from '../../api-types';

const READ_RETRIES = 12;
const READ_RETRY_MS = 250;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The complaint and its timeline. After a command, `reload(version)` waits until the read side
 * shows at least that version, so the buttons never offer actions of the state before. It answers
 * `not_found` when the complaint can no longer be seen (a return took it away from the user's units).
 */
export function useComplaint(id: string) {
  const [state, setState] = useState<ComplaintState | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** `404`: no such complaint, or one the user may not see — the API does not say which. */
  const [notFound, setNotFound] = useState(false);
  const live = useRef(true);

  const reload = useCallback(
    async (minVersion?: number): Promise<'ok' | 'not_found' | 'error'> => {
      try {
        let next = await api.get<ComplaintState>(`/api/complaints/${encodeURIComponent(id)}`);
        for (let i = 0; minVersion !== undefined && next.version < minVersion && i < READ_RETRIES; i++) {
          await pause(READ_RETRY_MS);
          next = await api.get<ComplaintState>(`/api/complaints/${encodeURIComponent(id)}`);
        }
        const events = await api.get<HistoryEntry[]>(`/api/complaints/${encodeURIComponent(id)}/history`);
        if (!live.current) return 'ok';
        setState(next);
        setHistory(events);
        setError(null);
        return 'ok';
      } catch (e) {
        const gone = e instanceof ApiError && e.status === 404;
        if (!live.current) return gone ? 'not_found' : 'error';
        setError(e instanceof ApiError ? e.message : String(e));
        setNotFound(gone);
        return gone ? 'not_found' : 'error';
      }
    },
    [id],
  );

  useEffect(() => {
    live.current = true;
    void reload();
    return () => {
      live.current = false;
    };
  }, [reload]);

  return { state, history, error, notFound, reload };
}
