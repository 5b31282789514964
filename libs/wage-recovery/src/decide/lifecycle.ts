import { entryOf, requireNotOwnRequest } from '#decider';
import { fenAtLeast, localDate, oneOfCodes, optionalText, requiredText } from '#field-checks';
import { RuleBrokenError } from '#errors';
import type {
  RecordMediationAgreement,
  CloseWageCase, DecideUnrecoverableClosure, ExtendReferral, OpenWageCase, RecordNegotiation, RecordReferralAccepted, RecordReferralOutcome, ReferCase,
  RequestUnrecoverableClosure, ReopenWageCase,
} from '../wage-case.commands.js';
import type { WageCaseClosed, WageCaseEvent } from '../wage-case.events.js';
import type { WageCaseState } from '../wage-case.state.js';
import { activeClaimants, caseTotals, owedToWorker } from '../ledger.js';
import { dueOn } from '../time-limits.js';
import type { Fen } from '../money.js';
import type { ClosureOutcome } from '../wage-case.values.js';
import { respondentViolations } from './respondent.js';
import { broken, factDate, openedOn, rejectIfAny, requireOpen, requireOpened, requireStatus, requireSupervisor, type DecisionEnv } from './decision-env.js';

export const SOURCE_KINDS = { complaint: '热线工单', walk_in: '来访', referral: '转办' } as const;
export const REFERRAL_TARGETS = {
  labour_inspection: '劳动监察',
  arbitration: '劳动仲裁',
  court: '法院诉讼',
  payment_order: '支付令',
  legal_aid: '法律援助',
  mediation: '调解',
} as const;
export const CLOSURE_OUTCOMES = { fully_recovered: '全额追回', partly_recovered: '部分追回', unrecoverable: '无法追回', withdrawn: '撤回' } as const;

export function openWageCase(data: OpenWageCase['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  const source = data.source;
  rejectIfAny([
    ...requiredText('caseId', '案件编号', data.caseId, 64),
    ...oneOfCodes('source.kind', '案件来源', source?.kind, SOURCE_KINDS),
    ...(source?.kind === 'complaint' ? requiredText('source.complaintId', '来源工单', source.complaintId, 64) : []),
    ...(source?.kind === 'referral' ? requiredText('source.referredBy', '转办单位', source.referredBy, 100) : []),
    ...respondentViolations(data.respondent),
    ...requiredText('summary', '案情摘要', data.summary, 2000),
    ...requiredText('unitId', '承办单位', data.unitId, 32),
  ]);
  if (state.status !== 'none') {
    if (state.caseId === data.caseId && state.source?.kind === source.kind) return [];
    throw new RuleBrokenError('wage_case_exists', '该案件已立案');
  }
  return [{ type: 'WageCaseOpened', data: { caseId: data.caseId, source, respondent: data.respondent, summary: data.summary, unitId: data.unitId, openedAt: env.nowIso } }];
}

export function startVerification(state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireStatus(state, ['opened'], { code: 'verification_already_started', message: '案件已开始核实' });
  if (activeClaimants(state).length === 0) throw broken(state, { code: 'no_claimants', message: '须先添加申请人，才能开始核实' });
  return [{ type: 'VerificationStarted', data: { startedAt: env.nowIso } }];
}

export function completeVerification(state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireStatus(state, ['verifying'], { code: 'not_verifying', message: '只有核实中的案件可以完成核实' });
  const active = activeClaimants(state);
  const unverified = active.filter((c) => c.verified === null).length;
  if (active.length === 0) throw broken(state, { code: 'no_claimants', message: '案件没有有效的申请人' });
  if (unverified > 0) throw broken(state, { code: 'claims_not_verified', message: `还有 ${unverified} 名申请人的金额尚未核实` });
  return [{ type: 'VerificationCompleted', data: { totalVerified: caseTotals(state).verified, completedAt: env.nowIso } }];
}

export function recordNegotiation(data: RecordNegotiation['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireStatus(state, ['verified', 'negotiating'], { code: 'not_verified', message: '须先完成核实，才能与用人单位协调' });
  rejectIfAny([...requiredText('summary', '协调情况', data.summary, 2000), ...(data.promisedBy !== undefined ? localDate('promisedBy', '承诺支付日期', data.promisedBy) : [])]);
  return [{ type: 'NegotiationRecorded', data: { summary: data.summary, ...(data.promisedBy ? { promisedBy: data.promisedBy } : {}), recordedAt: env.nowIso } }];
}

export function referCase(data: ReferCase['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '移送');
  rejectIfAny([
    ...requiredText('referralId', '移送编号', data.referralId, 64),
    ...oneOfCodes('target', '移送去向', data.target, REFERRAL_TARGETS),
    ...factDate('referredOn', '移送日期', data.referredOn, env, openedOn(state), '立案日期'),
    ...optionalText('note', '移送说明', data.note, 1000),
    ...(data.mediation === undefined ? [] : data.target !== 'mediation'
      ? [{ field: 'mediation', rule: 'mediation_only', message: '只有移送调解时才能指定调解工作室' }]
      : [...requiredText('mediation.roomId', '调解工作室', data.mediation.roomId, 32), ...requiredText('mediation.mediationCaseId', '调解案件编号', data.mediation.mediationCaseId, 64)]),
  ]);
  if (entryOf(state.referrals, data.referralId)) return [];
  if (data.mediation && Object.values(state.referrals).some((r) => r.mediation && !r.concludedOn)) {
    throw new RuleBrokenError('mediation_pending', '本案已移送调解工作室且尚未办结，不能重复移送');
  }
  const limits = env.limits.referrals[data.target];
  const acceptDueOn = limits.accept ? dueOn(env.calendar, data.referredOn, limits.accept) : null;
  const mediation = data.mediation ? { mediation: { roomId: data.mediation.roomId, mediationCaseId: data.mediation.mediationCaseId } } : {};
  return [{ type: 'CaseReferred', data: { referralId: data.referralId, target: data.target, referredOn: data.referredOn, ...(data.note ? { note: data.note } : {}), acceptDueOn, ...mediation } }];
}

/**
 * 调解协议回流: the schedule of the agreement reached in the mediation case this case was referred to.
 * Each installment is a worker's; a worker not yet verified is verified at their agreed amount.
 * Recorded once (the same agreement again changes nothing).
 */
export function recordMediationAgreement(data: RecordMediationAgreement['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '登记调解协议');
  const entry = Object.entries(state.referrals).find(([, r]) => r.mediation?.mediationCaseId === data.mediationCaseId);
  if (!entry) rejectIfAny([{ field: 'mediationCaseId', rule: 'exists', message: '本案没有移送到该调解案件' }]);
  rejectIfAny([
    ...factDate('agreedOn', '协议日期', data.agreedOn, env, entry![1].referredOn, '移送调解日期'),
    ...(Array.isArray(data.installments) && data.installments.length > 0 ? [] : [{ field: 'installments', rule: 'required', message: '调解协议须至少约定一期付款' }]),
    ...(data.installments ?? []).flatMap((i, row) => [
      ...(entryOf(state.claimants, i.claimantId) && !entryOf(state.claimants, i.claimantId)!.withdrawn ? [] : [{ field: `installments.${row}.claimantId`, rule: 'exists', message: '每期付款须写明本案中的哪位职工' }]),
      ...fenAtLeast(`installments.${row}.amount`, '约定金额', i.amount, 1),
      ...localDate(`installments.${row}.dueOn`, '约定付款日期', i.dueOn),
    ]),
  ]);
  if (data.installments.every((i) => entryOf(state.expectedPayments, i.installmentId)?.mediationCaseId === data.mediationCaseId)) return [];
  const agreed = new Map<string, Fen>();
  for (const i of data.installments) agreed.set(i.claimantId, (agreed.get(i.claimantId) ?? 0) + i.amount);
  const verifies = [...agreed].filter(([claimantId]) => entryOf(state.claimants, claimantId)!.verified === null).map(([claimantId, amount]) => ({ claimantId, amount }));
  return [{ type: 'MediationAgreementRecorded', data: { mediationCaseId: data.mediationCaseId, referralId: entry![0], agreedOn: data.agreedOn, installments: data.installments.map(({ installmentId, claimantId, dueOn: due, amount }) => ({ installmentId, claimantId, dueOn: due, amount })), verifies } }];
}

function referralOf(state: WageCaseState, referralId: string) {
  const referral = entryOf(state.referrals, referralId);
  if (!referral) rejectIfAny([{ field: 'referralId', rule: 'exists', message: '本案中没有该移送记录' }]);
  return referral!;
}

export function recordReferralAccepted(data: RecordReferralAccepted['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '登记受理');
  rejectIfAny(localDate('acceptedOn', '受理日期', data.acceptedOn));
  const referral = referralOf(state, data.referralId);
  if (referral.acceptedOn) throw new RuleBrokenError('referral_already_accepted', '该移送已登记受理');
  rejectIfAny(factDate('acceptedOn', '受理日期', data.acceptedOn, env, referral.referredOn, '移送日期'));
  const limits = env.limits.referrals[referral.target];
  const concludeDueOn = limits.conclude ? dueOn(env.calendar, data.acceptedOn, limits.conclude) : null;
  return [{ type: 'ReferralAccepted', data: { referralId: data.referralId, acceptedOn: data.acceptedOn, concludeDueOn } }];
}

export function extendReferral(data: ExtendReferral['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '登记延期');
  rejectIfAny(requiredText('reason', '延期原因', data.reason, 500));
  const referral = referralOf(state, data.referralId);
  const extension = env.limits.referrals[referral.target].extension;
  if (!extension || !referral.concludeDueOn) throw new RuleBrokenError('referral_not_extendable', '该类移送没有法定延期，或尚未受理');
  if (referral.extended) throw new RuleBrokenError('referral_already_extended', '该移送已延期一次');
  if (referral.concludedOn) throw new RuleBrokenError('referral_concluded', '该移送已办结');
  return [{ type: 'ReferralExtended', data: { referralId: data.referralId, previousDueOn: referral.concludeDueOn, concludeDueOn: dueOn(env.calendar, referral.concludeDueOn, extension), reason: data.reason } }];
}

export function recordReferralOutcome(data: RecordReferralOutcome['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '登记移送结果');
  rejectIfAny([...localDate('concludedOn', '办结日期', data.concludedOn), ...requiredText('outcome', '处理结果', data.outcome, 1000)]);
  const referral = referralOf(state, data.referralId);
  if (referral.concludedOn) throw new RuleBrokenError('referral_concluded', '该移送已办结');
  rejectIfAny(referral.acceptedOn
    ? factDate('concludedOn', '办结日期', data.concludedOn, env, referral.acceptedOn, '受理日期')
    : factDate('concludedOn', '办结日期', data.concludedOn, env, referral.referredOn, '移送日期'));
  return [{ type: 'ReferralConcluded', data: { referralId: data.referralId, concludedOn: data.concludedOn, outcome: data.outcome } }];
}

function closed(state: WageCaseState, outcome: ClosureOutcome, reason: string, env: DecisionEnv): WageCaseClosed {
  const { claimed, verified, recovered, advanced, reimbursed } = caseTotals(state);
  return { type: 'WageCaseClosed', data: { outcome, reason, closedAt: env.nowIso, totals: { claimed, verified, recovered, advanced, reimbursed } } };
}

/**
 * 结案. Fully recovered: every remaining claimant verified and paid in full (advances count).
 * Partly recovered: money moved, but not all. Withdrawn: the workers withdrew the matter.
 * A closing waits for advance requests to be decided.
 */
export function closeWageCase(data: CloseWageCase['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '结案');
  rejectIfAny([...oneOfCodes('outcome', '结案方式', data.outcome, { fully_recovered: '全额追回', partly_recovered: '部分追回', withdrawn: '撤回' }), ...requiredText('reason', '结案说明', data.reason, 1000)]);
  if (Object.values(state.advances).some((a) => a.status === 'requested')) throw broken(state, { code: 'advance_pending', message: '尚有待审批的垫付申请，审批后才能结案' });
  const active = activeClaimants(state);
  const allPaid = active.length > 0 && active.every((c) => c.verified !== null && owedToWorker(c) === 0);
  const totals = caseTotals(state);
  const moved = totals.recovered + totals.advanced > 0;
  if (data.outcome === 'fully_recovered' && !allPaid) throw broken(state, { code: 'not_fully_recovered', message: '尚有申请人未拿到全部核实金额，不能按全额追回结案' });
  if (data.outcome === 'partly_recovered' && (!moved || allPaid)) {
    throw broken(state, { code: allPaid ? 'fully_recovered' : 'nothing_recovered', message: allPaid ? '全部核实金额均已到位，请按全额追回结案' : '尚无任何追回或垫付款，不能按部分追回结案' });
  }
  return [closed(state, data.outcome, data.reason, env)];
}

export function requestUnrecoverableClosure(data: RequestUnrecoverableClosure['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '申请按无法追回结案');
  rejectIfAny([...requiredText('requestId', '申请编号', data.requestId, 64), ...requiredText('reason', '无法追回的理由', data.reason, 1000)]);
  if (state.pendingClosure) {
    if (state.pendingClosure.requestId === data.requestId) return [];
    throw broken(state, { code: 'closure_pending', message: '已有待审批的无法追回结案申请' });
  }
  return [{ type: 'UnrecoverableClosureRequested', data: { requestId: data.requestId, reason: data.reason, requestedAt: env.nowIso, requestedBy: env.actor.userId } }];
}

export function decideUnrecoverableClosure(data: DecideUnrecoverableClosure['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireSupervisor(env, { code: 'supervisor_required', message: '按无法追回结案须由督导审批' });
  requireOpened(state);
  rejectIfAny(requiredText('reason', '审批意见', data.reason, 1000));
  if (!state.pendingClosure || state.pendingClosure.requestId !== data.requestId) {
    rejectIfAny([{ field: 'requestId', rule: 'exists', message: '没有该待审批的结案申请' }]);
  }
  requireNotOwnRequest(env.actor, state.pendingClosure!.requestedBy, '无法追回结案申请');
  if (!data.approve) return [{ type: 'UnrecoverableClosureRejected', data: { requestId: data.requestId, reason: data.reason, rejectedAt: env.nowIso } }];
  if (Object.values(state.advances).some((a) => a.status === 'requested')) throw broken(state, { code: 'advance_pending', message: '尚有待审批的垫付申请，审批后才能结案' });
  return [closed(state, 'unrecoverable', `${state.pendingClosure!.reason}；审批意见：${data.reason}`, env)];
}

export function reopenWageCase(data: ReopenWageCase['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireStatus(state, ['closed'], { code: 'wage_case_not_closed', message: '只有已结案的案件可以重新启用' });
  rejectIfAny(requiredText('reason', '重新启用原因', data.reason, 1000));
  return [{ type: 'WageCaseReopened', data: { reason: data.reason, reopenedAt: env.nowIso } }];
}
