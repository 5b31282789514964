/**
 * What every browser suite shares: Debian's Chromium with the flags this machine needs, the rule for
 * skipping (a developer without Chromium) and failing (CI), and a console build that is never stale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SCREENSHOTS = join(REPO, 'test-artifacts/screenshots');
const WEB_SOURCES = join(REPO, 'apps/web');
const WEB_INDEX = join(REPO, 'dist/web/index.html');

export const chromiumMissing = !existsSync(CHROMIUM);
const skipBrowser = chromiumMissing && process.env.CI !== 'true';
if (skipBrowser) console.log('browser suite skipped: /usr/bin/chromium not found (apt-get install chromium)');
/** `describe`, or `describe.skip` on a machine without Chromium outside CI (CI never skips). */
export const browserSuite = skipBrowser ? describe.skip : describe;

export function launchChromium(): Promise<Browser> {
  if (chromiumMissing) throw new Error(`${CHROMIUM} not found and CI=true: the browser suite must run (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Newest modification time under a folder: the console is rebuilt when any source is newer than the build. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureConsoleBuilt(): void {
  if (existsSync(WEB_INDEX) && statSync(WEB_INDEX).mtimeMs >= newestMtime(WEB_SOURCES)) return;
  execFileSync(join(REPO, 'node_modules/.bin/vite'), ['build', '--config', 'apps/web/vite.config.ts'], { cwd: REPO, stdio: 'pipe' });
}
