import type { FieldViolation } from '#errors';
import { fenAtLeast, isCreditCode, isPhoneNumber, isResidentIdNumber, oneOfCodes, optionalText, requiredText } from '#field-checks';
import { factDate, partyViolations } from './mediation.checks.js';
import type { ReferCase } from './mediation.commands.js';
import type { CaseReferred } from './mediation.events.js';
import type { MediationCaseState } from './mediation.state.js';
import { DISPUTE_CAUSES, REFERRAL_SOURCE_KINDS, REFERRAL_TYPES, TRIAL_PROCEDURES, type Applicant, type Claim, type ReferralSource, type Respondent } from './mediation.values.js';

/*
 * A referral (转入): its field checks, the form in which it is recorded, and whether a referral sent
 * again is the one already recorded.
 */

/** 案号 as courts write it: (2026)豫0105民诉前调1234号, with half- or full-width brackets. */
const CASE_NUMBER = /^[(（]\d{4}[)）]\S+\d+号$/;

/** `today`: the referral is a fact, so its date lies no later; it may lie long before the room hears of it. */
export function referralViolations(d: ReferCase['data'], today: string): FieldViolation[] {
  return [
    ...requiredText('caseId', '调解案件编号', d.caseId, 64),
    ...sourceViolations(d.source),
    ...(d.cause === undefined ? [] : oneOfCodes('cause', '案由', d.cause, DISPUTE_CAUSES)),
    ...requiredText('roomId', '调解工作室', d.roomId, 32),
    ...factDate('referredOn', '转入日期', d.referredOn, today, null, ''),
    ...applicantViolations(d.applicants),
    ...respondentViolations(d.respondent),
    ...claimViolations(d.claims, d.applicants),
    ...requiredText('summary', '纠纷概要', d.summary, 2000),
  ];
}

function sourceViolations(source: ReferralSource | undefined): FieldViolation[] {
  const kind = oneOfCodes('source.kind', '案件来源', source?.kind, REFERRAL_SOURCE_KINDS);
  if (kind.length > 0 || !source) return kind;
  switch (source.kind) {
    case 'court':
      return [
        ...requiredText('source.court', '法院名称', source.court, 100),
        ...requiredText('source.caseNumber', '案号', source.caseNumber, 64),
        ...(typeof source.caseNumber === 'string' && source.caseNumber.trim() !== '' && !CASE_NUMBER.test(source.caseNumber.trim())
          ? [{ field: 'source.caseNumber', rule: 'case_number', message: '案号格式不正确，应如 (2026)豫0105民诉前调1234号' }] : []),
        ...oneOfCodes('source.referralType', '委派或委托', source.referralType, REFERRAL_TYPES),
        ...(source.referralType === 'entrusted' ? procedureViolations(source.procedure) : []),
      ];
    case 'wage_case':
      return requiredText('source.caseId', '来源欠薪案件', source.caseId, 64);
    case 'complaint':
      return requiredText('source.complaintId', '来源热线工单', source.complaintId, 64);
  }
}

function procedureViolations(procedure: unknown): FieldViolation[] {
  if (procedure === undefined || procedure === null || procedure === '') {
    return [{ field: 'source.procedure', rule: 'required', message: '委托调解须注明适用普通程序还是简易程序（决定调解期限）' }];
  }
  return oneOfCodes('source.procedure', '审理程序', procedure, TRIAL_PROCEDURES);
}

function applicantViolations(applicants: readonly Applicant[] | undefined): FieldViolation[] {
  if (!Array.isArray(applicants) || applicants.length === 0) return [{ field: 'applicants', rule: 'required', message: '至少填写一名申请人（劳动者）' }];
  const seen = new Set<string>();
  return applicants.flatMap((a, i) => {
    const at = `applicants.${i}.`;
    const violations = [
      ...requiredText(`${at}partyId`, '申请人编号', a.partyId, 64),
      ...requiredText(`${at}name`, '申请人姓名', a.name, 50),
      ...(a.idNumber !== undefined && !isResidentIdNumber(String(a.idNumber)) ? [{ field: `${at}idNumber`, rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' }] : []),
      ...(a.phone !== undefined && !isPhoneNumber(String(a.phone)) ? [{ field: `${at}phone`, rule: 'phone', message: '电话格式不正确' }] : []),
      ...optionalText(`${at}address`, '住址', a.address, 200),
      ...(seen.has(a.partyId) ? [{ field: `${at}partyId`, rule: 'unique', message: '申请人编号不能重复' }] : []),
    ];
    seen.add(a.partyId);
    return violations;
  });
}

function respondentViolations(respondent: Respondent | undefined): FieldViolation[] {
  if (!respondent || typeof respondent !== 'object') return [{ field: 'respondent', rule: 'required', message: '须填写被申请人（用人单位）' }];
  return [
    ...requiredText('respondent.name', '被申请人名称', respondent.name, 200),
    ...(respondent.creditCode !== undefined && !isCreditCode(String(respondent.creditCode)) ? [{ field: 'respondent.creditCode', rule: 'credit_code', message: '统一社会信用代码格式不正确，应为 18 位' }] : []),
    ...optionalText('respondent.representative', '法定代表人或负责人', respondent.representative, 50),
    ...(respondent.phone !== undefined && !isPhoneNumber(String(respondent.phone)) ? [{ field: 'respondent.phone', rule: 'phone', message: '被申请人电话格式不正确' }] : []),
    ...optionalText('respondent.address', '被申请人地址', respondent.address, 200),
  ];
}

function claimViolations(claims: readonly Claim[] | undefined, applicants: readonly Applicant[] | undefined): FieldViolation[] {
  if (!Array.isArray(claims) || claims.length === 0) return [{ field: 'claims', rule: 'required', message: '至少填写一项请求事项及金额' }];
  const parties = new Set((Array.isArray(applicants) ? applicants : []).map((a) => a.partyId));
  const seen = new Set<string>();
  return claims.flatMap((c, i) => {
    const at = `claims.${i}.`;
    const violations = [
      ...requiredText(`${at}claimId`, '请求事项编号', c.claimId, 64),
      ...requiredText(`${at}item`, '请求事项', c.item, 50),
      ...fenAtLeast(`${at}amount`, '请求金额（分）', c.amount, 1),
      ...partyViolations(`${at}partyId`, c.partyId, parties),
      ...(seen.has(c.claimId) ? [{ field: `${at}claimId`, rule: 'unique', message: '请求事项编号不能重复' }] : []),
    ];
    seen.add(c.claimId);
    return violations;
  });
}

export type Referral = Omit<CaseReferred['data'], 'claimedTotal' | 'referredAt'>;

/** The referral as it will be recorded: a procedure only for 委托, the case number without stray spaces. */
export function normalisedReferral(d: ReferCase['data']): Referral {
  const s = d.source;
  const source: ReferralSource = s.kind === 'court'
    ? { kind: 'court', court: s.court.trim(), caseNumber: s.caseNumber.trim(), referralType: s.referralType, ...(s.referralType === 'entrusted' ? { procedure: s.procedure } : {}) }
    : s.kind === 'wage_case' ? { kind: 'wage_case', caseId: s.caseId } : { kind: 'complaint', complaintId: s.complaintId };
  return {
    caseId: d.caseId, source, ...(d.cause !== undefined ? { cause: d.cause } : {}), roomId: d.roomId, referredOn: d.referredOn,
    applicants: d.applicants, respondent: d.respondent, claims: d.claims, summary: d.summary,
  };
}

/** The same referral sent again (a retry, a second click) is recorded once. */
export function sameReferral(state: MediationCaseState, referral: Referral): boolean {
  const { caseId, source, cause, roomId, referredOn, applicants, respondent, claims, summary } = state;
  return canonical({ caseId, source, ...(cause !== null ? { cause } : {}), roomId, referredOn, applicants, respondent, claims, summary }) === canonical(referral);
}

/** JSON with object keys in order, so that two equal referrals compare equal however their fields were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
