import type { FieldViolation } from '#errors';

/*
 * Small checks that each return the violations of one field. Messages name the field in Chinese
 * and say what would be right; they never repeat the value, which may be personal data.
 */

export function requiredText(field: string, label: string, value: unknown, maxLength: number): FieldViolation[] {
  if (typeof value !== 'string' || value.trim() === '') return [{ field, rule: 'required', message: `${label}不能为空` }];
  return textViolations(field, label, value, maxLength);
}

export function optionalText(field: string, label: string, value: unknown, maxLength: number): FieldViolation[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return [{ field, rule: 'text', message: `${label}须为文字` }];
  return textViolations(field, label, value, maxLength);
}

/** Texts longer than this may span lines (a summary, minutes, terms); shorter ones are one line (a name, a reason). */
export const MULTI_LINE_FROM_LENGTH = 500;

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** The same, less tab, line feed and carriage return. */
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * True when `value` holds a character no person types into that field: NUL and the other control
 * characters always; tab and line breaks only in texts of one line.
 */
export function hasControlCharacters(value: string, multiLine: boolean): boolean {
  return (multiLine ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(value);
}

function textViolations(field: string, label: string, value: string, maxLength: number): FieldViolation[] {
  if (hasControlCharacters(value, maxLength >= MULTI_LINE_FROM_LENGTH)) {
    return [{ field, rule: 'control_character', message: `${label}含有不允许的控制字符（如空字符或换行），请删除后重试` }];
  }
  return maxLengthViolations(field, label, value, maxLength);
}

/** Years a recorded date may fall in, unless a field says tighter (DOMAIN.md: real dates in sane ranges). */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/**
 * An id the client gives for something inside a case (a claimant, a payment, an installment…): it
 * becomes a key of the case's state, so it is letters, digits and `_ . : -`, at most 64, and never the
 * name of a member every object has (`constructor`, `__proto__`, `toString`…).
 */
export function entityKey(field: string, label: string, value: unknown): FieldViolation[] {
  if (typeof value === 'string' && isEntityKey(value)) return [];
  return [{ field, rule: 'entity_id', message: `${label}无效：须为 1 至 64 位字母、数字或 _ . : -，且不能是保留字` }];
}

export function isEntityKey(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(value) && !(value in Object.prototype);
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
  return value instanceof Date && !Number.isNaN(value.getTime()) && yearInRange(value.getUTCFullYear())
    ? []
    : [{ field, rule: 'instant', message: `${label}须为 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年之间的有效时间` }];
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An instant written in ISO 8601 with its offset (`2026-03-02T09:30:00+08:00`, `…Z`): a real date and
 * time of day, in the sane years. `Date.parse` alone takes `1`, `4101` and `2026-02-30T01:00:00Z`.
 */
export function isoInstant(field: string, label: string, value: unknown): FieldViolation[] {
  return typeof value === 'string' && parseIsoInstant(value) !== null
    ? []
    : [{ field, rule: 'instant', message: `${label}须为 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年之间的有效时间，格式如 2026-03-02T09:30:00+08:00` }];
}

/** The instant `value` names, or null when it is not a real ISO 8601 instant in the sane years. */
export function parseIsoInstant(value: string): Date | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  if (!isRealDate(Number(year), Number(month), Number(day)) || !yearInRange(Number(year))) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59 || Number(offsetHours) > 14 || Number(offsetMinutes) > 59) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

function yearInRange(year: number): boolean {
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
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

/** A calendar date written `YYYY-MM-DD` that exists, in the sane years. */
export function localDate(field: string, label: string, value: unknown): FieldViolation[] {
  return typeof value === 'string' && isSaneLocalDate(value)
    ? []
    : [{ field, rule: 'date', message: `${label}须为 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年之间的有效日期，格式为 YYYY-MM-DD` }];
}

export function isSaneLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && yearInRange(Number(match[1])) && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A fact's date may not lie after `today` (only planned dates look ahead). Both `YYYY-MM-DD`. */
export function notInFuture(field: string, label: string, date: unknown, today: string): FieldViolation[] {
  return typeof date === 'string' && date > today ? [{ field, rule: 'future_date', message: `${label}不能晚于今天（${today}）` }] : [];
}

/** A fact's date may not lie before the day its case (or the step it follows) came to be. Both `YYYY-MM-DD`. */
export function notBefore(field: string, label: string, date: unknown, earliest: string | null | undefined, earliestLabel: string): FieldViolation[] {
  return typeof date === 'string' && earliest && date < earliest
    ? [{ field, rule: 'date_order', message: `${label}不能早于${earliestLabel}（${earliest}）` }]
    : [];
}

/** One of a fixed set of codes (for lists that are not administrators' reference data). */
export function oneOfCodes(field: string, label: string, value: unknown, codes: Readonly<Record<string, string>>): FieldViolation[] {
  if (typeof value === 'string' && Object.hasOwn(codes, value)) return [];
  const choices = Object.entries(codes).map(([code, name]) => `${code}（${name}）`).join('、');
  return [{ field, rule: 'one_of', message: `${label}无效，应为以下之一：${choices}` }];
}
