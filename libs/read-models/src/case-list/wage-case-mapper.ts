import { endOfShanghaiDay, type LocalDate } from '#calendar';
import {
  caseTotals, evolveWageCase, initialWageCaseState, limitationDate, owedToWorker, DEFAULT_WAGE_TIME_LIMITS,
  type ClaimantLedger, type WageCaseEvent, type WageCaseState, type WageTimeLimits,
} from '#wage-recovery';
import type { CaseListEntry } from './case-list.entity.js';

/** A wage case's row as a batch folds it, from the state stored without personal data. */
export interface WageCaseFold {
  state: WageCaseState;
  revision: number;
  recordedAt: Date;
}

export function startWageCaseFold(stored: unknown): WageCaseFold {
  return { state: (stored as WageCaseState | undefined) ?? initialWageCaseState, revision: -1, recordedAt: new Date(0) };
}

export function foldWageCaseEvent(fold: WageCaseFold, event: WageCaseEvent, revision: number, recordedAt: Date): void {
  fold.state = evolveWageCase(fold.state, event);
  fold.revision = revision;
  fold.recordedAt = recordedAt;
}

/**
 * The state as the list keeps it: names, ID numbers and phones taken out, so that a lawful deletion
 * (which makes them unreadable in the events) leaves nothing readable here; and the payments without
 * their allocations, which the claimants' ledgers already sum up (a payment across a thousand workers
 * would otherwise be rewritten with every later event). Folding goes on from it: evolving needs
 * neither who the workers are nor how past payments were split (a reversal carries its own split).
 */
function forTheList(state: WageCaseState): WageCaseState {
  const claimants = Object.fromEntries(Object.entries(state.claimants).map(([id, claimant]): [string, ClaimantLedger] => {
    // `shredded` too: it is there only once the live fold read the event after an erasure, never in a rebuild's.
    const { name: _name, idNumber: _id, phone: _phone, shredded: _shredded, ...details } = claimant.details as typeof claimant.details & { shredded?: unknown };
    return [id, { ...claimant, details: { ...details, name: '' } }];
  }));
  const payments = Object.fromEntries(Object.entries(state.payments).map(([id, payment]) => [id, { ...payment, allocations: [] }]));
  return { ...state, claimants, payments };
}

interface Due {
  readonly on: LocalDate;
  readonly step: string;
}

/** The next date the caseworker must act by: a referral's acceptance or conclusion, or a worker's limitation date. */
function nextDue(state: WageCaseState, limits: WageTimeLimits): Due | null {
  const dues: Due[] = [];
  for (const referral of Object.values(state.referrals)) {
    if (referral.concludedOn) continue;
    if (!referral.acceptedOn && referral.acceptDueOn) dues.push({ on: referral.acceptDueOn, step: `referral_accept:${referral.target}` });
    if (referral.concludeDueOn) dues.push({ on: referral.concludeDueOn, step: `referral_conclude:${referral.target}` });
  }
  for (const id of state.claimantOrder) {
    const claimant = state.claimants[id];
    if (!claimant.withdrawn && claimant.details.workedUntil && owedToWorker(claimant) > 0) {
      dues.push({ on: limitationDate(claimant.details.workedUntil, limits), step: 'arbitration_limitation' });
    }
  }
  return dues.sort((a, b) => a.on.localeCompare(b.on))[0] ?? null;
}

export function wageCaseRow(caseId: string, fold: WageCaseFold, limits: WageTimeLimits = DEFAULT_WAGE_TIME_LIMITS): CaseListEntry & { progress: unknown } {
  const { state } = fold;
  const totals = caseTotals(state);
  const due = state.status === 'closed' ? null : nextDue(state, limits);
  return {
    caseId,
    kind: 'wage_case',
    title: `${state.respondent?.name ?? ''}（${totals.claimants}人）`,
    status: state.status,
    unitId: state.unitId ?? '',
    openedByUnitId: state.unitId ?? '',
    urgency: null,
    category: state.respondent?.kind ?? null,
    openedAt: new Date(state.openedAt ?? 0),
    nextDueAt: due ? endOfShanghaiDay(due.on) : null,
    nextDueStep: due?.step ?? null,
    isOpen: state.status !== 'closed',
    version: fold.revision + 1,
    state: forTheList(state),
    updatedAt: fold.recordedAt,
    progress: { claimants: totals.claimants, verified: totals.verified, recovered: totals.recovered, advanced: totals.advanced, outstanding: totals.outstanding },
  };
}
