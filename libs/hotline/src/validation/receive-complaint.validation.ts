import type { FieldViolation } from '#errors';
import type { ReceiveComplaint } from '../complaint.commands.js';
import type { Caller, Employer } from '../complaint.values.js';
import { hotlineReferenceData, type HotlineReferenceData } from '../reference-data.js';
import { classificationViolations } from './classification.validation.js';
import { EMPLOYER_REQUIRED, mayGoWithoutEmployer } from '../employer-rule.js';
import {
  integerAtLeast,
  isCreditCode,
  isDistrictCode,
  isPhoneNumber,
  isResidentIdNumber,
  oneOf,
  optionalText,
  requiredBoolean,
  requiredText,
  validInstant,
} from './field-checks.js';

/**
 * Every problem with a `ReceiveComplaint`, field by field (empty when it is well-formed); codes are
 * checked against the lists as they stand (the shipped ones unless given).
 */
export function validateReceiveComplaint(data: ReceiveComplaint['data'], reference: HotlineReferenceData = hotlineReferenceData()): FieldViolation[] {
  return [
    ...requiredText('complaintId', '工单编号', data.complaintId, 64),
    ...oneOf('channel', '受理渠道', data.channel, reference.channels),
    ...externalReferenceViolations(data),
    ...callerViolations(data.caller),
    ...integerAtLeast('workersAffected', '涉及职工人数', data.workersAffected, 1),
    ...employerViolations(data.employer, data.classification?.category),
    ...(data.classification == null ? [] : classificationViolations(data.classification, reference, 'classification.')),
    ...oneOf('urgency', '紧急程度', data.urgency, reference.urgencies),
    ...requiredBoolean('safetyRisk', '是否存在安全风险', data.safetyRisk),
    ...requiredText('summary', '诉求内容', data.summary, 2000),
    ...validInstant('receivedAt', '受理时间', data.receivedAt),
    ...requiredText('receivingUnitId', '受理单位', data.receivingUnitId, 64),
  ];
}

function externalReferenceViolations(data: ReceiveComplaint['data']): FieldViolation[] {
  if (data.channel === 'provincial_platform') return requiredText('externalReference', '上级交办工单编号', data.externalReference, 64);
  return optionalText('externalReference', '上级交办工单编号', data.externalReference, 64);
}

function callerViolations(caller: Caller | undefined): FieldViolation[] {
  if (caller === undefined || caller === null) return [{ field: 'caller', rule: 'required', message: '来电人信息不能为空' }];
  const anonymous = requiredBoolean('caller.anonymous', '是否匿名', caller.anonymous);
  const identity = caller.anonymous
    ? [
        ...(caller.name ? [{ field: 'caller.name', rule: 'anonymous', message: '匿名来电不应填写姓名' }] : []),
        ...(caller.idNumber ? [{ field: 'caller.idNumber', rule: 'anonymous', message: '匿名来电不应填写身份证号码' }] : []),
      ]
    : requiredText('caller.name', '来电人姓名（非匿名时必填）', caller.name, 50);
  return [...anonymous, ...identity, ...phoneViolations(caller.phone), ...idNumberViolations(caller)];
}

function phoneViolations(phone: unknown): FieldViolation[] {
  if (phone === undefined || phone === '') return [];
  return typeof phone === 'string' && isPhoneNumber(phone)
    ? []
    : [{ field: 'caller.phone', rule: 'phone', message: '来电人电话格式不正确，应为 11 位手机号或带区号的固定电话' }];
}

function idNumberViolations(caller: Caller): FieldViolation[] {
  if (caller.anonymous || caller.idNumber === undefined || caller.idNumber === '') return [];
  return typeof caller.idNumber === 'string' && isResidentIdNumber(caller.idNumber)
    ? []
    : [{ field: 'caller.idNumber', rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' }];
}

const DISTRICT_VIOLATION: FieldViolation = {
  field: 'employer.district',
  rule: 'district_code',
  message: '用人单位所在区县须为 6 位行政区划代码，如 410105（金水区）',
};

/** The employer, unless the call is of a category that may go without one; given, it is checked in full. */
function employerViolations(employer: Employer | undefined, category: string | undefined): FieldViolation[] {
  if (employer === undefined || employer === null) {
    return mayGoWithoutEmployer(category) ? [] : [{ field: 'employer', rule: 'required', message: EMPLOYER_REQUIRED.message }];
  }
  const creditCode =
    employer.creditCode === undefined || employer.creditCode === '' || (typeof employer.creditCode === 'string' && isCreditCode(employer.creditCode))
      ? []
      : [{ field: 'employer.creditCode', rule: 'credit_code', message: '统一社会信用代码格式不正确，应为 18 位' }];
  const district = isDistrictCode(employer.district) ? [] : [DISTRICT_VIOLATION];
  return [
    ...requiredText('employer.name', '用人单位名称', employer.name, 200),
    ...creditCode,
    ...optionalText('employer.address', '用人单位地址', employer.address, 200),
    ...district,
  ];
}
