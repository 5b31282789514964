import type { FieldViolation } from '#errors';
import type { ReferenceItem } from '../reference-data.js';

export {
  requiredText, optionalText, requiredBoolean, integerAtLeast, validInstant, normalisePhone, isPhoneNumber,
  isResidentIdNumber, isCreditCode, isDistrictCode, fenAtLeast,
} from '#field-checks';

/** A code of an item new input may use: listed, and not retired by an administrator. */
export function oneOf(field: string, label: string, value: unknown, items: readonly ReferenceItem[]): FieldViolation[] {
  const item = items.find((candidate) => candidate.code === value);
  if (item && item.active !== false) return [];
  const choices = items.filter((candidate) => candidate.active !== false).map((candidate) => `${candidate.code}（${candidate.label}）`).join('、');
  if (item) return [{ field, rule: 'retired', message: `${label}"${item.label}"已停用，请改选以下之一：${choices}` }];
  return [{ field, rule: 'one_of', message: `${label}无效，应为以下之一：${choices}` }];
}
