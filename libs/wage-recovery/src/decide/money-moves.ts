import { entryOf, requireNotOwnRequest } from '#decider';
import { entityKey, fenAtLeast, requiredText } from '#field-checks';
import { RuleBrokenError, ValidationError, type FieldViolation } from '#errors';
import type { DecideEmergencyAdvance, RecordRecoveryPayment, RequestEmergencyAdvance, ReverseEmergencyAdvance, ReverseRecoveryPayment } from '../wage-case.commands.js';
import type { WageCaseEvent } from '../wage-case.events.js';
import type { WageCaseState } from '../wage-case.state.js';
import { owedToFund, owedToWorker } from '../ledger.js';
import { formatYuan, sumFen, type Fen } from '../money.js';
import type { Allocation, RecoveryAllocation } from '../wage-case.values.js';
import { broken, factDate, openedOn, rejectIfAny, requireOpen, requireSupervisor, type DecisionEnv } from './decision-env.js';

/**
 * Allocations of `amount` to claimants: each to a claimant of the case, not withdrawn, verified,
 * once per payment, a whole number of fen above 0, and together exactly `amount`.
 * `room(claimant)` is the most one claimant may receive.
 */
function allocationViolations(
  state: WageCaseState,
  amount: unknown,
  allocations: readonly Allocation[] | undefined,
  room: (claimantId: string) => Fen,
  roomMessage: (limit: Fen) => string,
): FieldViolation[] {
  const list = Array.isArray(allocations) ? allocations : [];
  const violations: FieldViolation[] = [];
  if (list.length === 0) violations.push({ field: 'allocations', rule: 'required', message: '须把款项分配到至少一名申请人' });
  const seen = new Set<string>();
  list.forEach((allocation, row) => {
    const prefix = `allocations.${row}.`;
    const claimant = entryOf(state.claimants, allocation.claimantId);
    violations.push(...fenAtLeast(`${prefix}amount`, '分配金额', allocation.amount, 1));
    if (!claimant) violations.push({ field: `${prefix}claimantId`, rule: 'exists', message: '本案中没有该申请人' });
    else if (claimant.withdrawn) violations.push({ field: `${prefix}claimantId`, rule: 'withdrawn', message: '该申请已撤回，不能分配款项' });
    else if (claimant.verified === null) violations.push({ field: `${prefix}claimantId`, rule: 'not_verified', message: '该申请人的金额尚未核实，不能分配款项' });
    else if (Number.isSafeInteger(allocation.amount) && allocation.amount > room(allocation.claimantId)) {
      violations.push({ field: `${prefix}amount`, rule: 'exceeds_owed', message: roomMessage(room(allocation.claimantId)) });
    }
    if (seen.has(allocation.claimantId)) violations.push({ field: `${prefix}claimantId`, rule: 'unique', message: '同一申请人在一笔款项中只能分配一次' });
    seen.add(allocation.claimantId);
  });
  if (Number.isSafeInteger(amount) && list.every((a) => Number.isSafeInteger(a.amount)) && sumFen(list.map((a) => a.amount)) !== amount) {
    violations.push({ field: 'allocations', rule: 'sum', message: `分配合计 ${formatYuan(sumFen(list.map((a) => a.amount)))} 元与款项金额 ${formatYuan(amount as Fen)} 元不符` });
  }
  return violations;
}

/**
 * 追回款 in one instalment. Recovered never exceeds verified. Each claimant's share repays the fund
 * first, up to what was advanced to them and not yet reimbursed (the worker already had that money);
 * the rest goes to the worker. The split is recorded, so reversing it is exact.
 */
export function recordRecoveryPayment(data: RecordRecoveryPayment['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '登记追回款');
  // The same payment flowing in again from the linked mediation case: already here.
  if (data.source === 'mediation' && data.installmentId !== undefined && entryOf(state.payments, data.paymentId)?.installmentId === data.installmentId) return [];
  rejectIfAny([
    ...entityKey('paymentId', '款项编号', data.paymentId),
    ...fenAtLeast('amount', '追回金额', data.amount, 1),
    // Dated after today it would count in a period still to come; before the opening, it would give a negative time to first recovery.
    ...factDate('paidOn', '支付日期', data.paidOn, env, openedOn(state), '立案日期'),
    ...requiredText('payer', '付款方', data.payer, 100),
    ...allocationViolations(state, data.amount, data.allocations, (id) => (entryOf(state.claimants, id)!.verified ?? 0) - entryOf(state.claimants, id)!.recovered,
      (limit) => `追回金额不能超过该申请人核实金额中尚未追回的部分（${formatYuan(limit)} 元）`),
    ...installmentViolations(state, data),
  ]);
  if (entryOf(state.payments, data.paymentId)) throw new RuleBrokenError('payment_exists', '该款项编号已登记');
  const allocations: RecoveryAllocation[] = data.allocations.map((a) => ({
    claimantId: a.claimantId,
    amount: a.amount,
    reimbursed: Math.min(a.amount, owedToFund(entryOf(state.claimants, a.claimantId)!)),
  }));
  const agreement = data.installmentId ? { installmentId: data.installmentId, source: data.source ?? 'wage_case' } : {};
  return [{ type: 'RecoveryPaymentRecorded', data: { paymentId: data.paymentId, amount: data.amount, paidOn: data.paidOn, payer: data.payer, allocations, recordedAt: env.nowIso, ...agreement } }];
}

/** A payment under a mediation agreement pays one installment of one worker, and no more than is left of it. */
function installmentViolations(state: WageCaseState, data: RecordRecoveryPayment['data']): FieldViolation[] {
  if (data.installmentId === undefined) return data.source === 'mediation' ? [{ field: 'installmentId', rule: 'required', message: '调解协议付款须写明是哪一期' }] : [];
  const expected = entryOf(state.expectedPayments, data.installmentId);
  if (!expected) return [{ field: 'installmentId', rule: 'exists', message: '本案没有这一期调解协议付款' }];
  const violations: FieldViolation[] = [];
  if ((data.allocations ?? []).some((a) => a.claimantId !== expected.claimantId)) violations.push({ field: 'allocations', rule: 'installment_claimant', message: '调解协议的这一期付款只能分配给约定的职工' });
  if (Number.isSafeInteger(data.amount) && data.amount > expected.amount - expected.paid) violations.push({ field: 'amount', rule: 'exceeds_installment', message: `超过这一期尚未支付的金额（${formatYuan(expected.amount - expected.paid)} 元）` });
  return violations;
}

/** 冲正: takes the whole payment back, exactly as it was split. */
export function reverseRecoveryPayment(data: ReverseRecoveryPayment['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '冲正追回款');
  rejectIfAny(requiredText('reason', '冲正原因', data.reason, 500));
  const payment = entryOf(state.payments, data.paymentId);
  if (!payment) throw new ValidationError([{ field: 'paymentId', rule: 'exists', message: '本案中没有该笔追回款' }]);
  if (payment.reversed) throw broken(state, { code: 'payment_already_reversed', message: '该笔追回款已冲正' });
  return [{ type: 'RecoveryPaymentReversed', data: { paymentId: data.paymentId, amount: payment.amount, allocations: payment.allocations, reason: data.reason, reversedAt: env.nowIso } }];
}

/** 申请垫付: no claimant may be advanced more than they are still owed (requests waiting count too). */
export function requestEmergencyAdvance(data: RequestEmergencyAdvance['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '申请垫付');
  const list = Array.isArray(data.allocations) ? data.allocations : [];
  const amount = list.every((a) => Number.isSafeInteger(a.amount)) ? sumFen(list.map((a) => a.amount)) : NaN;
  rejectIfAny([
    ...entityKey('advanceId', '垫付编号', data.advanceId),
    ...requiredText('reason', '垫付理由', data.reason, 500),
    ...allocationViolations(state, amount, list, (id) => owedToWorker(entryOf(state.claimants, id)!) - pendingAdvanceFor(state, id),
      (limit) => `垫付金额不能超过该申请人尚未拿到的核实金额（扣除待审批的垫付后为 ${formatYuan(limit)} 元）`),
  ]);
  if (entryOf(state.advances, data.advanceId)) throw new RuleBrokenError('advance_exists', '该垫付编号已使用');
  return [{ type: 'EmergencyAdvanceRequested', data: { advanceId: data.advanceId, amount, allocations: list.map(({ claimantId, amount: a }) => ({ claimantId, amount: a })), reason: data.reason, requestedAt: env.nowIso, requestedBy: env.actor.userId } }];
}

function pendingAdvanceFor(state: WageCaseState, claimantId: string): Fen {
  return sumFen(Object.values(state.advances).filter((a) => a.status === 'requested').flatMap((a) => a.allocations.filter((x) => x.claimantId === claimantId).map((x) => x.amount)));
}

/**
 * 审批垫付 (supervisor). Approval pays the advance out of the fund, so it is checked again against
 * what each claimant is owed now: money may have come in since the request.
 */
export function decideEmergencyAdvance(data: DecideEmergencyAdvance['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireSupervisor(env, { code: 'supervisor_required', message: '应急周转金垫付须由督导审批' });
  requireOpen(state, '审批垫付');
  rejectIfAny(requiredText('reason', '审批意见', data.reason, 500));
  const advance = entryOf(state.advances, data.advanceId);
  if (!advance) throw new ValidationError([{ field: 'advanceId', rule: 'exists', message: '本案中没有该垫付申请' }]);
  if (advance.status !== 'requested') throw broken(state, { code: 'advance_already_decided', message: '该垫付申请已审批' });
  requireNotOwnRequest(env.actor, advance.requestedBy, '垫付申请');
  if (!data.approve) return [{ type: 'EmergencyAdvanceRejected', data: { advanceId: data.advanceId, reason: data.reason, rejectedAt: env.nowIso } }];
  const tooMuch = advance.allocations.find((a) => entryOf(state.claimants, a.claimantId)!.withdrawn || a.amount > owedToWorker(entryOf(state.claimants, a.claimantId)!));
  if (tooMuch) throw new RuleBrokenError('advance_exceeds_owed', '申请后已有款项到账，垫付金额超过了该申请人尚未拿到的金额；请驳回后重新申请');
  return [{ type: 'EmergencyAdvanceApproved', data: { advanceId: data.advanceId, amount: advance.amount, allocations: advance.allocations, reason: data.reason, approvedAt: env.nowIso } }];
}

/** 冲正垫付: only while the fund has not been repaid from it (reverse the repaying payments first). */
export function reverseEmergencyAdvance(data: ReverseEmergencyAdvance['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '冲正垫付');
  rejectIfAny(requiredText('reason', '冲正原因', data.reason, 500));
  const advance = entryOf(state.advances, data.advanceId);
  if (!advance) throw new ValidationError([{ field: 'advanceId', rule: 'exists', message: '本案中没有该垫付' }]);
  if (advance.status !== 'approved') throw broken(state, { code: 'advance_not_paid', message: '只有已审批发放的垫付可以冲正' });
  const repaid = advance.allocations.find((a) => entryOf(state.claimants, a.claimantId)!.advanced - a.amount < entryOf(state.claimants, a.claimantId)!.reimbursed);
  if (repaid) throw new RuleBrokenError('advance_reimbursed', '该垫付已由追回款归还周转金，须先冲正相关追回款');
  return [{ type: 'EmergencyAdvanceReversed', data: { advanceId: data.advanceId, amount: advance.amount, allocations: advance.allocations, reason: data.reason, reversedAt: env.nowIso } }];
}
