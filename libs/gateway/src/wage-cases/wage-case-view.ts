import { caseNumberOf } from '#case-numbers';
import type { DecisionContext } from '#decider';
import type { RecordedEvent } from '#event-store';
import { shanghaiDateOf } from '#calendar';
import { maskSensitiveFields } from '#personal-data';
import {
  CLOSURE_OUTCOMES, REFERRAL_TARGETS, referralDeadlineProvisional, WAGE_CASE_STATUS_LABELS, caseTotals, evolveWageCase, initialWageCaseState, ledgerOf, limitationDate, limitationStanding,
  wageCaseAllowedActions, type WageCaseDecider, type WageCaseEvent, type WageCaseState, type WageTimeLimits,
} from '#wage-recovery';

export function foldWageCase(events: readonly RecordedEvent[]): WageCaseState {
  return events.reduce((s, e) => evolveWageCase(s, { type: e.type, data: e.data } as WageCaseEvent), initialWageCaseState);
}

/** `GET /api/wage-cases/:id`: the case folded from its stream, personal data masked, deadlines and limitation dates worked out. */
export function wageCaseView(id: string, events: readonly RecordedEvent[], decider: WageCaseDecider, limits: WageTimeLimits, context: DecisionContext) {
  const state = foldWageCase(events);
  const today = shanghaiDateOf(context.now);
  const ledger = new Map(ledgerOf(state).map((line) => [line.claimantId, line]));
  return {
    id,
    caseNumber: caseNumberOf(events[0]),
    version: events.length,
    status: state.status,
    statusLabel: WAGE_CASE_STATUS_LABELS[state.status],
    unitId: state.unitId,
    source: state.source,
    respondent: state.respondent,
    summary: state.summary,
    openedAt: state.openedAt,
    claimants: state.claimantOrder.map((claimantId) => {
      const c = state.claimants[claimantId];
      const until = c.details.workedUntil;
      return {
        ...maskSensitiveFields(c.details),
        ...ledger.get(claimantId)!,
        evidence: c.evidence,
        limitation: until && !c.withdrawn ? { date: limitationDate(until, limits), standing: limitationStanding(until, today, limits) } : null,
      };
    }),
    totals: caseTotals(state),
    payments: Object.entries(state.payments).map(([paymentId, p]) => ({ paymentId, ...p })),
    advances: Object.entries(state.advances).map(([advanceId, a]) => ({ advanceId, ...a })),
    referrals: Object.entries(state.referrals).map(([referralId, r]) => ({
      referralId,
      ...r,
      targetLabel: REFERRAL_TARGETS[r.target],
      /** 暂定: its running deadline is counted in working days in a year whose holiday notice is not known yet. */
      provisional: referralDeadlineProvisional(decider.calendar, r, limits),
      overdue: !r.concludedOn && ((!r.acceptedOn && r.acceptDueOn !== null && r.acceptDueOn < today) || (r.concludeDueOn !== null && r.concludeDueOn < today)),
    })),
    /** 调解协议约定的付款 (from a linked mediation case): due, paid, and whether overdue. */
    expectedPayments: Object.entries(state.expectedPayments).map(([installmentId, e]) => ({ installmentId, ...e, remaining: e.amount - e.paid, overdue: e.paid < e.amount && e.dueOn < today })),
    pendingClosure: state.pendingClosure,
    closure: state.closure ? { ...state.closure, outcomeLabel: CLOSURE_OUTCOMES[state.closure.outcome] } : null,
    firstRecoveryAt: state.firstRecoveryAt,
    allowedActions: wageCaseAllowedActions(decider, state, context),
  };
}
