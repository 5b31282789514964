import type { RecordCallerContact } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { currentRound } from './guards.js';
import { requireInProgress } from './in-progress.js';

/**
 * A call or visit to the caller. The first attempt of the round meets the first-contact limit even
 * when the caller is not reached: the limit measures the unit's promptness, not the caller's phone.
 */
export function contactCaller(data: RecordCallerContact['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireInProgress(state, '记录联系来电人');
  const round = currentRound(state);
  const firstAttempt = round.contactAttempts === 0;
  const onTime = firstAttempt && round.firstContactDueAt !== null ? env.now.getTime() <= Date.parse(round.firstContactDueAt) : null;
  return [{ type: 'CallerContacted', data: { reached: data.reached, ...(data.method ? { method: data.method } : {}), summary: data.summary, contactedAt: env.nowIso, firstAttempt, onTime } }];
}
