import type { HotlineReferenceData } from '../reference-data.js';

/**
 * The hotline's reference lists by name, as administrators see them. Second-level categories are a
 * list of their own: each item names its first-level category (`parentCode`).
 */
export const REFERENCE_LISTS = [
  'channels',
  'categories',
  'subcategories',
  'types',
  'urgencies',
  'resolutionOutcomes',
  'satisfactionLevels',
  'returnReasons',
  'contactMethods',
] as const;

export type ReferenceListName = (typeof REFERENCE_LISTS)[number];

export interface ReferenceListPolicy {
  /** The list's name in Chinese, for messages and the console. */
  readonly label: string;
  /** New codes may be added: nothing in the rules or the published figures depends on the codes. */
  readonly canAdd: boolean;
  /** Items may be retired (停用): no rule needs every code of the list to stay usable. */
  readonly canRetire: boolean;
}

/**
 * What an administrator may do to each list. Every label may be corrected. The decisions (docs/api.md,
 * "Reference data"):
 * - closed to new codes: channels (上级交办 has its own rule; channels are reported upward),
 *   first-level categories (the eleven of DOMAIN.md, the figures by category), types, urgencies,
 *   resolution outcomes (reported upward) and satisfaction levels (they define the satisfaction rate);
 * - never retired: types, urgencies and satisfaction levels — a rule or a figure needs each of them.
 */
export const REFERENCE_LIST_POLICIES: Readonly<Record<ReferenceListName, ReferenceListPolicy>> = {
  channels: { label: '受理渠道', canAdd: false, canRetire: true },
  categories: { label: '一级分类', canAdd: false, canRetire: true },
  subcategories: { label: '二级分类', canAdd: true, canRetire: true },
  types: { label: '诉求类型', canAdd: false, canRetire: false },
  urgencies: { label: '紧急程度', canAdd: false, canRetire: false },
  resolutionOutcomes: { label: '办结结果', canAdd: false, canRetire: true },
  satisfactionLevels: { label: '回访满意度', canAdd: false, canRetire: false },
  returnReasons: { label: '退回原因', canAdd: true, canRetire: true },
  contactMethods: { label: '联系方式', canAdd: true, canRetire: true },
};

export function isReferenceListName(name: string): name is ReferenceListName {
  return (REFERENCE_LISTS as readonly string[]).includes(name);
}

/** One item of a list with, for a second-level category, the code of its first-level category. */
export interface ListedReferenceItem {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
  readonly active: boolean;
  readonly parentCode?: string;
}

/** The items of one list, in display order; second-level categories grouped by their category. */
export function itemsOfList(data: HotlineReferenceData, list: ReferenceListName): ListedReferenceItem[] {
  if (list === 'subcategories') {
    return data.categories.flatMap((category) =>
      category.subcategories.map((item) => ({ code: item.code, label: item.label, labelEn: item.labelEn, active: item.active !== false, parentCode: category.code })),
    );
  }
  return data[list].map((item) => ({ code: item.code, label: item.label, labelEn: item.labelEn, active: item.active !== false }));
}
