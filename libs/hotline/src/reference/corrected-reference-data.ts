import { hotlineReferenceData, isActiveItem, type CategoryItem, type HotlineReferenceData, type ReferenceItem } from '../reference-data.js';
import type { ReferenceListName } from './reference-lists.js';

/**
 * What an administrator changed about one item: a shipped item's corrected labels or retirement, or
 * an item they added. The application stores one per item; the shipped lists stay in code.
 */
export interface ReferenceItemRecord {
  readonly list: ReferenceListName;
  readonly code: string;
  /** The first-level category of a second-level one. */
  readonly parentCode?: string;
  readonly label: string;
  readonly labelEn: string;
  readonly active: boolean;
}

type FlatList = Exclude<ReferenceListName, 'categories' | 'subcategories'>;

/**
 * The lists as administrators made them: the shipped items with their corrections, then the added
 * items in the order given. Every item says whether it is `active`. Never loses an item: a code
 * recorded in an event always finds its label here.
 */
export function correctedReferenceData(records: readonly ReferenceItemRecord[], shipped: HotlineReferenceData = hotlineReferenceData()): HotlineReferenceData {
  const corrected = <Item extends ReferenceItem>(list: ReferenceListName, items: readonly Item[], parentCode?: string): Item[] => {
    const ofList = records.filter((r) => r.list === list && (parentCode === undefined || r.parentCode === parentCode));
    const byCode = new Map(ofList.map((r) => [r.code, r]));
    const known = new Set(items.map((item) => item.code));
    const added = ofList.filter((r) => !known.has(r.code)).map((r) => ({ code: r.code, label: r.label, labelEn: r.labelEn }) as unknown as Item);
    return [...items, ...added].map((item) => {
      const record = byCode.get(item.code);
      return record ? { ...item, label: record.label, labelEn: record.labelEn, active: record.active } : { ...item, active: isActiveItem(item) };
    });
  };
  const flat = (list: FlatList) => corrected(list, shipped[list]);
  return {
    channels: flat('channels'),
    categories: corrected<CategoryItem>('categories', shipped.categories).map((category) => ({
      ...category,
      subcategories: corrected('subcategories', category.subcategories, category.code),
    })),
    types: flat('types'),
    urgencies: flat('urgencies'),
    resolutionOutcomes: flat('resolutionOutcomes'),
    satisfactionLevels: flat('satisfactionLevels'),
    returnReasons: flat('returnReasons'),
    contactMethods: flat('contactMethods'),
  } as HotlineReferenceData;
}

/** What new input may use: every retired item left out (a retired category with its subcategories). */
export function activeReferenceData(data: HotlineReferenceData): HotlineReferenceData {
  const active = <Item extends ReferenceItem>(items: readonly Item[]) => items.filter(isActiveItem);
  return {
    channels: active(data.channels),
    categories: active(data.categories).map((category) => ({ ...category, subcategories: active(category.subcategories) })),
    types: active(data.types),
    urgencies: active(data.urgencies),
    resolutionOutcomes: active(data.resolutionOutcomes),
    satisfactionLevels: active(data.satisfactionLevels),
    returnReasons: active(data.returnReasons),
    contactMethods: active(data.contactMethods),
  };
}
