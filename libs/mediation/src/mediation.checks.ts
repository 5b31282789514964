import type { FieldViolation } from '#errors';
import { fenAtLeast, localDate, notBefore, notInFuture, oneOfCodes, requiredText } from '#field-checks';
import { formatYuan, sumFen } from '#money';
import type { ExtendDeadline, RecordAgreement } from './mediation.commands.js';
import { MAX_EXTENSION_DAYS } from './mediation.rules.js';
import type { MediationCaseState } from './mediation.state.js';
import { CONSENTING_PARTIES } from './mediation.values.js';

/*
 * The field checks of the agreement, of an extension and of lists of short texts (the referral's are in
 * mediation.referral.ts). Each violation names its field (a dotted path, with row numbers in lists) and
 * a stable rule; messages never repeat personal data.
 */

/**
 * A date a person gives for something that happened (an acceptance, an agreement, a payment…): a real
 * date, not after `today` and not before the step it follows. Planned dates — an agreement's
 * effective date, an installment's due date, a session — are checked for order only.
 */
export function factDate(field: string, label: string, date: unknown, today: string, earliest: string | null, earliestLabel: string): FieldViolation[] {
  const real = localDate(field, label, date);
  if (real.length > 0) return real;
  return [...notInFuture(field, label, date, today), ...notBefore(field, label, date, earliest, earliestLabel)];
}

/** An optional `partyId` that must name an applicant of the case. */
export function partyViolations(field: string, partyId: string | undefined, parties: ReadonlySet<string>): FieldViolation[] {
  return partyId === undefined || parties.has(partyId) ? [] : [{ field, rule: 'exists', message: '本案没有该申请人' }];
}

/**
 * 调解协议: at least one agreed amount and one installment; each installment due no earlier than the
 * agreement; the schedule adding up to the agreed total exactly.
 */
export function agreementViolations(d: RecordAgreement['data'], state: MediationCaseState, today: string): FieldViolation[] {
  const parties = new Set(state.applicants.map((a) => a.partyId));
  const items = Array.isArray(d.items) ? d.items : [];
  const schedule = Array.isArray(d.schedule) ? d.schedule : [];
  const violations: FieldViolation[] = [
    ...factDate('agreedOn', '协议达成日期', d.agreedOn, today, state.acceptedOn, '受理日期'),
    ...localDate('effectiveOn', '协议生效日期', d.effectiveOn),
    ...(typeof d.effectiveOn === 'string' && d.effectiveOn < d.agreedOn ? [{ field: 'effectiveOn', rule: 'date_order', message: '协议生效日期不能早于达成日期' }] : []),
    ...requiredText('terms', '协议内容', d.terms, 5000),
    ...(items.length === 0 ? [{ field: 'items', rule: 'required', message: '至少填写一项协议金额' }] : []),
    ...items.flatMap((item, i) => [
      ...requiredText(`items.${i}.item`, '协议事项', item.item, 50),
      ...fenAtLeast(`items.${i}.amount`, '协议金额（分）', item.amount, 1),
      ...partyViolations(`items.${i}.partyId`, item.partyId, parties),
    ]),
    ...(schedule.length === 0 ? [{ field: 'schedule', rule: 'required', message: '至少填写一期履行安排' }] : []),
    ...installmentViolations(schedule, d.agreedOn, parties, state.source?.kind === 'wage_case'),
  ];
  const amounts = [...items, ...schedule].map((x) => x.amount);
  if (violations.length === 0 && amounts.every((a) => Number.isSafeInteger(a))) {
    const agreed = sumFen(items.map((i) => i.amount));
    const scheduled = sumFen(schedule.map((s) => s.amount));
    if (agreed !== scheduled) violations.push({ field: 'schedule', rule: 'sum', message: `履行安排合计 ${formatYuan(scheduled)} 元，与协议金额合计 ${formatYuan(agreed)} 元不符` });
  }
  return violations;
}

/** `perWorker`: each installment must name the worker it pays (an agreement that flows back into a wage case). */
function installmentViolations(schedule: RecordAgreement['data']['schedule'], agreedOn: string, parties: ReadonlySet<string>, perWorker: boolean): FieldViolation[] {
  const seen = new Set<string>();
  return schedule.flatMap((s, i) => {
    const at = `schedule.${i}.`;
    const dueOn = localDate(`${at}dueOn`, '履行期限', s.dueOn);
    const violations = [
      ...requiredText(`${at}installmentId`, '履行期次编号', s.installmentId, 64),
      ...dueOn,
      ...(dueOn.length === 0 && s.dueOn < agreedOn ? [{ field: `${at}dueOn`, rule: 'date_order', message: '履行期限不能早于协议达成日期' }] : []),
      ...fenAtLeast(`${at}amount`, '本期金额（分）', s.amount, 1),
      ...partyViolations(`${at}partyId`, s.partyId, parties),
      ...(perWorker && s.partyId === undefined ? [{ field: `${at}partyId`, rule: 'required', message: '欠薪案件转来的协议，每期付款须写明付给哪位职工' }] : []),
      ...(seen.has(s.installmentId) ? [{ field: `${at}installmentId`, rule: 'unique', message: '履行期次编号不能重复' }] : []),
    ];
    seen.add(s.installmentId);
    return violations;
  });
}

/** 延长调解期限: 1 to 30 days, a reason, and the consent of the applicant side and of the respondent side. */
export function extensionViolations(d: ExtendDeadline['data'], today: string, acceptedOn: string | null): FieldViolation[] {
  const consents = Array.isArray(d.consents) ? d.consents : [];
  const sides = new Set(consents.map((c) => c.party));
  return [
    ...(Number.isInteger(d.days) && d.days >= 1 && d.days <= MAX_EXTENSION_DAYS ? [] : [{ field: 'days', rule: 'integer_range', message: `延长天数须为 1 至 ${MAX_EXTENSION_DAYS} 的整数` }]),
    ...requiredText('reason', '延长理由', d.reason, 500),
    ...consents.flatMap((c, i) => [
      ...oneOfCodes(`consents.${i}.party`, '同意方', c.party, CONSENTING_PARTIES),
      ...requiredText(`consents.${i}.name`, '同意人姓名', c.name, 50),
      ...factDate(`consents.${i}.consentedOn`, '同意日期', c.consentedOn, today, acceptedOn, '受理日期'),
    ]),
    ...(sides.has('applicant') && sides.has('respondent') ? [] : [{ field: 'consents', rule: 'both_parties', message: '延长调解期限须记录申请人和被申请人双方的同意' }]),
  ];
}

/** A list of short texts, at least one (attendees, facts, points in dispute). */
export function textListViolations(field: string, label: string, list: readonly string[] | undefined, maxLength: number): FieldViolation[] {
  if (!Array.isArray(list) || list.length === 0) return [{ field, rule: 'required', message: `${label}至少填写一项` }];
  return list.flatMap((text, i) => requiredText(`${field}.${i}`, label, text, maxLength));
}

/**
 * 调解不成 with no session held: the letter to the court must say why none was (一方拒绝调解, 无法联系…),
 * or it would read as a case the room never took up. Once a session was held, the letter tells how
 * they went, and a reason for holding none would contradict it.
 */
export function noSessionReasonViolations(reason: unknown, sessionsHeld: number): FieldViolation[] {
  const field = 'noSessionReason';
  if (sessionsHeld > 0) {
    return reason === undefined || reason === null || reason === '' ? [] : [{ field, rule: 'sessions_held', message: `本案已举行 ${sessionsHeld} 次调解，无需填写未组织调解的原因` }];
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    return [{ field, rule: 'required', message: '未组织调解的原因不能为空：本案尚未举行调解，登记调解不成须写明原因（如一方拒绝调解）' }];
  }
  return requiredText(field, '未组织调解的原因', reason, 500);
}
