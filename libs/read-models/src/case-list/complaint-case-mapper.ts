import { evolveComplaint, initialComplaintState, pendingDeadlines, type ComplaintEvent, type ComplaintState } from '#hotline';
import type { CaseListEntry } from './case-list.entity.js';

const CLOSED_STATUSES = new Set(['closed', 'merged']);

/** How a complaint appears in the unified case list: its state folded from its events. */
export function applyComplaintEvent(entry: CaseListEntry | undefined, event: ComplaintEvent, revision: number, recordedAt: Date): CaseListEntry {
  const before = (entry?.state as ComplaintState | undefined) ?? initialComplaintState;
  const state = evolveComplaint(before, event);
  const next = pendingDeadlines(state)[0];
  const received = event.type === 'ComplaintReceived' ? event.data : undefined;
  return {
    caseId: state.complaintId ?? entry?.caseId ?? '',
    kind: 'complaint',
    title: received ? titleOf(received.employer.name, received.workersAffected) : entry!.title,
    status: state.status,
    unitId: state.round?.unitId ?? state.receivingUnitId ?? '',
    openedByUnitId: state.receivingUnitId ?? '',
    urgency: state.round?.urgent ? 'urgent' : state.urgency,
    openedAt: received ? new Date(received.receivedAt) : entry!.openedAt,
    nextDueAt: next ? new Date(next.dueAt) : null,
    nextDueStep: next?.step ?? null,
    isOpen: !CLOSED_STATUSES.has(state.status),
    version: revision + 1,
    category: state.classification?.category ?? null,
    state,
    updatedAt: recordedAt,
  };
}

function titleOf(employerName: string, workers: number): string {
  return workers > 1 ? `${employerName}（${workers}人）` : employerName;
}
