/** One field that differs between two states of a record, by its dotted path (`deadlines.resolveDueAt`). */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The fields of two JSON-like values that differ. Plain objects are walked into; anything else —
 * arrays included, which read better whole in an audit view — is one field. A field missing on one
 * side (or the whole value being `null`) counts as `null` there, so a change always has both sides.
 */
export function structuralDiff(before: unknown, after: unknown): FieldChange[] {
  const old = flattenFields(before);
  const now = flattenFields(after);
  const fields = [...new Set([...old.keys(), ...now.keys()])];
  return fields
    .map((field) => ({ field, before: old.get(field) ?? null, after: now.get(field) ?? null }))
    .filter((change) => !sameValue(change.before, change.after));
}

/** Every leaf of a value by dotted path; a value that is not a plain object is a leaf at `prefix`. */
export function flattenFields(value: unknown, prefix = ''): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  if (!isPlainObject(value)) {
    if (prefix) fields.set(prefix, value);
    return fields;
  }
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    for (const [path, leaf] of flattenFields(child, prefix ? `${prefix}.${key}` : key)) fields.set(path, leaf);
  }
  return fields;
}

/** Deep equality of JSON-like values; object keys in any order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const [aKeys, bKeys] = [keys(a), keys(b)];
  return aKeys.length === bKeys.length && aKeys.every((key) => sameValue(a[key], b[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
