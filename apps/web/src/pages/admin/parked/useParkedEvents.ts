import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../../api';
import { useI18n } from '../../../i18n/I18nProvider';

/** One row of `GET /api/admin/parked-events` (docs/api.md, "Parked events"). */
export interface ParkedEvent {
  projection: string;
  eventId: string;
  position: string;
  streamId: string;
  streamRevision: number;
  eventType: string;
  errorClass: string;
  errorMessage: string;
  attempts: number;
  status: 'parked' | 'replayed';
  parkedAt: string;
}

export interface ReplayReport {
  projection: string;
  mode: 'rebuild' | 'event';
  parked: number;
  replayed: number;
  stillParked: number;
}

/** The parked events, and their replay (`POST /api/admin/parked-events/replay`). */
export function useParkedEvents() {
  const { t } = useI18n();
  const [items, setItems] = useState<ParkedEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.get<{ total: number; items: ParkedEvent[] }>('/api/admin/parked-events')
      .then((answer) => {
        if (!live) return;
        setItems(answer.items);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [attempt, t]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replay = useCallback(async (projection?: string) => {
    const answer = await api.post<{ reports: ReplayReport[] }>('/api/admin/parked-events/replay', projection ? { projection } : {});
    return answer.reports;
  }, []);
  return { items, error, reload, replay };
}
