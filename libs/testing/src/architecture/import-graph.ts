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
 * files (Tarjan's strongly connected components over the imports resolved to files).
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
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file)!) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      group.push(member);
      if (member === file) break;
    }
    if (group.length > 1) circles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}
