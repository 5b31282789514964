/**
 * Entries of a case's state kept under ids clients give (claimants, payments, sessions…). A plain
 * object answers `record['constructor']` with a function every object inherits, and an assignment to
 * `record['__proto__']` replaces its prototype: lookups and updates go through these two instead.
 */

/** The entry under `key` if the record holds one of its own; never an inherited member. */
export function entryOf<Value>(record: Readonly<Record<string, Value>>, key: string): Value | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `value` under `key`, as an own entry whatever the key. */
export function withEntry<Value>(record: Readonly<Record<string, Value>>, key: string, value: Value): Record<string, Value> {
  return { ...record, [key]: value };
}
