/**
 * 检索 in the web console, in a real browser: a district caseworker types a caller's phone number
 * written any way into the case list's search box and finds the order by its readable number; a part
 * of an employer's name finds it too; a number that is nobody's finds nothing. At 1440 px and at 390 px,
 * where the list must not be wider than the phone. A repeat call is merged into the earlier order by
 * picking it from a list that already offers it, by number — no id typed.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CENTRE = { username: 'he.centre', password: 'e2e-Centre-passw0rd', displayName: '何静', role: 'caseworker', orgUnitId: '410100' };

suite('web console: finding a case with one search box (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let numbers: string[] = [];
  let repeat: { id: string; caseNumber: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'case-search', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      const created = await admin.post('/api/users', CENTRE);
      if (created.status !== 201) throw new Error(`could not create ${CENTRE.username}: ${created.status} ${JSON.stringify(created.body)}`);
      const centre = await ApiClient.login(app.url, CENTRE.username, CENTRE.password);
      for (const [caller, employer] of [[{ name: '孙丽', phone: '13655550001' }, '郑州丙纺织有限公司'], [{ name: '周强', phone: '13655550002' }, '丁餐饮店']] as const) {
        const response = await centre.post('/api/complaints', complaintFrom(caller, employer));
        if (response.status !== 201) throw new Error(`complaint: ${response.status} ${JSON.stringify(response.body)}`);
        numbers.push(response.body.caseNumber);
      }
      // The same caller again: the repeat-call check finds the first order.
      repeat = (await centre.post('/api/complaints', complaintFrom({ name: '孙丽', phone: '13655550001' }, '郑州丙纺织有限公司'))).body;
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('case-search', () => page, pageErrors);
  const rowNumbers = () => page.getByTestId('case-number').allInnerTexts();
  /** Types `text` and waits until the list shows exactly `expected` (case numbers, in any order). */
  const searchFor = async (text: string, expected: readonly string[]) => {
    await page.locator('#filter-q').fill(text);
    const shown = `[...document.querySelectorAll('[data-testid="case-number"]')].map((cell) => cell.textContent).sort().join(',')`;
    await waitForExpression(page, `${shown} === ${JSON.stringify([...expected].sort().join(','))} && (${expected.length} > 0 || !!document.querySelector('[data-testid="cases-empty"]'))`);
  };

  it('finds an order by the caller\'s phone written any way, by part of the employer, and nothing for a stranger', async () => {
    await step('by-phone', async () => {
      await logInThroughConsole(page, app.url, CENTRE);
      await page.getByTestId('nav-cases').click(); // a caseworker lands on 待办 (issue 18.4)
      await page.getByTestId('case-table').waitFor();
      expect((await rowNumbers()).sort()).toEqual([...numbers, repeat.caseNumber].sort());
      await searchFor('136-5555-0001', [numbers[0], repeat.caseNumber]);
    });
    await step('by-employer', async () => {
      await searchFor('丙纺织', [numbers[0], repeat.caseNumber]);
      await searchFor(numbers[1], [numbers[1]]);
    });
    await step('nobody-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await searchFor('13900000000', []);
      await searchFor('', [...numbers, repeat.caseNumber]);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    });
  }, 90_000);

  it('merges a repeat call into the earlier order picked from a list that offers it by number', async () => {
    await step('merge-offered', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${app.url}/#/complaints/${repeat.id}`);
      await page.getByTestId('action-merge').click();
      const offered = page.getByTestId('picker-option');
      await offered.first().waitFor();
      expect(await offered.evaluateAll((els) => els.map((el) => [el.getAttribute('data-case-number'), el.getAttribute('aria-selected')]))).toEqual([[numbers[0], 'true']]);
      // Nowhere on the page an id: the timeline names the earlier order by its number too.
      expect(await page.getByTestId('complaint-detail').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(await page.getByTestId('complaint-detail').innerText()).toContain(numbers[0]);
    });
    await step('merged-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('#action-field-reason').fill('同一来电人重复反映');
      await page.getByTestId('action-submit').click();
      await waitForExpression(page, `document.querySelector('[data-testid="complaint-detail"]')?.innerText.includes('已合并')`);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    });
  }, 90_000);
});
