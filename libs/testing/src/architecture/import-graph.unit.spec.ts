import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCircles, isSpec, packageOf, relativeImports } from './import-graph.js';

/**
 * Who may import whom (docs/architecture.md): libs never import apps; an app reaches a lib only through
 * its `#name`; and no app imports another. The last rule is not yet kept everywhere (issue 20.5): the
 * imports between apps that exist today are listed in app-imports-to-remove.txt, one `from -> to` per
 * line. A new one fails this test; so does a listed one that is gone, so that the list only shrinks.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const LISTED = join(dirname(fileURLToPath(import.meta.url)), 'app-imports-to-remove.txt');

describe('the import graph', () => {
  const edges = relativeImports(ROOT);

  it('has libs that never import an app', () => {
    expect(edges.filter((e) => e.from.startsWith('libs/') && e.to.startsWith('apps/')).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has apps that reach libs only through #name (tests may reach a lib\'s test support)', () => {
    const reaching = edges.filter((e) => e.from.startsWith('apps/') && !isSpec(e.from) && e.to.startsWith('libs/'));
    expect(reaching.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has no import from one app into another beyond the listed ones, and every listed one still exists', () => {
    const between = edges
      .filter((e) => !isSpec(e.from) && packageOf(e.from)?.startsWith('apps/') && packageOf(e.to)?.startsWith('apps/') && packageOf(e.from) !== packageOf(e.to))
      .map((e) => `${e.from} -> ${e.to}`);
    const listed = readFileSync(LISTED, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    const unlisted = [...new Set(between)].filter((edge) => !listed.includes(edge)).sort();
    const gone = listed.filter((edge) => !between.includes(edge)).sort();
    expect({ unlisted, gone }).toEqual({ unlisted: [], gone: [] });
  });

  it('has no circle of files importing one another, the console included', () => {
    expect(importCircles(ROOT)).toEqual([]);
  });
});
