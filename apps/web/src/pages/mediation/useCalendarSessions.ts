import { useCallback, useEffect, useRef, useState } from 'react';
import { api, messageOf, query } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import type { CalendarSession } from './mediation-types';

/** How long the calendar looks for a session just booked: the calendar is a read model, a busy server applies it late. */
const FOLLOW_FOR_MS = 30_000;
const FOLLOW_PAUSE_MS = 300;
const FOLLOW_PAUSE_MAX_MS = 2_000;

/**
 * `GET /api/mediation-cases/sessions`: the sessions of `room` (a room, or a unit with rooms below it;
 * the user's own when empty) from `from` to `to`, Shanghai days. The calendar is a read model that
 * follows the cases a moment later: `follow(sessionId)` reads again until a session just booked is there.
 */
export function useCalendarSessions(params: { from: string; to: string; room?: string }) {
  const { t } = useI18n();
  const [sessions, setSessions] = useState<CalendarSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const live = useRef(true);
  const path = `/api/mediation-cases/sessions${query({ from: params.from, to: params.to, room: params.room })}`;

  const load = useCallback(async (): Promise<CalendarSession[] | null> => {
    setLoading(true);
    try {
      const next = await api.get<CalendarSession[]>(path);
      if (live.current) (setSessions(next), setError(null));
      return next;
    } catch (e) {
      if (live.current) (setSessions(null), setError(messageOf(e, t('common.networkError'))));
      return null;
    } finally {
      if (live.current) setLoading(false);
    }
  }, [path, t]);

  useEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
  }, [load]);

  const follow = useCallback(async (sessionId: string) => {
    const giveUpAt = Date.now() + FOLLOW_FOR_MS;
    for (let pause = FOLLOW_PAUSE_MS; Date.now() < giveUpAt && live.current; pause = Math.min(pause * 1.5, FOLLOW_PAUSE_MAX_MS)) {
      const next = await load();
      if (!next || next.some((s) => s.sessionId === sessionId)) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }, [load]);

  return { sessions, error, loading, reload: load, follow };
}
