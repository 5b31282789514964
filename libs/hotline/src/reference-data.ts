import { CATEGORIES, type BuiltInSubcategoryCode, type CategoryCode } from './categories.js';

/** One choice in a list the UI offers: a stable snake_case code, a Chinese label, an English label. */
export interface ReferenceItem<Code extends string = string> {
  readonly code: Code;
  readonly label: string;
  readonly labelEn: string;
  /**
   * `false` once an administrator retired it (停用): new input may not use it, but it stays in the
   * lists so that the cases and events that carry its code still show its label. Absent means active.
   */
  readonly active?: boolean;
}

export const CHANNELS = [
  { code: 'phone', label: '12351热线电话', labelEn: 'Hotline call (12351)' },
  { code: 'walk_in', label: '来访', labelEn: 'Walk-in visit' },
  { code: 'letter', label: '来信', labelEn: 'Letter' },
  { code: 'web', label: '网站', labelEn: 'Website' },
  { code: 'mobile_app', label: '移动客户端', labelEn: 'Mobile app' },
  { code: 'wechat', label: '微信', labelEn: 'WeChat' },
  { code: 'provincial_platform', label: '上级交办', labelEn: 'Handed down by the provincial platform' },
] as const;

export const COMPLAINT_TYPES = [
  { code: 'inquiry', label: '咨询', labelEn: 'Inquiry' },
  { code: 'request_for_action', label: '求助投诉', labelEn: 'Request for action' },
  { code: 'suggestion', label: '建议', labelEn: 'Suggestion' },
] as const;

export const URGENCIES = [
  { code: 'normal', label: '一般', labelEn: 'Normal' },
  { code: 'urgent', label: '紧急', labelEn: 'Urgent' },
] as const;

/** 办结结果 */
export const RESOLUTION_OUTCOMES = [
  { code: 'solved', label: '诉求已解决', labelEn: 'Solved' },
  { code: 'partly_solved', label: '诉求部分解决', labelEn: 'Partly solved' },
  { code: 'explained', label: '已解释说明', labelEn: 'Explained to the caller' },
  { code: 'referred', label: '已引导至劳动监察、仲裁或法院', labelEn: 'Referred to labour inspection, arbitration or court' },
  { code: 'not_supported', label: '诉求缺乏依据，不予支持', labelEn: 'Request not supported' },
  { code: 'withdrawn', label: '来电人撤回诉求', labelEn: 'Withdrawn by the caller' },
] as const;

/** How the caller was contacted (联系方式). */
export const CONTACT_METHODS = [
  { code: 'phone', label: '电话', labelEn: 'Phone call' },
  { code: 'sms', label: '短信', labelEn: 'Text message' },
  { code: 'visit', label: '上门或来访', labelEn: 'In person' },
  { code: 'wechat', label: '微信', labelEn: 'WeChat' },
  { code: 'other', label: '其他', labelEn: 'Other' },
] as const;

/** 回访满意度 */
export const SATISFACTION_LEVELS = [
  { code: 'satisfied', label: '满意', labelEn: 'Satisfied' },
  { code: 'basically_satisfied', label: '基本满意', labelEn: 'Basically satisfied' },
  { code: 'dissatisfied', label: '不满意', labelEn: 'Dissatisfied' },
] as const;

/** 退回原因 */
export const RETURN_REASONS = [
  { code: 'not_our_jurisdiction', label: '不属于本单位管辖', labelEn: 'Not in our area' },
  { code: 'outside_union_remit', label: '不属于工会职责范围', labelEn: 'Outside the union’s remit' },
  { code: 'wrong_category', label: '分类或交办对象有误', labelEn: 'Wrong category or wrong unit' },
  { code: 'insufficient_information', label: '信息不全，无法办理', labelEn: 'Not enough information to act' },
  { code: 'duplicate_order', label: '重复工单', labelEn: 'Duplicate order' },
  { code: 'other', label: '其他原因', labelEn: 'Other reason' },
] as const;

export { CATEGORIES };
export type { CategoryCode, BuiltInSubcategoryCode };
/** A code of a list administrators may add to: one shipped with the system, or one added since. */
type OpenCode<BuiltIn extends string> = BuiltIn | (string & {});
export type SubcategoryCode = OpenCode<BuiltInSubcategoryCode>;
export type ChannelCode = (typeof CHANNELS)[number]['code'];
export type ComplaintTypeCode = (typeof COMPLAINT_TYPES)[number]['code'];
export type UrgencyCode = (typeof URGENCIES)[number]['code'];
export type ResolutionOutcomeCode = (typeof RESOLUTION_OUTCOMES)[number]['code'];
export type SatisfactionCode = (typeof SATISFACTION_LEVELS)[number]['code'];
export type ReturnReasonCode = OpenCode<(typeof RETURN_REASONS)[number]['code']>;
export type ContactMethodCode = OpenCode<(typeof CONTACT_METHODS)[number]['code']>;

export interface CategoryItem extends ReferenceItem<CategoryCode> {
  readonly subcategories: readonly ReferenceItem<SubcategoryCode>[];
}

/**
 * Everything `GET /api/reference/hotline` returns, in display order: the lists shipped with the
 * system (`hotlineReferenceData()`), or as administrators corrected them (`reference/`).
 */
export interface HotlineReferenceData {
  readonly channels: readonly ReferenceItem<ChannelCode>[];
  readonly categories: readonly CategoryItem[];
  readonly types: readonly ReferenceItem<ComplaintTypeCode>[];
  readonly urgencies: readonly ReferenceItem<UrgencyCode>[];
  readonly resolutionOutcomes: readonly ReferenceItem<ResolutionOutcomeCode>[];
  readonly satisfactionLevels: readonly ReferenceItem<SatisfactionCode>[];
  readonly returnReasons: readonly ReferenceItem<ReturnReasonCode>[];
  readonly contactMethods: readonly ReferenceItem<ContactMethodCode>[];
}

export function hotlineReferenceData(): HotlineReferenceData {
  return {
    channels: CHANNELS,
    categories: CATEGORIES,
    types: COMPLAINT_TYPES,
    urgencies: URGENCIES,
    resolutionOutcomes: RESOLUTION_OUTCOMES,
    satisfactionLevels: SATISFACTION_LEVELS,
    returnReasons: RETURN_REASONS,
    contactMethods: CONTACT_METHODS,
  };
}

/** The reference item with `code` in `items`, if any (for labels in messages and views). */
export function findReferenceItem<Code extends string>(items: readonly ReferenceItem<Code>[], code: string): ReferenceItem<Code> | undefined {
  return items.find((item) => item.code === code);
}

/** The first-level category with `code` in `data` (the shipped lists unless given), retired or not. */
export function findCategory(code: string, data: HotlineReferenceData = hotlineReferenceData()): CategoryItem | undefined {
  return data.categories.find((category) => category.code === code);
}

/** Whether new input may use the item: not retired by an administrator. */
export function isActiveItem(item: ReferenceItem): boolean {
  return item.active !== false;
}
