import type { HistoryEntry } from '../../api-types';

/** One step of a case's history: after this event, the case stood as `as-of?at=<at>` shows. */
export interface Moment {
  revision: number;
  type: string;
  /**
   * When the event was recorded, exactly as the history gives it (full precision): the as-of and
   * diff endpoints count the events recorded by an instant, so this instant includes this event
   * and none after it.
   */
  at: string;
}

export function momentsOf(history: HistoryEntry[]): Moment[] {
  return [...history]
    .sort((a, b) => a.revision - b.revision)
    .map((entry) => ({ revision: entry.revision, type: entry.type, at: entry.recordedAt || entry.occurredAt }));
}
