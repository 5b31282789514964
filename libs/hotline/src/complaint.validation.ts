import type { FieldViolation } from '#errors';
import type { ComplaintCommand } from './complaint.commands.js';
import { hotlineReferenceData, type HotlineReferenceData } from './reference-data.js';
import { classificationViolations } from './validation/classification.validation.js';
import { fenAtLeast, integerAtLeast, oneOf, optionalText, requiredBoolean, requiredText } from './validation/field-checks.js';
import { validateReceiveComplaint } from './validation/receive-complaint.validation.js';

const REPEAT_MATCHES: readonly string[] = ['same_employer', 'same_phone', 'same_id_number'];

type DataOf<Type extends ComplaintCommand['type']> = Extract<ComplaintCommand, { type: Type }>['data'];

/**
 * The shape of a command, field by field: required fields, codes from the reference lists, formats.
 * Codes must be in the lists as they stand (`reference`: shipped, or as administrators corrected
 * them) and not retired. The HTTP layer calls it to answer 400 naming each field; `decide` calls it
 * again before any rule.
 */
export function validateComplaintCommand(command: ComplaintCommand, reference: HotlineReferenceData = hotlineReferenceData()): FieldViolation[] {
  const data = command.data as never;
  return (validators[command.type] as (data: never, reference: HotlineReferenceData) => FieldViolation[])(data, reference);
}

const validators: { readonly [Type in ComplaintCommand['type']]: (data: DataOf<Type>, reference: HotlineReferenceData) => FieldViolation[] } = {
  ReceiveComplaint: validateReceiveComplaint,
  ClassifyComplaint: (data, reference) => classificationViolations(data, reference),
  AnswerOnTheSpot: (data) => requiredText('answer', '答复内容', data.answer, 2000),
  AssignComplaint: (data) => [
    ...requiredText('unitId', '承办单位', data.unitId, 64),
    ...optionalText('instructions', '交办意见', data.instructions, 1000),
  ],
  // Sent by the system after a calendar change (deadline code, issue 15 point 5); the changes come from the calendar itself.
  RecomputeDeadlines: (data) => requiredText('reason', '重新计算期限的原因', data.reason, 500),
  SignForComplaint: () => [],
  ReturnComplaint: (data, reference) => [
    ...oneOf('reason', '退回原因', data.reason, reference.returnReasons),
    ...(data.reason === 'other'
      ? requiredText('explanation', '退回说明（退回原因为"其他"时必填）', data.explanation, 500)
      : optionalText('explanation', '退回说明', data.explanation, 500)),
  ],
  RecordCallerContact: (data, reference) => [
    ...requiredBoolean('reached', '是否联系上来电人', data.reached),
    ...(data.method === undefined ? [] : oneOf('method', '联系方式', data.method, reference.contactMethods)),
    ...requiredText('summary', '联系情况', data.summary, 1000),
  ],
  AddComplaintNote: (data) => requiredText('text', '备注内容', data.text, 2000),
  ExtendResolutionDeadline: (data) => [
    ...integerAtLeast('workingDays', '延期工作日数', data.workingDays, 1),
    ...requiredText('reason', '延期理由', data.reason, 500),
  ],
  RequestExtension: (data) => [
    ...integerAtLeast('workingDays', '延期工作日数', data.workingDays, 1),
    ...requiredText('reason', '延期理由', data.reason, 500),
  ],
  DecideExtensionRequest: (data) => [
    ...requiredBoolean('approve', '是否批准', data.approve),
    ...(data.approve === false ? requiredText('reason', '不予批准的理由', data.reason, 500) : optionalText('reason', '审批意见', data.reason, 500)),
  ],
  ResolveComplaint: (data, reference) => [
    ...oneOf('outcome', '办结结果', data.outcome, reference.resolutionOutcomes),
    ...requiredText('summary', '办结情况', data.summary, 2000),
  ],
  RecordFollowUp: (data, reference) => [
    ...requiredBoolean('reached', '是否回访到来电人', data.reached),
    ...followUpSatisfactionViolations(data, reference),
    ...optionalText('comment', '回访意见', data.comment, 1000),
  ],
  CloseComplaint: (data) => optionalText('reason', '结案说明', data.reason, 500),
  ReopenComplaint: (data) => requiredText('reason', '重办理由', data.reason, 500),
  FlagAsRepeat: (data) => [
    ...requiredText('repeatOf', '原工单编号', data.repeatOf, 64),
    ...(Array.isArray(data.matchedOn) && data.matchedOn.length > 0 && data.matchedOn.every((m) => REPEAT_MATCHES.includes(m))
      ? []
      : [{ field: 'matchedOn', rule: 'one_of', message: '重复依据须至少一项，且只能是同一用人单位、同一来电号码或同一身份证号码' }]),
  ],
  MergeIntoEarlierComplaint: (data) => [
    ...requiredText('targetComplaintId', '合并到的原工单编号', data.targetComplaintId, 64),
    ...optionalText('reason', '合并说明', data.reason, 500),
  ],
  AttachRepeatCall: (data) => requiredText('repeatComplaintId', '重复来电工单编号', data.repeatComplaintId, 64),
  EscalateToWageCase: (data) => [...requiredText('wageCaseId', '欠薪案件编号', data.wageCaseId, 64), ...optionalText('summary', '转案说明', data.summary, 2000)],
  EscalateToHardshipApplication: (data) => [...requiredText('fileId', '建档申请编号', data.fileId, 64), ...optionalText('summary', '转案说明', data.summary, 2000)],
  EscalateToMediation: (data) => [
    ...requiredText('mediationCaseId', '调解案件编号', data.mediationCaseId, 64),
    ...requiredText('roomId', '调解工作室', data.roomId, 32),
    ...optionalText('summary', '转案说明', data.summary, 2000),
    ...(Array.isArray(data.claims) && data.claims.length > 0
      ? data.claims.flatMap((claim, i) => [...requiredText(`claims.${i}.item`, '请求事项', claim?.item, 100), ...fenAtLeast(`claims.${i}.amount`, '请求金额（分）', claim?.amount, 1)])
      : [{ field: 'claims', rule: 'required', message: '至少填写一项请求事项及金额' }]),
  ],
  RecordLinkedCaseOutcome: (data) => [...requiredText('caseId', '关联案件编号', data.caseId, 64), ...requiredText('outcome', '办理结果', data.outcome, 64), ...requiredText('summary', '结果说明', data.summary, 2000)],
};

function followUpSatisfactionViolations(data: DataOf<'RecordFollowUp'>, reference: HotlineReferenceData): FieldViolation[] {
  if (data.reached === true) return oneOf('satisfaction', '满意度（回访到来电人时必填）', data.satisfaction, reference.satisfactionLevels);
  if (data.satisfaction !== undefined) {
    return [{ field: 'satisfaction', rule: 'not_reached', message: '未回访到来电人时不能填写满意度' }];
  }
  return [];
}
