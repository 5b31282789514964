import { useEffect, useState } from 'react';
import { api, messageOf, query } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import type { WageStats } from '../wage/wage-types';
import type { StatsQuery } from './useHotlineStats';

/** `GET /api/stats/wage?from&to&unit`: the wage-recovery figures of the period. */
export function useWageStats(params: StatsQuery, reloadToken: number, enabled: boolean) {
  const { t } = useI18n();
  const [stats, setStats] = useState<WageStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoading(true);
    api
      .get<WageStats>(`/api/stats/wage${query({ from: params.from, to: params.to, unit: params.unit })}`)
      .then((next) => live && (setStats(next), setError(null)))
      .catch((e: unknown) => live && (setStats(null), setError(messageOf(e, t('common.networkError')))))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [params.from, params.to, params.unit, reloadToken, enabled, t]);

  return { stats, error, loading };
}
