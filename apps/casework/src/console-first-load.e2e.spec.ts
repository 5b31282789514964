/**
 * The console's first load, in a real browser (issue 18.13): with a session open, a reload of the case
 * list asks for its first page and the reference data once each — from the small boot script, before
 * the main script has run — and shows the rows from those answers, the saved filter included. English,
 * no longer part of the first script, arrives when chosen.
 */
import type { Page, Request } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CENTRE = { username: 'lu.centre', password: 'e2e-Centre-passw0rd', displayName: '卢敏', role: 'caseworker', orgUnitId: '410100' };

suite('web console: the first load of the case list (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const numbers: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'first-load', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      const created = await admin.post('/api/users', CENTRE);
      if (created.status !== 201) throw new Error(`could not create ${CENTRE.username}: ${created.status} ${JSON.stringify(created.body)}`);
      const centre = await ApiClient.login(app.url, CENTRE.username, CENTRE.password);
      for (const [caller, employer] of [[{ name: '钱红', phone: '13655560001' }, '郑州戊纺织有限公司'], [{ name: '金亮', phone: '13655560002' }, '己餐饮店']] as const) {
        const response = await centre.post('/api/complaints', complaintFrom(caller, employer));
        if (response.status !== 201) throw new Error(`complaint: ${response.status} ${JSON.stringify(response.body)}`);
        numbers.push(response.body.caseNumber);
      }
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('first-load', () => page, pageErrors);
  const shownNumbers = async () => (await page.getByTestId('case-number').allInnerTexts()).sort();

  /** Reloads the page and returns the API requests it made (path and query) in order, once the rows are shown. */
  const reloadAndRecord = async (expected: readonly string[]): Promise<string[]> => {
    const requested: string[] = [];
    const record = (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) requested.push(`${url.pathname}${url.search}`);
    };
    page.on('request', record);
    try {
      await page.reload();
      const shown = `[...document.querySelectorAll('[data-testid="case-number"]')].map((cell) => cell.textContent).sort().join(',')`;
      await waitForExpression(page, `${shown} === ${JSON.stringify([...expected].sort().join(','))}`);
      return requested;
    } finally {
      page.off('request', record);
    }
  };

  it('asks for the first page and the reference data once, from the boot script, and shows the rows', async () => {
    await step('reloaded-list', async () => {
      await logInThroughConsole(page, app.url, CENTRE);
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-table').waitFor();
      const requested = await reloadAndRecord(numbers);
      const count = (prefix: string) => requested.filter((path) => path.startsWith(prefix)).length;
      expect(count('/api/cases?')).toBe(1);
      expect(count('/api/reference/hotline')).toBe(1);
      expect(count('/api/org-units')).toBe(1);
      // The data is asked for by the boot script, which comes before the main script in the page.
      const boot = requested.findIndex((path) => /^\/assets\/prefetch-[\w-]+\.js$/.test(path));
      expect(boot).toBeGreaterThanOrEqual(0);
      expect(requested.findIndex((path) => /^\/assets\/main-[\w-]+\.js$/.test(path))).toBeGreaterThan(boot);
      expect(await shownNumbers()).toEqual([...numbers].sort());
    });
  });

  it('takes the saved filter into the early request, so the rows match the search box', async () => {
    await step('reloaded-filtered', async () => {
      await page.locator('#filter-q').fill('戊纺织');
      await waitForExpression(page, `document.querySelectorAll('[data-testid="case-number"]').length === 1`);
      const requested = await reloadAndRecord([numbers[0]!]);
      expect(requested.filter((path) => path.startsWith('/api/cases?'))).toEqual([`/api/cases?q=${encodeURIComponent('戊纺织')}&page=1&pageSize=20`]);
      expect(await page.locator('#filter-q').inputValue()).toBe('戊纺织');
    });
  });

  it('loads English when it is chosen, and Chinese again after', async () => {
    await step('english', async () => {
      await page.getByTestId('lang-toggle').click();
      await waitForExpression(page, `document.querySelector('[data-testid="nav-cases"]')?.textContent?.includes('Cases') === true`);
      await page.getByTestId('lang-toggle').click();
      await waitForExpression(page, `document.querySelector('[data-testid="nav-cases"]')?.textContent?.includes('案件列表') === true`);
      expect(pageErrors).toEqual([]);
    });
  });
});
