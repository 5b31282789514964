import { useEffect, useState } from 'react';
import { api, ApiError, query } from '../../api';
import type { HotlineStats } from '../../api-types';

export interface StatsQuery {
  from: string;
  to: string;
  unit: string;
}

/** `enabled`: false while another tab of the dashboard is shown (a mediator may not read these at all). */
export function useHotlineStats(params: StatsQuery, reloadToken: number, enabled = true) {
  const [stats, setStats] = useState<HotlineStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoading(true);
    api
      .get<HotlineStats>(`/api/stats/hotline${query({ from: params.from, to: params.to, unit: params.unit })}`)
      .then((next) => {
        if (!live) return;
        setStats(next);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [params.from, params.to, params.unit, reloadToken, enabled]);

  return { stats, error, loading };
}
