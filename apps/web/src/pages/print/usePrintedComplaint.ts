import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api';
import type { ComplaintState, HistoryEntry } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';

/** A complaint and its history as the printed forms need them (read once: a print is a snapshot). */
export function usePrintedComplaint(id: string) {
  const { t } = useI18n();
  const [complaint, setComplaint] = useState<ComplaintState | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const path = `/api/complaints/${encodeURIComponent(id)}`;
    Promise.all([api.get<ComplaintState>(path), api.get<HistoryEntry[]>(`${path}/history`)])
      .then(([state, events]) => live && (setComplaint(state), setHistory(events)))
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [id, t]);
  return { complaint, history, error };
}

/** 工单编号: given when the order was received and recorded in its first event; the id for orders older than numbers. */
export function orderNumberOf(complaint: ComplaintState, history: readonly HistoryEntry[]): string {
  const number = complaint.caseNumber ?? history[0]?.data?.caseNumber;
  return typeof number === 'string' ? number : complaint.id;
}
