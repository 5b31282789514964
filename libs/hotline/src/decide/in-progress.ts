import type { ComplaintState } from '../complaint.state.js';
import { CLOSED, MERGED, requireStatus, type Rule } from './guards.js';

/**
 * Contacts, extensions and the resolution happen while the order is in progress (after sign-for), or
 * once it came back (退回) to a unit above that had signed for it: that unit may handle it itself.
 */
export function requireInProgress(state: ComplaintState, action: string): void {
  if (state.status === 'returned' && state.round?.signedForAt) return;
  const notSignedFor: Rule = { code: 'complaint_not_signed_for', message: `工单须由承办单位签收后才能${action}` };
  requireStatus(state, ['in_progress'], { code: 'complaint_not_in_progress', message: `只有办理中的工单可以${action}` }, [
    [['assigned'], notSignedFor],
    [['resolved', 'followed_up'], { code: 'complaint_already_resolved', message: `工单已办结，不能再${action}` }],
    [['closed'], CLOSED],
    [['merged'], MERGED],
  ]);
}
