/**
 * The architecture in the imports (docs/architecture.md, "Who may import whom"): the repository's
 * TypeScript files and the relative imports between them, by app and lib. Read as text (the import
 * lines), so the check needs no build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

export interface ImportEdge {
  /** The importing file, from the repository root, with `/`. */
  readonly from: string;
  /** The imported file, from the repository root, with `/` and without its extension. */
  readonly to: string;
}

/** `apps/<name>` or `libs/<name>` of a path from the root, or null outside them. */
export function packageOf(path: string): string | null {
  const [top, name] = path.split('/');
  return (top === 'apps' || top === 'libs') && name ? `${top}/${name}` : null;
}

function sourceFiles(root: string, dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir))) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = `${dir}/${entry}`;
    if (statSync(join(root, path)).isDirectory()) sourceFiles(root, path, out);
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/**
 * Every relative import (type-only ones included), tests included; the browser console `apps/web` is
 * its own world, left out unless `withConsole`.
 */
export function relativeImports(root: string, withConsole = false): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const top of ['apps', 'libs']) {
    for (const file of sourceFiles(root, top)) {
      if (file.startsWith('apps/web/') && !withConsole) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const target = normalize(join(dirname(file), match[1] ?? match[2]!)).split(sep).join('/').replace(/\.(js|ts|tsx)$/, '');
        edges.push({ from: file, to: relative('.', target).split(sep).join('/') });
      }
    }
  }
  return edges;
}

export const isSpec = (file: string) => /\.spec\.ts$/.test(file);

/**
 * The circles among the files outside tests: groups of files that import one another, each a list of
 * files (the strongly connected components over the imports resolved to files).
 */
export function importCircles(root: string): string[][] {
  const edges = relativeImports(root, true).filter((e) => !isSpec(e.from));
  const files = new Set(edges.map((e) => e.from));
  const resolved = (target: string) => [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`].find((candidate) => files.has(candidate));
  const graph = new Map<string, string[]>([...files].map((file) => [file, []]));
  for (const edge of edges) {
    const to = resolved(edge.to);
    if (to) graph.get(edge.from)!.push(to);
  }
  return circlesOf(graph);
}

const PACKAGE_IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]#([a-z-]+)['"]|import\(\s*['"]#([a-z-]+)['"]\s*\)/g;

/**
 * The libs each lib imports through `#name`, tests left out. A lib reaches another only through its
 * index, so a circle between two libs is a circle between their indexes: whichever loads first sees
 * the other half-initialised.
 */
export function libImports(root: string): Map<string, string[]> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(root, 'libs')) {
    if (isSpec(file)) continue;
    const from = packageOf(file)!;
    const targets = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(PACKAGE_IMPORT)) {
      const to = `libs/${match[1] ?? match[2]}`;
      if (to !== from) targets.add(to);
    }
  }
  return new Map([...graph].map(([lib, targets]) => [lib, [...targets].filter((to) => graph.has(to))]));
}

/** The circles among the libs (`libImports`), each a sorted list of libs. */
export function libCircles(root: string): string[][] {
  return circlesOf(libImports(root));
}

/** The strongly connected components of more than one node (Tarjan), each sorted. */
function circlesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) circles.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles;
}
