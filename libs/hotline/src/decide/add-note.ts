import type { AddComplaintNote } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { requireReceived } from './guards.js';

/** A working note; allowed at every stage, closed and merged orders included (for supervisors' remarks). */
export function addNote(data: AddComplaintNote['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireReceived(state);
  return [{ type: 'ComplaintNoteAdded', data: { text: data.text, addedAt: env.nowIso } }];
}
