/** A copy without the keys whose value is `undefined`, so events hold only what was given. */
export function omitUndefined<T extends object>(value: T): T {
  // A plain loop: the same copy as Object.fromEntries(Object.entries(…).filter(…)), without the arrays in between.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    // An own `__proto__` (JSON input may carry one) stays a plain property, as fromEntries makes it.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
    else copy[key] = v;
  }
  return copy as T;
}
