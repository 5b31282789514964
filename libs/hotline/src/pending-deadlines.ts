import type { ComplaintState } from './complaint.state.js';
import type { DeadlineStep } from './complaint.values.js';

export interface PendingDeadline {
  readonly step: DeadlineStep;
  /** ISO-8601 UTC, as recorded when the deadline was set. */
  readonly dueAt: string;
}

/**
 * The deadlines whose step is still undone, earliest first: sign-for while assigned, first contact
 * until the caller is tried, resolution (extension included) while handled (also by a unit an order
 * came back to), follow-up until tried.
 */
export function pendingDeadlines(state: ComplaintState): PendingDeadline[] {
  const round = state.round;
  // A return to a unit above that had signed for it leaves the round running.
  const handling = state.status === 'assigned' || state.status === 'in_progress' || (state.status === 'returned' && !!round);
  const pending = (step: DeadlineStep, dueAt: string | null | undefined, undone: boolean): PendingDeadline[] =>
    undone && dueAt ? [{ step, dueAt }] : [];
  return [
    ...pending('sign_for', round?.signForDueAt, state.status === 'assigned'),
    ...pending('first_contact', round?.firstContactDueAt, handling && round?.contactAttempts === 0),
    ...pending('resolve', round?.resolveDueAt, handling),
    ...pending('follow_up', state.followUpDueAt, state.status === 'resolved' && state.followUpAttempts === 0),
  ].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
