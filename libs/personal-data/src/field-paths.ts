/**
 * Dotted paths into an event's `data` (`caller.phone`, `claimants.*.idNumber`): `*` stands for every
 * element of an array. Paths name where personal values sit; these helpers find and replace them.
 */

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

/** The concrete paths a pattern matches in `data` whose value is present (neither undefined nor null). */
export function concretePaths(data: unknown, pattern: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown, parts: readonly string[], prefix: string[]): void => {
    if (parts.length === 0) {
      if (node !== undefined && node !== null) found.push(prefix.join('.'));
      return;
    }
    if (!isContainer(node)) return;
    const [head, ...rest] = parts;
    if (head === '*') {
      if (Array.isArray(node)) node.forEach((item, index) => walk(item, rest, [...prefix, String(index)]));
      return;
    }
    walk((node as Record<string, unknown>)[head], rest, [...prefix, head]);
  };
  walk(data, pattern.split('.'), []);
  return found;
}

export function getPath(data: unknown, path: string): unknown {
  let node = data;
  for (const part of path.split('.')) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Sets the value at a path whose parent exists, changing `data` in place (call it on a copy). */
export function setPath(data: unknown, path: string, value: unknown): void {
  const target = objectAt(data, parentPath(path));
  if (isContainer(target)) (target as Record<string, unknown>)[path.slice(path.lastIndexOf('.') + 1)] = value;
}

/** `caller.phone` → `caller`; a top-level field's parent is `''` (the data itself). */
export function parentPath(path: string): string {
  const cut = path.lastIndexOf('.');
  return cut === -1 ? '' : path.slice(0, cut);
}

/** The object at a parent path (`''` is the data itself). */
export function objectAt(data: unknown, path: string): unknown {
  return path === '' ? data : getPath(data, path);
}
