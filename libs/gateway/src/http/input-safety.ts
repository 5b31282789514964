import type { FieldViolation } from '#errors';
import { hasControlCharacters } from '#field-checks';

/**
 * The checks every request gets before its own DTO and the domain see it, whatever its shape: what no
 * field of this API may hold. DTOs and the domain say what each field must be; this catches what slips
 * through fields they take as `unknown` (lists of parties, sources) and parameters without a DTO.
 */

/** Nesting deeper than any body of this API has (the deepest, a referral, is 3). */
export const MAX_JSON_DEPTH = 16;

/**
 * Names that would reach an object's prototype if a key ever indexed a plain object: every member of
 * `Object.prototype` (`__proto__`, `constructor`, `toString`, `hasOwnProperty`…) and `prototype`.
 * class-validator's whitelist itself looks fields up in a plain object, so `toString` passed it.
 */
function isForbiddenKey(key: string): boolean {
  return key in Object.prototype || key === 'prototype';
}

/**
 * The first thing in `value` no client may send, named by its path (`applicants.0.name`): a control
 * character (tab and line breaks allowed: long texts have lines), a key such as `__proto__`, or nesting
 * deeper than `MAX_JSON_DEPTH`.
 */
export function unsafeInput(value: unknown, path = '', depth = 0): FieldViolation | null {
  if (typeof value === 'string') {
    return hasControlCharacters(value, true) ? { field: path || 'body', rule: 'control_character', message: `${path || '请求内容'}含有不允许的控制字符（如空字符），请删除后重试` } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) return { field: path || 'body', rule: 'depth', message: `请求内容嵌套超过 ${MAX_JSON_DEPTH} 层` };
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isForbiddenKey(key)) return { field: at, rule: 'forbidden_key', message: `不允许的字段名 ${key}` };
    if (hasControlCharacters(key, false)) return { field: path || 'body', rule: 'control_character', message: '字段名含有不允许的控制字符' };
    const found = unsafeInput(item, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, without parsing it: counted before
 * `JSON.parse`, so a body nested 10,000 levels deep costs one pass over its bytes and nothing more.
 * Stops counting once `limit` is passed.
 */
export function jsonDepthExceeds(text: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth++;
      if (depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return false;
}
