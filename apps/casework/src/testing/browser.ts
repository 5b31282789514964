/**
 * What every browser suite shares: Debian's Chromium with the flags this machine needs, the rule for
 * skipping (a developer without Chromium) and failing (CI), and a console build that is never stale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/**
 * Named steps of a browser story: each success leaves a numbered screenshot `<prefix>-NN-<name>.png`,
 * a failure leaves `<prefix>-FAILED-<name>.png` and reports the page's own errors with it.
 */
export function screenshotSteps(prefix: string, page: () => Page, pageErrors: readonly string[]) {
  let shotNumber = 0;
  async function shot(name: string): Promise<void> {
    shotNumber += 1;
    await page().screenshot({ path: join(SCREENSHOTS, `${prefix}-${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true });
  }
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
      await shot(name);
    } catch (error) {
      await page().screenshot({ path: join(SCREENSHOTS, `${prefix}-FAILED-${name}.png`), fullPage: true }).catch(() => {});
      const extra = pageErrors.length ? `\npage errors: ${pageErrors.join(' | ')}` : '';
      throw new Error(`step "${name}" failed: ${(error as Error).message}${extra}`);
    }
  }
  return { shot, step };
}
