import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api';

export const INBOX_BUCKETS = ['toSignFor', 'returned', 'dueSoon', 'overdue', 'toApprove', 'followUpsDue', 'reminders', 'sessionsToday'] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

export interface InboxItem {
  id: string;
  kind: string;
  caseNumber: string | null;
  title: string;
  unitId: string;
  unitName: string;
  dueAt: string | null;
  detail: string | null;
}

/** `GET /api/inbox` (docs/api.md, "Inbox"). */
export interface Inbox {
  counts: Record<InboxBucket, number>;
  capped: InboxBucket[];
  total: number;
  items: Record<InboxBucket, InboxItem[]>;
}

/** The page tells the navigation's badge what it loaded, so the two never disagree. */
const LOADED = 'casework:inbox-loaded';
/** How often the badge asks again while nobody navigates. */
export const BADGE_REFRESH_MS = 60_000;

/** The inbox, loaded again whenever `reloadToken` changes. */
export function useInbox(reloadToken: number, networkText: string) {
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<Inbox>('/api/inbox')
      .then((answer) => {
        if (!live) return;
        setInbox(answer);
        setError(null);
        window.dispatchEvent(new CustomEvent(LOADED, { detail: answer.total }));
      })
      .catch((e: unknown) => live && setError(messageOf(e, networkText)));
    return () => {
      live = false;
    };
  }, [reloadToken, networkText]);
  return { inbox, error };
}

/**
 * The badge beside 待办: the distinct cases waiting, asked for on every navigation (`routeKey`) and every
 * minute; `null` until known, or for a role without an inbox. A failed ask keeps the last number.
 */
export function useInboxTotal(enabled: boolean, routeKey: string): number | null {
  const [total, setTotal] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), BADGE_REFRESH_MS);
    const onLoaded = (event: Event) => setTotal((event as CustomEvent<number>).detail);
    window.addEventListener(LOADED, onLoaded);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(LOADED, onLoaded);
    };
  }, [enabled]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api
      .get<Inbox>('/api/inbox')
      .then((answer) => live && setTotal(answer.total))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enabled, routeKey, tick]);
  return enabled ? total : null;
}
