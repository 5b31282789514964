import type { FieldViolation } from '#errors';
import type { Classification } from '../complaint.values.js';
import { findCategory, type HotlineReferenceData } from '../reference-data.js';
import { oneOf } from './field-checks.js';

/**
 * The category, a subcategory of that category, and the type, from the lists as they stand (`reference`);
 * `prefix` places the fields (`classification.`).
 */
export function classificationViolations(classification: Classification, reference: HotlineReferenceData, prefix = ''): FieldViolation[] {
  const category = findCategory(classification.category, reference);
  const subcategory = category && classification.subcategory !== undefined
    ? oneOf(`${prefix}subcategory`, `"${category.label}"下的二级分类`, classification.subcategory, category.subcategories)
    : [];
  return [
    ...oneOf(`${prefix}category`, '一级分类', classification.category, reference.categories),
    ...subcategory,
    ...oneOf(`${prefix}type`, '诉求类型', classification.type, reference.types),
  ];
}
