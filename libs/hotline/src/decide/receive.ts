import { RuleBrokenError, ValidationError } from '#errors';
import type { ClassifyComplaint, ReceiveComplaint } from '../complaint.commands.js';
import type { ComplaintClassified, ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { STATUSES_BEFORE_RESOLUTION } from '../complaint.status.js';
import type { Caller, Classification, Employer } from '../complaint.values.js';
import { normalisePhone } from '../validation/field-checks.js';
import type { DecisionEnv } from './decision-env.js';
import { brokenRule, CLOSED, MERGED, requireStatus } from './guards.js';
import { EMPLOYER_REQUIRED, mayGoWithoutEmployer } from '../employer-rule.js';
import { omitUndefined } from './omit-undefined.js';

/**
 * 受理. A receiver who already knows the category classifies at once: the complaint is received and
 * classified in one decision, as two events, so every figure by category reads `ComplaintClassified`.
 */
export function receive(data: ReceiveComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  if (state.status !== 'none') throw new RuleBrokenError('complaint_already_received', '该工单已受理，不能重复受理');
  // A receipt is a fact: dated ahead it would count in a period still to come (DOMAIN.md, "The figures…").
  // It may lie long before it is entered (an order taken on paper); it is the complaint's own first instant.
  if (data.receivedAt.getTime() > env.now.getTime()) {
    throw new ValidationError([{ field: 'receivedAt', rule: 'future_date', message: '受理时间不能晚于当前时间' }]);
  }
  const received: ComplaintEvent = {
    type: 'ComplaintReceived',
    data: omitUndefined({
      complaintId: data.complaintId,
      channel: data.channel,
      externalReference: data.externalReference,
      caller: normalisedCaller(data.caller),
      workersAffected: data.workersAffected,
      employer: data.employer ? normalisedEmployer(data.employer) : undefined,
      urgency: data.urgency,
      safetyRisk: data.safetyRisk,
      summary: data.summary.trim(),
      receivedAt: data.receivedAt.toISOString(),
      receivingUnitId: data.receivingUnitId,
    }),
  };
  return data.classification ? [received, classified(data.classification, env)] : [received];
}

/** Phone numbers are stored in one form (digits, no +86) so that repeat callers can be matched. */
function normalisedCaller({ anonymous, name, phone, idNumber }: Caller): Caller {
  return omitUndefined({
    anonymous,
    name: name?.trim() || undefined,
    phone: phone ? normalisePhone(phone) : undefined,
    idNumber: idNumber ? idNumber.toUpperCase() : undefined,
  });
}

function normalisedEmployer({ name, creditCode, address, district }: Employer): Employer {
  return omitUndefined({
    name: name.trim(),
    creditCode: creditCode ? creditCode.toUpperCase() : undefined,
    address: address?.trim() || undefined,
    district,
  });
}

/** Classify or reclassify until the complaint is resolved; the same classification again changes nothing. */
export function classify(data: ClassifyComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, STATUSES_BEFORE_RESOLUTION, { code: 'complaint_already_resolved', message: '工单已办结，不能再修改分类' }, [
    [['closed'], CLOSED],
    [['merged'], MERGED],
  ]);
  if (state.employerMissing && !mayGoWithoutEmployer(data.category)) throw brokenRule(state, EMPLOYER_REQUIRED);
  const current = state.classification;
  if (current && current.category === data.category && current.subcategory === data.subcategory && current.type === data.type) {
    return [];
  }
  return [classified(data, env)];
}

function classified({ category, subcategory, type }: Classification, env: DecisionEnv): ComplaintClassified {
  return { type: 'ComplaintClassified', data: { category, ...(subcategory ? { subcategory } : {}), type, classifiedAt: env.nowIso } };
}
