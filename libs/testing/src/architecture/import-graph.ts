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

/** Every relative import of the server's code (apps and libs; the browser console `apps/web` is its own world), tests included. */
export function relativeImports(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const top of ['apps', 'libs']) {
    for (const file of sourceFiles(root, top)) {
      if (file.startsWith('apps/web/')) continue;
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
