import type { HistoryEntry } from '../../api-types';

/**
 * The extension request still waiting for a supervisor, read from the history: an
 * `ExtensionRequested` whose `requestId` has no `ExtensionRequestApproved`/`Rejected` after it.
 */
export function pendingExtension(history: HistoryEntry[]): { workingDays: number | null } | null {
  const decided = new Set(
    history
      .filter((e) => e.type === 'ExtensionRequestApproved' || e.type === 'ExtensionRequestRejected')
      .map((e) => e.data?.requestId),
  );
  const open = [...history].reverse().find((e) => e.type === 'ExtensionRequested' && !decided.has(e.data?.requestId));
  if (!open) return null;
  return { workingDays: typeof open.data?.workingDays === 'number' ? open.data.workingDays : null };
}
