/**
 * The hostile values the fuzz suite sends, by kind (issue 15 "What to build" 1 and 6). Each is a
 * value that no read model, fold or PostgreSQL column should ever receive through the API.
 */

/** NUL breaks PostgreSQL text and jsonb; the others are control characters or a JSON-legal line break that breaks JS source. */
export const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u001b', '\u007f', '\u2028'] as const;

/** Property names of every plain object: used as keys and as ids, they reach `Object.prototype`. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

/** Not real dates, or real but outside any sane range (years 1900–2100), or not dates at all. */
export const BAD_DATES = ['0000-01-01', '2026-02-30', '+275760-09-13', '-000001-01-01', '9999-12-31', '1', '4101'] as const;

/** Bad dates in date-time form, for fields that take an instant. */
export const BAD_INSTANTS = ['0000-01-01T00:00:00Z', '2026-02-30T01:00:00Z', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '1', '4101'] as const;

/** Ids that are no ids: empty-ish, traversal, a wrong shape, a valid UUID of nothing. */
export const INVALID_IDS = ['not-a-uuid', '../../etc/passwd', '%', ' ', '00000000-0000-0000-0000-000000000000', '1e9999', '-1', '中文编号'] as const;

/** A 100,000-character string: beyond any text limit the domain has. */
export const HUGE_STRING = '长'.repeat(100_000);

/**
 * Node's HTTP parser refuses a request line over 16 KB with a bare 431 before the application sees
 * it, so huge values in paths and query strings are kept under that: still beyond any domain limit.
 */
export const HUGE_URL_STRING = 'x'.repeat(8_000);

/** JSON text nested `depth` levels deep, as an array or object chain. */
export function deepJson(depth = 10_000, shape: 'array' | 'object' = 'object'): string {
  return shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A control character's short name for reports. */
export function controlName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
