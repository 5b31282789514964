import { entityKey, fenAtLeast, isPhoneNumber, isResidentIdNumber, localDate, notInFuture, oneOfCodes, optionalText, requiredText } from '#field-checks';
import { entryOf } from '#decider';
import { RuleBrokenError, type FieldViolation } from '#errors';
import type { AddClaimants, AmendClaim, RecordEvidence, VerifyClaims, WithdrawClaim } from '../wage-case.commands.js';
import type { ClaimAmended, WageCaseEvent } from '../wage-case.events.js';
import type { WageCaseState } from '../wage-case.state.js';
import { owedToFund } from '../ledger.js';
import { formatYuan } from '../money.js';
import type { ClaimantDetails } from '../wage-case.values.js';
import { broken, rejectIfAny, requireOpen, requireStatus, todayOf, type DecisionEnv } from './decision-env.js';

export const EVIDENCE_KINDS = {
  attendance_card: '考勤卡',
  pay_slip: '工资条',
  contract: '劳动合同',
  iou: '欠条',
  chat_record: '聊天记录',
  witness: '证人证言',
  other: '其他',
} as const;

/** At most this many claimants in one command (a pasted or uploaded list). */
export const MAX_CLAIMANTS_PER_COMMAND = 2_000;

/**
 * The work period is what the worker has already worked, so neither end lies after `today` (a worker
 * still employed leaves `workedUntil` out). It may well begin years before the case was opened.
 */
function workedOn(field: string, label: string, date: unknown, today: string | undefined): FieldViolation[] {
  const real = localDate(field, label, date);
  return real.length > 0 || today === undefined ? real : notInFuture(field, label, date, today);
}

/** Every problem of every row, named `claimants.<row>.<field>` so a list upload can report row by row; dates after `today` too when it is given. */
export function claimantViolations(claimant: ClaimantDetails, prefix: string, today?: string): FieldViolation[] {
  const violations: FieldViolation[] = [
    ...entityKey(`${prefix}claimantId`, '申请人编号', claimant.claimantId),
    ...requiredText(`${prefix}name`, '姓名', claimant.name, 50),
    ...workedOn(`${prefix}workedFrom`, '入职（开始工作）日期', claimant.workedFrom, today),
    ...(claimant.workedUntil !== undefined ? workedOn(`${prefix}workedUntil`, '离职（最后工作）日期', claimant.workedUntil, today) : []),
    ...fenAtLeast(`${prefix}claimed`, '主张金额', claimant.claimed, 1),
  ];
  if (claimant.idNumber !== undefined && !(typeof claimant.idNumber === 'string' && isResidentIdNumber(claimant.idNumber))) {
    violations.push({ field: `${prefix}idNumber`, rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' });
  }
  if (claimant.phone !== undefined && !(typeof claimant.phone === 'string' && isPhoneNumber(claimant.phone))) {
    violations.push({ field: `${prefix}phone`, rule: 'phone', message: '电话格式不正确，应为 11 位手机号或带区号的固定电话' });
  }
  const datesValid = violations.every((v) => !v.field.endsWith('workedFrom') && !v.field.endsWith('workedUntil'));
  if (datesValid && claimant.workedUntil !== undefined && claimant.workedUntil < claimant.workedFrom) {
    violations.push({ field: `${prefix}workedUntil`, rule: 'date_order', message: '离职日期不能早于入职日期' });
  }
  return violations;
}

export function addClaimants(data: AddClaimants['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '添加申请人');
  const claimants = Array.isArray(data.claimants) ? data.claimants : [];
  const violations: FieldViolation[] = [];
  if (claimants.length === 0) violations.push({ field: 'claimants', rule: 'required', message: '至少填写一名申请人' });
  if (claimants.length > MAX_CLAIMANTS_PER_COMMAND) violations.push({ field: 'claimants', rule: 'max_items', message: `一次最多添加 ${MAX_CLAIMANTS_PER_COMMAND} 名申请人` });
  const seenIds = new Set<string>();
  const seenIdNumbers = new Map<string, string>();
  for (const c of Object.values(state.claimants)) if (c.details.idNumber && !c.withdrawn) seenIdNumbers.set(c.details.idNumber.toUpperCase(), 'existing');
  claimants.forEach((claimant, row) => {
    const prefix = `claimants.${row}.`;
    violations.push(...claimantViolations(claimant, prefix, todayOf(env)));
    if (entryOf(state.claimants, claimant.claimantId) || seenIds.has(claimant.claimantId)) {
      violations.push({ field: `${prefix}claimantId`, rule: 'unique', message: '申请人编号重复' });
    }
    seenIds.add(claimant.claimantId);
    const idNumber = typeof claimant.idNumber === 'string' ? claimant.idNumber.toUpperCase() : undefined;
    if (idNumber && seenIdNumbers.has(idNumber)) {
      const where = seenIdNumbers.get(idNumber);
      violations.push({ field: `${prefix}idNumber`, rule: 'duplicate_person', message: where === 'existing' ? '该身份证号码的申请人已在本案中' : `与第 ${Number(where) + 1} 行的身份证号码相同` });
    }
    if (idNumber) seenIdNumbers.set(idNumber, String(row));
  });
  rejectIfAny(violations);
  const normalised = claimants.map((c) => ({ ...c, ...(c.idNumber ? { idNumber: c.idNumber.toUpperCase() } : {}) }));
  return [{ type: 'ClaimantsAdded', data: { claimants: normalised, addedAt: env.nowIso } }];
}

function claimantOf(state: WageCaseState, claimantId: string, field = 'claimantId') {
  rejectIfAny(entityKey(field, '申请人编号', claimantId));
  const claimant = entryOf(state.claimants, claimantId);
  if (!claimant) rejectIfAny([{ field, rule: 'exists', message: '本案中没有该申请人' }]);
  return claimant!;
}

export function amendClaim(data: AmendClaim['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '修改申请');
  const claimant = claimantOf(state, data.claimantId);
  const violations: FieldViolation[] = [...requiredText('reason', '修改原因', data.reason, 500)];
  if (data.claimed !== undefined) violations.push(...fenAtLeast('claimed', '主张金额', data.claimed, 1));
  if (data.workedFrom !== undefined) violations.push(...workedOn('workedFrom', '入职（开始工作）日期', data.workedFrom, todayOf(env)));
  if (data.workedUntil !== undefined && data.workedUntil !== null) violations.push(...workedOn('workedUntil', '离职（最后工作）日期', data.workedUntil, todayOf(env)));
  if (data.phone !== undefined && !(typeof data.phone === 'string' && isPhoneNumber(data.phone))) {
    violations.push({ field: 'phone', rule: 'phone', message: '电话格式不正确，应为 11 位手机号或带区号的固定电话' });
  }
  const from = data.workedFrom ?? claimant.details.workedFrom;
  const until = data.workedUntil === null ? undefined : data.workedUntil ?? claimant.details.workedUntil;
  if (violations.length === 0 && until !== undefined && until < from) violations.push({ field: 'workedUntil', rule: 'date_order', message: '离职日期不能早于入职日期' });
  rejectIfAny(violations);
  if (claimant.withdrawn) throw broken(state, { code: 'claim_withdrawn', message: '该申请已撤回，不能修改' });
  const change: Omit<ClaimAmended['data'], 'reason' | 'amendedAt' | 'claimantId'> = {
    ...(data.claimed !== undefined && data.claimed !== claimant.claimed ? { claimed: { from: claimant.claimed, to: data.claimed } } : {}),
    ...(data.workedFrom !== undefined && data.workedFrom !== claimant.details.workedFrom ? { workedFrom: data.workedFrom } : {}),
    ...(data.workedUntil !== undefined && data.workedUntil !== (claimant.details.workedUntil ?? null) ? { workedUntil: data.workedUntil } : {}),
    ...(data.phone !== undefined && data.phone !== claimant.details.phone ? { phone: data.phone } : {}),
  };
  if (Object.keys(change).length === 0) return [];
  return [{ type: 'ClaimAmended', data: { claimantId: data.claimantId, ...change, reason: data.reason, amendedAt: env.nowIso } }];
}

/** A claim is withdrawn only while no money has moved for it: reverse the payments and advances first. */
export function withdrawClaim(data: WithdrawClaim['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '撤回申请');
  rejectIfAny(requiredText('reason', '撤回原因', data.reason, 500));
  const claimant = claimantOf(state, data.claimantId);
  if (claimant.withdrawn) return [];
  if (claimant.recovered > 0 || claimant.advanced > 0) {
    throw new RuleBrokenError('claim_has_money', '该申请人已有追回款或垫付款，须先冲正相关款项才能撤回');
  }
  return [{ type: 'ClaimWithdrawn', data: { claimantId: data.claimantId, reason: data.reason, withdrawnAt: env.nowIso } }];
}

export function recordEvidence(data: RecordEvidence['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '登记证据');
  rejectIfAny([
    ...requiredText('evidenceId', '证据编号', data.evidenceId, 64),
    ...oneOfCodes('kind', '证据类型', data.kind, EVIDENCE_KINDS),
    ...requiredText('description', '证据说明', data.description, 500),
  ]);
  const claimant = claimantOf(state, data.claimantId);
  if (claimant.evidence.some((e) => e.evidenceId === data.evidenceId)) return [];
  return [{ type: 'EvidenceRecorded', data: { ...data, recordedAt: env.nowIso } }];
}

/**
 * 核实金额. A second verification corrects the first and needs a reason; it may not go below what
 * has already reached the worker or the fund (reverse those first).
 */
export function verifyClaims(data: VerifyClaims['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireStatus(state, ['verifying', 'verified', 'negotiating'], { code: 'verification_not_started', message: '须先开始核实，才能登记核实金额' });
  const claims = Array.isArray(data.claims) ? data.claims : [];
  const violations: FieldViolation[] = [];
  if (claims.length === 0) violations.push({ field: 'claims', rule: 'required', message: '至少核实一名申请人' });
  const seen = new Set<string>();
  claims.forEach((claim, row) => {
    const prefix = `claims.${row}.`;
    violations.push(...fenAtLeast(`${prefix}verified`, '核实金额', claim.verified, 0), ...requiredText(`${prefix}basis`, '核实依据', claim.basis, 500));
    const claimant = entryOf(state.claimants, claim.claimantId);
    if (!claimant) violations.push({ field: `${prefix}claimantId`, rule: 'exists', message: '本案中没有该申请人' });
    else if (claimant.withdrawn) violations.push({ field: `${prefix}claimantId`, rule: 'withdrawn', message: '该申请已撤回，不能核实' });
    else if (Number.isSafeInteger(claim.verified)) {
      const floor = claimant.recovered + owedToFund(claimant);
      if (claim.verified < floor) {
        violations.push({ field: `${prefix}verified`, rule: 'below_paid', message: `核实金额不能低于已追回和已垫付的合计 ${formatYuan(floor)} 元，请先冲正相关款项` });
      }
      if (claimant.verified !== null) {
        if (data.reason === undefined || String(data.reason).trim() === '') {
          violations.push({ field: 'reason', rule: 'required', message: '更正已核实的金额须说明原因' });
        }
      }
    }
    if (seen.has(claim.claimantId)) violations.push({ field: `${prefix}claimantId`, rule: 'unique', message: '同一申请人不能在一次核实中出现两次' });
    seen.add(claim.claimantId);
  });
  if (data.reason !== undefined) violations.push(...optionalText('reason', '更正原因', data.reason, 500));
  rejectIfAny(dedupe(violations));
  const changed = claims.filter((claim) => entryOf(state.claimants, claim.claimantId)!.verified !== claim.verified);
  if (changed.length === 0) return [];
  return [{
    type: 'ClaimsVerified',
    data: {
      claims: changed.map((claim) => ({ claimantId: claim.claimantId, verified: claim.verified, previous: entryOf(state.claimants, claim.claimantId)!.verified, basis: claim.basis })),
      ...(data.reason ? { reason: data.reason } : {}),
      verifiedAt: env.nowIso,
    },
  }];
}

function dedupe(violations: FieldViolation[]): FieldViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => (seen.has(`${v.field}|${v.rule}`) ? false : (seen.add(`${v.field}|${v.rule}`), true)));
}

