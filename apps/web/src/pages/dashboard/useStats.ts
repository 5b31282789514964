import { useEffect, useState } from 'react';
import { api, messageOf, query } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import { endOfShanghaiDay } from '../hardship/hardship-figures';
import type { StatsQuery } from './useHotlineStats';

/**
 * `GET /api/stats/<area>?from&to&unit&asOf`: an area's figures of the period, as recorded by the end
 * of `asOfDay` (now when empty), reloaded when `reloadToken` changes. One hook for every area's tab.
 */
export function useStats<Stats>(area: 'wage' | 'hardship' | 'mediation', params: StatsQuery, asOfDay: string, reloadToken: number) {
  const { t } = useI18n();
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const asOf = asOfDay ? endOfShanghaiDay(asOfDay) : undefined;
    api
      .get<Stats>(`/api/stats/${area}${query({ from: params.from, to: params.to, unit: params.unit, asOf })}`)
      .then((next) => live && (setStats(next), setError(null)))
      .catch((e: unknown) => live && (setStats(null), setError(messageOf(e, t('common.networkError')))))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [area, params.from, params.to, params.unit, asOfDay, reloadToken, t]);

  return { stats, error, loading };
}
