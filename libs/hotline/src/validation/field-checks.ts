import type { FieldViolation } from '#errors';
import type { ReferenceItem } from '../reference-data.js';

export {
  requiredText, optionalText, requiredBoolean, integerAtLeast, validInstant, normalisePhone, isPhoneNumber,
  isResidentIdNumber, isCreditCode, isDistrictCode, fenAtLeast,
} from '#field-checks';

/**
 * A code of an item new input may use: listed, and not retired by an administrator. The message is
 * for the person at the form: it names the choices by their labels (the codes are in
 * `GET /api/reference/hotline`), and a choice not made at all is asked for.
 */
export function oneOf(field: string, label: string, value: unknown, items: readonly ReferenceItem[]): FieldViolation[] {
  const item = items.find((candidate) => candidate.code === value);
  if (item && item.active !== false) return [];
  // The rule stays `one_of` (a stable code clients may rely on); only the message says it is missing.
  if (value === undefined || value === null || value === '') return [{ field, rule: 'one_of', message: `请选择${label}` }];
  const choices = items.filter((candidate) => candidate.active !== false).map((candidate) => candidate.label).join('、');
  if (item) return [{ field, rule: 'retired', message: `${label}"${item.label}"已停用，请改选以下之一：${choices}` }];
  return [{ field, rule: 'one_of', message: `${label}无效，应为以下之一：${choices}` }];
}
