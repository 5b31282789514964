import { NotFoundError, RuleBrokenError, ValidationError, type FieldViolation } from '#errors';
import type { HotlineReferenceData } from '../reference-data.js';
import { optionalText, requiredText } from '../validation/field-checks.js';
import type { ReferenceItemRecord } from './corrected-reference-data.js';
import { itemsOfList, REFERENCE_LIST_POLICIES, type ListedReferenceItem, type ReferenceListName } from './reference-lists.js';

/** What an administrator asks for: a label corrected, an item retired (停用) or restored, an item added. */
export type ReferenceChange =
  | { readonly kind: 'relabel'; readonly list: ReferenceListName; readonly code: string; readonly label?: string; readonly labelEn?: string }
  | { readonly kind: 'retire' | 'restore'; readonly list: ReferenceListName; readonly code: string }
  | {
      readonly kind: 'add';
      readonly list: ReferenceListName;
      readonly code: string;
      readonly label: string;
      readonly labelEn: string;
      /** The first-level category of a new second-level one. */
      readonly parentCode?: string;
    };

/** The item before the change (`null` for an added one) and after it: what the application stores and records. */
export interface ReferenceChangeOutcome {
  readonly before: ReferenceItemRecord | null;
  readonly after: ReferenceItemRecord;
}

const CODE_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * 参考数据维护, decided against the lists as they stand. Codes are never changed or removed: events
 * keep them, and every code ever used must still find its label.
 */
export function decideReferenceChange(data: HotlineReferenceData, change: ReferenceChange): ReferenceChangeOutcome {
  const policy = REFERENCE_LIST_POLICIES[change.list];
  const items = itemsOfList(data, change.list);
  if (change.kind === 'add') return add(data, items, change);
  const item = items.find((candidate) => candidate.code === change.code);
  if (!item) throw new NotFoundError('reference_item_not_found', `${policy.label}中没有代码为 ${change.code} 的项`);
  const before = recordOf(change.list, item);
  switch (change.kind) {
    case 'relabel':
      return { before, after: relabelled(items, before, change) };
    case 'retire':
      if (!policy.canRetire) throw new RuleBrokenError('reference_list_not_retirable', `${policy.label}的每一项都有业务规则或统计口径依赖，不能停用，只能修改名称`);
      if (!item.active) throw new RuleBrokenError('reference_item_already_retired', `"${item.label}"已经停用`);
      if (change.list !== 'subcategories' && items.filter((other) => other.active).length === 1) {
        throw new RuleBrokenError('last_active_reference_item', `"${item.label}"是${policy.label}中最后一个启用的项，不能停用`);
      }
      return { before, after: { ...before, active: false } };
    case 'restore':
      if (item.active) throw new RuleBrokenError('reference_item_not_retired', `"${item.label}"没有停用，无需恢复`);
      return { before, after: { ...before, active: true } };
  }
}

function relabelled(items: readonly ListedReferenceItem[], before: ReferenceItemRecord, change: Extract<ReferenceChange, { kind: 'relabel' }>): ReferenceItemRecord {
  const violations = [
    ...(change.label === undefined ? [] : labelViolations(change.label, items, before)),
    ...optionalText('labelEn', '英文名称', change.labelEn, 100),
  ];
  if (change.label === undefined && change.labelEn === undefined) {
    violations.push({ field: 'label', rule: 'required', message: '请填写新的中文名称或英文名称' });
  }
  if (violations.length > 0) throw new ValidationError(violations);
  const after = { ...before, label: change.label?.trim() ?? before.label, labelEn: change.labelEn?.trim() ?? before.labelEn };
  if (after.label === before.label && after.labelEn === before.labelEn) {
    throw new RuleBrokenError('reference_item_unchanged', '新名称与现在的名称相同，没有需要保存的修改');
  }
  return after;
}

function add(data: HotlineReferenceData, items: readonly ListedReferenceItem[], change: Extract<ReferenceChange, { kind: 'add' }>): ReferenceChangeOutcome {
  const policy = REFERENCE_LIST_POLICIES[change.list];
  if (!policy.canAdd) {
    throw new RuleBrokenError('reference_list_closed', `${policy.label}的代码在业务规则或上报统计中有固定含义，不能新增，只能修改名称`);
  }
  const parentCode = change.list === 'subcategories' ? change.parentCode : undefined;
  const violations: FieldViolation[] = [
    ...codeViolations(change.code, items),
    ...(change.list === 'subcategories' ? parentViolations(data, change.parentCode) : []),
    ...labelViolations(change.label, items.filter((item) => item.parentCode === parentCode), null),
    ...requiredText('labelEn', '英文名称', change.labelEn, 100),
  ];
  if (violations.length > 0) throw new ValidationError(violations);
  const after: ReferenceItemRecord = {
    list: change.list,
    code: change.code,
    ...(parentCode ? { parentCode } : {}),
    label: change.label.trim(),
    labelEn: change.labelEn.trim(),
    active: true,
  };
  return { before: null, after };
}

/** Codes are stable snake_case, unique in their list (second-level ones across all categories), retired ones included. */
function codeViolations(code: unknown, items: readonly ListedReferenceItem[]): FieldViolation[] {
  if (typeof code !== 'string' || !CODE_PATTERN.test(code) || code.length > 48) {
    return [{ field: 'code', rule: 'code_format', message: '代码须为小写英文字母开头的 snake_case（字母、数字和下划线，不超过 48 个字符），如 wage_guarantee_deposit' }];
  }
  const taken = items.find((item) => item.code === code);
  return taken ? [{ field: 'code', rule: 'unique', message: `代码 ${code} 已被"${taken.label}"使用（停用的项也占用代码），请换一个代码` }] : [];
}

function parentViolations(data: HotlineReferenceData, parentCode: unknown): FieldViolation[] {
  const parent = data.categories.find((category) => category.code === parentCode);
  if (!parent) return [{ field: 'parentCode', rule: 'one_of', message: '请选择二级分类所属的一级分类' }];
  return parent.active === false ? [{ field: 'parentCode', rule: 'retired', message: `一级分类"${parent.label}"已停用，不能在其下新增二级分类` }] : [];
}

/** A Chinese label, not used by another item of the same list (or of the same category). */
function labelViolations(label: unknown, items: readonly ListedReferenceItem[], self: ReferenceItemRecord | null): FieldViolation[] {
  const text = requiredText('label', '中文名称', label, 50);
  if (text.length > 0) return text;
  const trimmed = (label as string).trim();
  if (!CHINESE.test(trimmed)) return [{ field: 'label', rule: 'chinese', message: '中文名称须包含汉字' }];
  const siblings = items.filter((item) => item.code !== self?.code && (self?.parentCode === undefined || item.parentCode === self.parentCode));
  return siblings.some((item) => item.label === trimmed)
    ? [{ field: 'label', rule: 'unique', message: `同一列表中已有名为"${trimmed}"的项，请换一个名称` }]
    : [];
}

function recordOf(list: ReferenceListName, item: ListedReferenceItem): ReferenceItemRecord {
  return { list, code: item.code, ...(item.parentCode ? { parentCode: item.parentCode } : {}), label: item.label, labelEn: item.labelEn, active: item.active };
}
