import { evolveComplaint, initialComplaintState, pendingDeadlines, type ComplaintEvent, type ComplaintState } from '#hotline';
import type { CaseListEntry } from './case-list.entity.js';

const CLOSED_STATUSES = new Set(['closed', 'merged']);

/** A complaint's row as a batch folds it: the stored row (if any) and the complaint's state so far. */
export interface ComplaintFold {
  readonly stored?: Pick<CaseListEntry, 'title' | 'openedAt'>;
  state: ComplaintState;
  title?: string;
  openedAt?: Date;
  revision: number;
  recordedAt: Date;
}

export function startComplaintFold(stored: Pick<CaseListEntry, 'title' | 'openedAt' | 'state'> | undefined): ComplaintFold {
  return { stored, state: (stored?.state as ComplaintState | undefined) ?? initialComplaintState, revision: -1, recordedAt: new Date(0) };
}

/** Folds one event in; the row is built once per batch, by `complaintCaseRow`. */
export function foldComplaintEvent(fold: ComplaintFold, event: ComplaintEvent, revision: number, recordedAt: Date): void {
  fold.state = evolveComplaint(fold.state, event);
  fold.revision = revision;
  fold.recordedAt = recordedAt;
  if (event.type === 'ComplaintReceived') {
    fold.title = titleOf(event.data.employer?.name ?? '（无用人单位）', event.data.workersAffected);
    fold.openedAt = new Date(event.data.receivedAt);
  }
}

/** How a complaint appears in the unified case list. */
export function complaintCaseRow(caseId: string, fold: ComplaintFold): CaseListEntry {
  const { state } = fold;
  const next = pendingDeadlines(state)[0];
  return {
    caseId,
    kind: 'complaint',
    title: fold.title ?? fold.stored?.title ?? '',
    status: state.status,
    unitId: state.round?.unitId ?? state.receivingUnitId ?? '',
    openedByUnitId: state.receivingUnitId ?? '',
    urgency: state.round?.urgent ? 'urgent' : state.urgency,
    openedAt: fold.openedAt ?? fold.stored!.openedAt,
    nextDueAt: next ? new Date(next.dueAt) : null,
    nextDueStep: next?.step ?? null,
    isOpen: !CLOSED_STATUSES.has(state.status),
    version: fold.revision + 1,
    category: state.classification?.category ?? null,
    state,
    updatedAt: fold.recordedAt,
  };
}

function titleOf(employerName: string, workers: number): string {
  return workers > 1 ? `${employerName}（${workers}人）` : employerName;
}
