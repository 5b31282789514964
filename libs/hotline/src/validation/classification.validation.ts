import type { FieldViolation } from '#errors';
import type { Classification } from '../complaint.values.js';
import { CATEGORIES, COMPLAINT_TYPES, findCategory } from '../reference-data.js';
import { oneOf } from './field-checks.js';

/** The category, a subcategory of that category, and the type; `prefix` places the fields (`classification.`). */
export function classificationViolations(classification: Classification, prefix = ''): FieldViolation[] {
  const category = findCategory(classification.category);
  const subcategory = category && classification.subcategory !== undefined
    ? oneOf(`${prefix}subcategory`, `"${category.label}"下的二级分类`, classification.subcategory, category.subcategories)
    : [];
  return [
    ...oneOf(`${prefix}category`, '一级分类', classification.category, CATEGORIES),
    ...subcategory,
    ...oneOf(`${prefix}type`, '诉求类型', classification.type, COMPLAINT_TYPES),
  ];
}
