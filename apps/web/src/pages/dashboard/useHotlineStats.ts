import { useEffect, useState } from 'react';
import { api, ApiError, query } from '../../api';
import type { HotlineStats } from '../../api-types';

export interface StatsQuery {
  from: string;
  to: string;
  unit: string;
}

export function useHotlineStats(params: StatsQuery, reloadToken: number) {
  const [stats, setStats] = useState<HotlineStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
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
  }, [params.from, params.to, params.unit, reloadToken]);

  return { stats, error, loading };
}
