/**
 * The console's files and the API share one port: console paths are served from the web root (with
 * client-side routes falling back to index.html), and API paths are never looked up there — not even
 * when the web root holds a file of the same name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCasework, type TestCasework } from '#casework-testing';

describe('the web console beside the API', () => {
  let system: TestCasework;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'casework-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>工会维权帮扶</title>');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("console")');
    // Files that would shadow the API if the file server looked at API paths.
    mkdirSync(join(webRoot, 'api', 'reference'), { recursive: true });
    writeFileSync(join(webRoot, 'api', 'reference', 'hotline'), 'shadow');
    writeFileSync(join(webRoot, 'health'), 'shadow');
    system = await startTestCasework({ webRoot });
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
    if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${system.app.url}${path}`);

  it('serves the console\'s files, and index.html for its client-side routes', async () => {
    const script = await get('/assets/app.js');
    expect([script.status, await script.text()]).toEqual([200, 'console.log("console")']);
    for (const path of ['/', '/cases/complaint-1', '/stats/hotline']) {
      const page = await get(path);
      expect([path, page.status, await page.text()]).toEqual([path, 200, '<!doctype html><title>工会维权帮扶</title>']);
    }
  });

  it('answers API paths from the API, never from a file of the same name', async () => {
    const reference = await system.admin.get<{ channels: unknown[] }>('/api/reference/hotline');
    expect(reference.status).toBe(200);
    expect(Array.isArray(reference.body.channels)).toBe(true);
    const health = await get('/health');
    expect(health.headers.get('content-type')).toContain('application/json');
    expect(await health.json()).toHaveProperty('projections');
  });
});
