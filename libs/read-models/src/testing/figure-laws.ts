/**
 * The two laws every published figure obeys (DOMAIN.md "The figures the read models publish"),
 * as checks for property tests over random histories:
 * - unit figures add up: a unit's own figures plus its children's (each with everything below it)
 *   equal the unit's;
 * - as of T is history: the answer as of T equals the answer given at T, when only the events
 *   recorded by T existed.
 */

/** A small unit tree: the city, two districts, two stations under one of them. */
export const UNIT_TREE: ReadonlyMap<string, readonly string[]> = new Map([
  ['410100', ['410105', '410103']],
  ['410105', ['410105001', '410105002']],
  ['410103', []],
  ['410105001', []],
  ['410105002', []],
]);
export const UNITS = [...UNIT_TREE.keys()];

/** The unit with everything below it. */
export function withDescendants(unit: string): string[] {
  return [unit, ...(UNIT_TREE.get(unit) ?? []).flatMap(withDescendants)];
}

/**
 * The numeric leaves of a figure answer by path, arrays of `{code, …}` or `{unitId, …}` (breakdowns)
 * keyed by their code. `additive` says which paths add up across units (counts and sums, not rates,
 * means or distinct counts).
 */
export function leavesOf(answer: unknown, additive: (path: string) => boolean, path = ''): Map<string, number> {
  const leaves = new Map<string, number>();
  const visit = (value: unknown, at: string) => {
    if (typeof value === 'number') {
      if (additive(at)) leaves.set(at, value);
    } else if (Array.isArray(value)) {
      for (const item of value) {
        const key = (item as { code?: string; unitId?: string; type?: string; year?: number; level?: string; cause?: string } | null);
        const name = key?.code ?? key?.unitId ?? key?.type ?? key?.level ?? key?.cause ?? (key?.year !== undefined ? String(key.year) : undefined);
        if (name !== undefined) visit(item, `${at}[${name}]`);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [name, inner] of Object.entries(value)) visit(inner, at ? `${at}.${name}` : name);
    }
  };
  visit(answer, path);
  return leaves;
}

/** Σ of the parts' leaves (a missing leaf is 0). */
export function sumOfLeaves(parts: readonly Map<string, number>[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const part of parts) for (const [path, n] of part) sum.set(path, (sum.get(path) ?? 0) + n);
  return sum;
}

/** The leaves that differ between two maps (a missing leaf is 0), as `path: a ≠ b` lines. */
export function differences(a: Map<string, number>, b: Map<string, number>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => (a.get(p) ?? 0) !== (b.get(p) ?? 0)).map((p) => `${p}: ${a.get(p) ?? 0} ≠ ${b.get(p) ?? 0}`);
}

/**
 * Which additivity failures a unit tree shows for one period: for each unit with children, the
 * unit's answer against its own plus its children's (each with what is below them).
 */
export async function additivityFailures(
  ask: (unitIds: readonly string[] | undefined) => Promise<unknown>,
  additive: (path: string) => boolean,
): Promise<string[]> {
  const failures: string[] = [];
  const leaves = async (unitIds: readonly string[] | undefined) => leavesOf(await ask(unitIds), additive);
  const whole = await leaves(undefined);
  failures.push(...differences(whole, await leaves(withDescendants('410100'))).map((d) => `every unit vs the city: ${d}`));
  for (const [unit, children] of UNIT_TREE) {
    if (children.length === 0) continue;
    const parts = [await leaves([unit]), ...(await Promise.all(children.map((child) => leaves(withDescendants(child)))))];
    // Breakdowns by unit name the unit itself; the parts name theirs: compare totals per path without the unit key.
    failures.push(...differences(await leaves(withDescendants(unit)), sumOfLeaves(parts)).map((d) => `${unit} vs its own + children: ${d}`));
  }
  return failures;
}
