import { endOfShanghaiDay } from '#calendar';
import { evolveHardshipFile, HARDSHIP_CAUSES, initialHardshipFileState, nextDueStep, type HardshipEvent, type HardshipFileState } from '#hardship';
import type { CaseListEntry } from './case-list.entity.js';

export interface HardshipFileFold {
  state: HardshipFileState;
  revision: number;
  recordedAt: Date;
  openedAt?: Date;
}

export function startHardshipFileFold(stored: { state: unknown; openedAt: Date } | undefined): HardshipFileFold {
  return { state: (stored?.state as HardshipFileState | undefined) ?? initialHardshipFileState, revision: -1, recordedAt: new Date(0), openedAt: stored?.openedAt };
}

export function foldHardshipFileEvent(fold: HardshipFileFold, event: HardshipEvent, revision: number, recordedAt: Date): void {
  fold.state = evolveHardshipFile(fold.state, event);
  fold.revision = revision;
  fold.recordedAt = recordedAt;
  if (event.type === 'HardshipApplicationReceived') fold.openedAt = new Date(event.data.receivedAt);
}


/** A file as the case list shows it: no names, ID numbers or phones (a lawful deletion leaves nothing readable here). */
export function hardshipFileRow(fileId: string, fold: HardshipFileFold): CaseListEntry & { progress: unknown } {
  const { state } = fold;
  const due = nextDueStep(state);
  const aid = Object.values(state.deliveries).filter((d) => !d.reversed);
  const { head: _head, members, ...rest } = state;
  return {
    caseId: fileId,
    kind: 'hardship_file',
    title: `困难职工家庭（${state.causes.map((c) => HARDSHIP_CAUSES[c]).join('、')}，${state.householdSize}人）`,
    status: state.status,
    unitId: state.unitId ?? '',
    openedByUnitId: state.unitId ?? '',
    urgency: null,
    category: state.level,
    openedAt: fold.openedAt ?? new Date(0),
    nextDueAt: due ? endOfShanghaiDay(due.on) : null,
    nextDueStep: due?.step ?? null,
    isOpen: !['lifted', 'relieved', 'cancelled', 'rejected'].includes(state.status) || (state.status === 'lifted' && due !== null),
    version: fold.revision + 1,
    state: { ...rest, head: null, members: members.map(() => ({ name: '', relation: '', age: 0 })) },
    updatedAt: fold.recordedAt,
    progress: { level: state.level, aidDeliveries: aid.length, aidAmount: aid.reduce((s, d) => s + d.amount, 0), relapses: state.relapses },
  };
}
