/**
 * What every browser suite shares: Debian's Chromium with the flags this machine needs, the rule for
 * skipping (a developer without Chromium) and failing (CI), and a console build that is never stale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase } from '#testing';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { testClock } from './test-casework.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
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

/** The system and the browser one suite works with: a page of the console on a fresh database. */
export interface ConsoleSession {
  readonly app: RunningCasework;
  readonly page: Page;
  /** Moves the system's clock and the page's together by `ms` (days passing between a family's steps). */
  shiftClock(ms: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the whole system on a fresh database of the run's server (the console built), runs
 * `prepare` (users, cases) and opens Chromium on a page in Chinese and Shanghai time; the page's own
 * errors go to `pageErrors`, for the step reports.
 */
export async function openConsoleSession(options: {
  readonly name: string;
  readonly adminPassword: string;
  readonly pageErrors: string[];
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly acceptDownloads?: boolean;
  readonly prepare?: (app: RunningCasework) => Promise<void>;
}): Promise<ConsoleSession> {
  ensureConsoleBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), `casework-e2e-${options.name}-`));
  let app: RunningCasework | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app?.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // The system and the browser both start at the tests' instant and run on from it together.
    const clock = testClock();
    app = await startCasework({ databaseUrl: db.url, dataDir, port: 0, adminPassword: options.adminPassword, log: false, clock: clock.now, exposure: { apiDocs: true, metrics: true } });
    await options.prepare?.(app);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: options.acceptDownloads ?? false });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => options.pageErrors.push(error.message));
    const shiftClock = async (ms: number) => {
      clock.shift(ms);
      await context.clock.setSystemTime(clock.now());
    };
    return { app, page, shiftClock, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Logs in through the console's form (logging out whoever was in). */
export async function logInThroughConsole(page: Page, baseUrl: string, user: { readonly username: string; readonly password: string }): Promise<void> {
  await page.goto(`${baseUrl}/#/`);
  await page.locator('#login-username, [data-testid="logout"]').first().waitFor();
  if (await page.getByTestId('logout').count()) await page.getByTestId('logout').click();
  await page.locator('#login-username').fill(user.username);
  await page.locator('#login-password').fill(user.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('header-user').waitFor();
}

/**
 * Waits until a JavaScript expression is true in the page, polled from the test. Playwright's own
 * `page.waitForFunction` builds its predicate with `new Function` inside the page, which the
 * console's Content Security Policy (`script-src 'self'`, no `unsafe-eval`) rightly refuses.
 */
export async function waitForExpression(page: Page, expression: string, _arg?: undefined, options: { timeout?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 15_000);
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(50);
  }
}
