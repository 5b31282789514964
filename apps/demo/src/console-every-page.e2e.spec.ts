/**
 * Every page of every role, at a PC's size and a phone's (issue 18.5): the demo's dataset of all four
 * kinds written over HTTP, then a real browser logs in as each demo role — the 12351 operator, a
 * district caseworker, a township station, a mediator, the city supervisor and the administrator —
 * opens every page of its navigation and one case of each kind it may open (every tab, and a
 * complaint's printed forms), at 1440×900 and at 390×844. Each page must load without an error on
 * the page or from the server and be no wider than its viewport; each leaves a screenshot
 * `day-<user>-<size>-NN-<page>.png`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { browserSuite, ensureConsoleBuilt, launchChromium, logInThroughConsole, screenshotSteps, SCREENSHOTS, waitForExpression } from '#casework-testing';
import { ApiClient } from './api-client.js';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.js';
import { runDemo } from './run-demo.js';

const ADMIN_PASSWORD = 'test-warden-password';
// The demo writes ~90 cases over HTTP (about a minute quiet, three times that under CI's load).
const DEMO_TIMEOUT = 360_000;
// A role walks ~15 pages and ~15 case tabs at two sizes.
const WALK_TIMEOUT = 300_000;

const SIZES = [
  { name: '1440', width: 1440, height: 900 },
  { name: '390', width: 390, height: 844 },
] as const;

/** The roles of DOMAIN.md, each as the demo user who plays it. */
const WALKERS = [
  { username: 'demo.rexian', who: 'hotline' },
  { username: 'demo.jinshui', who: 'district' },
  { username: 'demo.jingbalu', who: 'station' },
  { username: 'demo.tiaojie', who: 'mediator' },
  { username: 'demo.shidudao', who: 'supervisor' },
  { username: 'admin', who: 'admin' },
] as const;

/** The tabs of a case page of each kind (apps/web/src/router.ts), by the list's kind. */
const CASE_PAGES: Readonly<Record<string, (id: string) => string[]>> = {
  complaint: (id) => [`#/complaints/${id}`, `#/complaints/${id}/audit`, `#/complaints/${id}/print`, `#/complaints/${id}/supervision-notice`],
  wage_case: (id) => ['', '/verify', '/ledger', '/money', '/referrals', '/history', '/audit'].map((tab) => `#/wage-cases/${id}${tab}`),
  hardship_file: (id) => ['', '/aid', '/history', '/audit'].map((tab) => `#/hardship-files/${id}${tab}`),
  mediation_case: (id) => ['', '/agreement', '/documents', '/history', '/audit'].map((tab) => `#/mediation-cases/${id}${tab}`),
};

browserSuite('every page of every role at 1440 and 390 px (browser, demo data)', () => {
  let db: TestDatabase;
  let dataDir: string;
  let app: RunningCasework;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'casework-every-page-'));
    app = await startCasework({ databaseUrl: db.url, dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false });
    const adminToken = (await ApiClient.login(app.url, 'admin', ADMIN_PASSWORD)).client.token!;
    const report = await runDemo({ url: app.url, adminToken });
    expect(report.problems).toEqual([]);
    browser = await launchChromium();
  }, DEMO_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** One case of each kind the user's own case list shows, as the user would pick it: the first row. */
  async function casePagesOf(token: string | undefined): Promise<{ kind: string; hash: string }[]> {
    if (!token) return [];
    const client = new ApiClient(app.url, token);
    const pages: { kind: string; hash: string }[] = [];
    for (const kind of Object.keys(CASE_PAGES)) {
      const list = await client.get<{ items: { id: string }[] }>(`/api/cases?kind=${kind}&pageSize=1`).catch(() => ({ items: [] }));
      const first = list.items[0];
      if (first) pages.push(...CASE_PAGES[kind]!(first.id).map((hash) => ({ kind, hash })));
    }
    return pages;
  }

  /** Counts the API requests in flight, so a page counts as shown only when its data has come. */
  function trackRequests(page: Page): { settled(): Promise<void>; failures: string[] } {
    let inFlight = 0;
    const failures: string[] = [];
    const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
    page.on('request', (request) => void (isApi(request.url()) && (inFlight += 1)));
    page.on('requestfailed', (request) => void (isApi(request.url()) && (inFlight -= 1)));
    page.on('requestfinished', (request) => void (isApi(request.url()) && (inFlight -= 1)));
    page.on('response', (response) => {
      // A page of the role's navigation must not be refused or fail on the server; a 404 of a lookup is fine.
      if (isApi(response.url()) && (response.status() >= 500 || response.status() === 403)) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    return {
      failures,
      async settled() {
        const deadline = Date.now() + 20_000;
        let quietSince = Date.now();
        while (Date.now() < deadline) {
          if (inFlight > 0) quietSince = Date.now();
          else if (Date.now() - quietSince >= 250) return;
          await page.waitForTimeout(50);
        }
        throw new Error(`requests still in flight after 20 s (${inFlight})`);
      },
    };
  }

  for (const walker of WALKERS) {
    it(`${walker.who} (${walker.username}): every page loads and fits the screen at 1440×900 and 390×844`, async () => {
      const password = walker.username === 'admin' ? ADMIN_PASSWORD : DEFAULT_DEMO_PASSWORD;
      const token = walker.username === 'admin' ? undefined : (await ApiClient.login(app.url, walker.username, password)).client.token;
      const casePages = await casePagesOf(token);
      const visited: string[] = [];
      for (const size of SIZES) {
        const pageErrors: string[] = [];
        const context: BrowserContext = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(20_000);
          page.on('pageerror', (error) => pageErrors.push(error.message));
          const requests = trackRequests(page);
          const { step } = screenshotSteps(`day-${walker.who}-${size.name}`, () => page, pageErrors);
          await logInThroughConsole(page, app.url, { username: walker.username, password });
          // The role's own navigation, read from the page (at 390 px it sits above the page).
          const navigation: { hash: string; label: string }[] = JSON.parse(String(await page.evaluate(
            `JSON.stringify([...document.querySelectorAll('nav.sidebar a')].map((a) => ({ hash: a.getAttribute('href'), label: a.getAttribute('data-testid') })))`,
          )));
          expect(navigation.length).toBeGreaterThan(2);
          const pages = [
            ...navigation.map((item) => ({ name: item.label.replace(/^nav-/, ''), hash: item.hash })),
            { name: 'account-password', hash: '#/account/password' },
            ...casePages.map((p) => ({ name: `${p.kind}${p.hash.replace(/^#\/[a-z-]+\/[^/]+/, '').replace(/\//g, '-') || '-main'}`, hash: p.hash })),
          ];
          for (const target of pages) {
            await step(target.name, async () => {
              await page.evaluate(`location.hash = ${JSON.stringify(target.hash)}`);
              await waitForExpression(page, `!document.querySelector('[data-testid="page-loading"]') && !document.body.innerText.includes('加载中')`, undefined, { timeout: 20_000 });
              await requests.settled();
              expect(await page.evaluate(`document.querySelector('main, .content, #root')?.innerText?.length ?? 0`)).toBeGreaterThan(0);
              const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
              if (overflow > 0) {
                const culprits = await page.evaluate(
                  `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-3).map((e) => e.tagName + '.' + e.className).join(', ')`,
                );
                throw new Error(`${target.hash} is ${overflow}px wider than the ${size.width}px screen: ${culprits}`);
              }
              expect(requests.failures).toEqual([]);
              expect(pageErrors).toEqual([]);
            });
            visited.push(`${size.name} ${target.name}`);
          }
        } finally {
          await context.close();
        }
      }
      // Each size walked the same pages.
      expect(visited.filter((v) => v.startsWith('390 ')).length).toBe(visited.filter((v) => v.startsWith('1440 ')).length);
    }, WALK_TIMEOUT);
  }
});
