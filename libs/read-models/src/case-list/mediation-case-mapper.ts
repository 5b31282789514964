import { endOfShanghaiDay } from '#calendar';
import { agreementRemaining, DISPUTE_CAUSES, evolveMediationCase, initialMediationCaseState, MEDIATING, type MediationCaseState, type MediationEvent } from '#mediation';
import type { CaseListEntry } from './case-list.entity.js';

export interface MediationCaseFold {
  state: MediationCaseState;
  revision: number;
  recordedAt: Date;
  openedAt?: Date;
}

export function startMediationCaseFold(stored: { state: unknown; openedAt: Date } | undefined): MediationCaseFold {
  return { state: (stored?.state as MediationCaseState | undefined) ?? initialMediationCaseState, revision: -1, recordedAt: new Date(0), openedAt: stored?.openedAt };
}

export function foldMediationCaseEvent(fold: MediationCaseFold, event: MediationEvent, revision: number, recordedAt: Date): void {
  fold.state = evolveMediationCase(fold.state, event);
  fold.revision = revision;
  fold.recordedAt = recordedAt;
  if (event.type === 'CaseReferred') fold.openedAt = new Date(event.data.referredAt);
}

/** 案号 of a court referral, or where the union referred it from; then the parties and 案由 (when the referral gave one). */
export function mediationCaseTitle(state: MediationCaseState): string {
  const source = state.source;
  const from = source?.kind === 'court' ? `${source.court} ${source.caseNumber}` : source?.kind === 'wage_case' ? '欠薪案件转来' : '热线工单转来';
  return `${from}：${state.applicants.length} 名申请人诉 ${state.respondent?.name ?? ''}${state.cause ? ` · ${DISPUTE_CAUSES[state.cause]}` : ''}`;
}

/**
 * A mediation case as the case list shows it: no applicant's name, ID number, phone or address, nor
 * the employer's representative, nor who attended a session (a lawful deletion leaves nothing readable here). Open while it is
 * being mediated and, after an agreement, until every installment is paid or defaulted.
 */
export function mediationCaseRow(caseId: string, fold: MediationCaseFold): CaseListEntry & { progress: unknown } {
  const { state } = fold;
  const mediating = MEDIATING.includes(state.status) || state.status === 'referred';
  const unpaid = state.status === 'agreed' ? agreementRemaining(state) : 0;
  return {
    caseId,
    kind: 'mediation_case',
    title: mediationCaseTitle(state),
    status: state.status,
    unitId: state.roomId ?? '',
    openedByUnitId: state.roomId ?? '',
    urgency: null,
    category: state.source?.kind === 'court' ? state.source.referralType : state.source?.kind ?? null,
    openedAt: fold.openedAt ?? new Date(0),
    nextDueAt: mediating && state.deadline ? endOfShanghaiDay(state.deadline) : null,
    nextDueStep: mediating && state.deadline ? 'mediation_deadline' : null,
    isOpen: mediating || (state.status === 'agreed' && unpaid > 0),
    version: fold.revision + 1,
    state: forTheList(state),
    updatedAt: fold.recordedAt,
    progress: { mediatorId: state.mediator?.mediatorId ?? null, deadline: state.deadline, agreedTotal: state.agreement?.agreedTotal ?? null, unpaid },
  };
}

function forTheList(state: MediationCaseState): MediationCaseState {
  const applicants = state.applicants.map(({ partyId }) => ({ partyId, name: '' }));
  const respondent = state.respondent ? { name: state.respondent.name, ...(state.respondent.creditCode ? { creditCode: state.respondent.creditCode } : {}) } : null;
  const sessions = Object.fromEntries(Object.entries(state.sessions).map(([id, session]) => [id, { ...session, attendees: [] }]));
  return { ...state, applicants, respondent, sessions };
}
