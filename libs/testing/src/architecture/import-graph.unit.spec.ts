import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCircles, isSpec, libCircles, packageOf, relativeImports } from './import-graph.js';

/**
 * Who may import whom (docs/architecture.md, "Who may import whom"): libs never import apps; an app
 * reaches a lib only through its `#name`; no app imports another (each app is a composition of libs);
 * and neither files nor libs import one another in a circle.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('the import graph', () => {
  const edges = relativeImports(ROOT);

  it('has libs that never import an app', () => {
    expect(edges.filter((e) => e.from.startsWith('libs/') && e.to.startsWith('apps/')).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has apps that reach libs only through #name (tests may reach a lib\'s test support)', () => {
    const reaching = edges.filter((e) => e.from.startsWith('apps/') && !isSpec(e.from) && e.to.startsWith('libs/'));
    expect(reaching.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has no app that imports another app', () => {
    const between = edges.filter((e) => packageOf(e.from)?.startsWith('apps/') && packageOf(e.to)?.startsWith('apps/') && packageOf(e.from) !== packageOf(e.to));
    expect([...new Set(between.map((e) => `${e.from} -> ${e.to}`))].sort()).toEqual([]);
  });

  it('has no circle of files importing one another, the console included', () => {
    expect(importCircles(ROOT)).toEqual([]);
  });

  it('has no circle of libs importing one another through their #names', () => {
    expect(libCircles(ROOT)).toEqual([]);
  });
});
