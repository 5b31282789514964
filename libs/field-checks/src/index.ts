import type { FieldViolation } from '#errors';

/*
 * Small checks that each return the violations of one field. Messages name the field in Chinese
 * and say what would be right; they never repeat the value, which may be personal data.
 */

export function requiredText(field: string, label: string, value: unknown, maxLength: number): FieldViolation[] {
  if (typeof value !== 'string' || value.trim() === '') return [{ field, rule: 'required', message: `${label}不能为空` }];
  return maxLengthViolations(field, label, value, maxLength);
}

export function optionalText(field: string, label: string, value: unknown, maxLength: number): FieldViolation[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return [{ field, rule: 'text', message: `${label}须为文字` }];
  return maxLengthViolations(field, label, value, maxLength);
}

export function requiredBoolean(field: string, label: string, value: unknown): FieldViolation[] {
  return typeof value === 'boolean' ? [] : [{ field, rule: 'boolean', message: `${label}须为"是"或"否"` }];
}

export function integerAtLeast(field: string, label: string, value: unknown, min: number): FieldViolation[] {
  return Number.isInteger(value) && (value as number) >= min
    ? []
    : [{ field, rule: 'integer_min', message: `${label}须为不小于 ${min} 的整数` }];
}

export function validInstant(field: string, label: string, value: unknown): FieldViolation[] {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? [] : [{ field, rule: 'instant', message: `${label}须为有效的时间` }];
}

/** Digits only, without the +86 / 0086 country prefix: `+86 138-0000-0000` → `13800000000`. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s\-()（）]/g, '').replace(/^\+/, '');
  return /^(0086|86)1\d{10}$/.test(digits) ? digits.replace(/^(0086|86)/, '') : digits;
}

/** A mainland mobile number, or a landline with its area code (0371-12345678). */
export function isPhoneNumber(raw: string): boolean {
  const phone = normalisePhone(raw);
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}\d{7,8}$/.test(phone);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** An 18-character resident ID number with a correct check character (GB 11643). */
export function isResidentIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK_CHARACTERS[sum % 11] === id[17];
}

/** The format of a unified social credit code (统一社会信用代码, GB 32100). */
export function isCreditCode(value: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value.toUpperCase());
}

/** A six-digit administrative division code (行政区划代码). */
export function isDistrictCode(value: unknown): boolean {
  return typeof value === 'string' && /^\d{6}$/.test(value);
}

function maxLengthViolations(field: string, label: string, value: string, maxLength: number): FieldViolation[] {
  return [...value].length > maxLength ? [{ field, rule: 'max_length', message: `${label}不能超过 ${maxLength} 个字` }] : [];
}

/** Integer fen (分), at least `min`: money is never a float. */
export function fenAtLeast(field: string, label: string, value: unknown, min: number): FieldViolation[] {
  return Number.isSafeInteger(value) && (value as number) >= min
    ? []
    : [{ field, rule: 'fen', message: `${label}须为以"分"计的整数，且不小于 ${min}` }];
}

/** A calendar date written `YYYY-MM-DD` that exists. */
export function localDate(field: string, label: string, value: unknown): FieldViolation[] {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value) return [];
  }
  return [{ field, rule: 'date', message: `${label}须为有效日期，格式为 YYYY-MM-DD` }];
}

/** One of a fixed set of codes (for lists that are not administrators' reference data). */
export function oneOfCodes(field: string, label: string, value: unknown, codes: Readonly<Record<string, string>>): FieldViolation[] {
  if (typeof value === 'string' && Object.hasOwn(codes, value)) return [];
  const choices = Object.entries(codes).map(([code, name]) => `${code}（${name}）`).join('、');
  return [{ field, rule: 'one_of', message: `${label}无效，应为以下之一：${choices}` }];
}
