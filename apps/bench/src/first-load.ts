import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { RunningCasework } from '#casework-runtime';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const SECTION = '5c. First load of the console\'s case list';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const LOADS = 10;

/**
 * Item 5c (issue 18.13): a logged-in caseworker opens the case list in a fresh browser (nothing
 * cached: a new context each time) against the list just measured in item 5 — from the navigation
 * until the first page's rows are on the screen: the HTML, the console's entry script and the list's
 * own chunk, the reference data, the API's first page, and React's render. Debian's Chromium, headless.
 */
export async function measureFirstLoad(casework: RunningCasework, token: string): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) {
    progress(`first load: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
    return [figure(SECTION, 'first load of the case list (skipped: no Chromium)', Number.NaN, 'ms', null)];
  }
  const me = await (await fetch(`${casework.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const times: number[] = [];
  try {
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      // The session as the log-in form leaves it (sessionStorage), so the load is the list's and not the form's.
      await context.addInitScript(`sessionStorage.setItem('casework.token', ${JSON.stringify(token)}); sessionStorage.setItem('casework.user', ${JSON.stringify(JSON.stringify(me))});`);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${casework.url}/#/cases`);
      await page.locator('[data-testid="case-row"]').first().waitFor({ timeout: 30_000 });
      const took = performance.now() - started;
      // The first load warms the server's own caches (reference data, statement plans): not counted.
      if (i > 0) times.push(took);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const latency = summarise(times);
  progress(`first load: p50 ${latency.p50.toFixed(0)} ms, worst ${latency.max.toFixed(0)} ms`);
  return [
    figure(SECTION, 'first load of the case list, worst of 10', latency.max, 'ms', { op: '<=', value: 1000 }, `p50 ${latency.p50.toFixed(0)} ms; a fresh browser context each time, Chromium headless, 1440×900`),
  ];
}
