import { useEffect, useState } from 'react';
import { api, listOf, messageOf, query } from '../../api';
import type { AccessLogEntry } from '../../api-types';
import { shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';

export interface AccessLogFilter {
  caseId: string;
  userId: string;
  /** The search box: a case number, a title or a user's name. */
  q: string;
  /** Shanghai calendar days, both inclusive. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The last 7 Shanghai days, today included. */
export function initialAccessLogFilter(now = new Date()): AccessLogFilter {
  return { caseId: '', userId: '', q: '', from: shanghaiToday(new Date(now.getTime() - 6 * DAY_MS)), to: shanghaiToday(now) };
}

/** A Shanghai day's first and last instant in UTC ISO, as the API takes times. */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}
export function dayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999+08:00`).toISOString();
}

/** The list's query string, the same for the list and its export. */
export function accessLogQuery(filter: AccessLogFilter): string {
  return query({
    caseId: filter.caseId.trim(),
    userId: filter.userId.trim(),
    q: filter.q.trim(),
    from: filter.from ? dayStart(filter.from) : '',
    to: filter.to ? dayEnd(filter.to) : '',
  });
}

/** `GET /api/audit/access-log` for the supervisor's subtree, newest first. */
export function useAccessLog(filter: AccessLogFilter, reloadToken: number) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<AccessLogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const params = accessLogQuery(filter);
    api
      .get<AccessLogEntry[] | { items: AccessLogEntry[] }>(`/api/audit/access-log${params}`)
      .then((answer) => {
        if (!live) return;
        setEntries([...listOf(answer)].sort((a, b) => b.at.localeCompare(a.at)));
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filter, reloadToken, t]);

  return { entries, error, loading };
}
