import type { ComplaintState } from './complaint.state.js';
import { pendingDeadlines, type PendingDeadline } from './pending-deadlines.js';

export type OverdueDeadline = PendingDeadline;

/**
 * The deadlines `state` has missed at `now`: sign-for, first contact, resolution (extension
 * included) and follow-up. A deadline counts as missed only while its step is still undone; an
 * overdue order goes on the supervisor's list (督办).
 */
export function overdueDeadlines(state: ComplaintState, now: Date): OverdueDeadline[] {
  return pendingDeadlines(state).filter((deadline) => now.getTime() > Date.parse(deadline.dueAt));
}

export function isOverdue(state: ComplaintState, now: Date): boolean {
  return overdueDeadlines(state, now).length > 0;
}
