/**
 * The calendar page, end to end in Debian's Chromium: a year no package knows (2030) is shown on
 * its statutory holidays and offers the notice form prefilled with them; the administrator corrects
 * 春节 to the notice's nine days, adds the make-up working days and saves once; the year is then
 * known and the days follow the notice. Screenshots at 1440 and 390 px.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const TEST_TIMEOUT = 120_000;

suite('administrator console: entering a year’s holiday notice (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'calendar-notice', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 1000 }, prepare: async (started: RunningCasework) => {
      app = started;
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('calendar-notice', () => page, pageErrors);
  const day = (date: string) => page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);

  async function showMonth(year: number, month: number): Promise<void> {
    const month$ = page.getByTestId('calendar-month');
    for (let clicks = 0; clicks < 120; clicks++) {
      const [y, m] = [Number(await month$.getAttribute('data-year')), Number(await month$.getAttribute('data-month'))];
      if (y === year && m === month) break;
      await page.getByTestId(y * 12 + m < year * 12 + month ? 'calendar-next' : 'calendar-prev').click();
    }
    await page.waitForSelector(`[data-testid="calendar-day"][data-date="${year}-${String(month).padStart(2, '0')}-01"]`);
  }

  it('shows a provisional year on its statutory holidays and takes its notice in one go', async () => {
    await step('provisional-year', async () => {
      await logInThroughConsole(page, app.url, ADMIN);
      await page.getByTestId('nav-calendar').click();
      await page.getByTestId('calendar-page').waitFor();
      await showMonth(2030, 2);
      await page.getByTestId('calendar-unknown-year').waitFor();
      expect(await day('2030-02-02').getAttribute('data-working')).toBe('false'); // 除夕
      expect(await day('2030-02-07').getAttribute('title')).toBe('春节（补假）');
      expect(await day('2030-02-08').getAttribute('data-working')).toBe('true');
      const rows = page.getByTestId('notice-row');
      expect(await rows.count()).toBe(7); // 元旦, 春节 (with its days in lieu), 清明, 劳动节, 端午, 中秋, 国庆
      expect(await rows.nth(1).locator('input').nth(0).inputValue()).toBe('春节');
      expect(await rows.nth(1).locator('input').nth(2).inputValue()).toBe('2030-02-07');
    });

    await step('notice-refused', async () => {
      await page.getByTestId('notice-reason').fill('国务院办公厅关于2030年部分节假日安排的通知');
      await page.getByTestId('notice-row').nth(1).locator('input').nth(2).fill('2030-01-30');
      await page.getByTestId('notice-save').click();
      await page.getByTestId('notice-form-error').waitFor();
      expect(await page.getByTestId('notice-row').nth(1).locator('.field-error').innerText()).toContain('结束日期不能早于开始日期');
    });

    await step('notice-entered', async () => {
      await page.getByTestId('notice-row').nth(1).locator('input').nth(2).fill('2030-02-10');
      await page.getByTestId('notice-make-up').fill('2030-01-26, 2030-02-16');
      await page.getByTestId('notice-save').click();
      await page.getByTestId('calendar-notice-entered').waitFor();
      await page.waitForSelector('[data-testid="calendar-day"][data-date="2030-02-16"][data-working="true"]');
      expect(await day('2030-02-08').getAttribute('data-working')).toBe('false');
      expect(await day('2030-02-16').innerText()).toContain('班');
      expect(await page.getByTestId('calendar-unknown-year').count()).toBe(0);
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      expect((await admin.get('/api/calendar?year=2030')).body).toMatchObject({ known: true, notice: { makeUpWorkingDays: ['2030-01-26', '2030-02-16'] } });
    });

    await step('notice-entered-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('notice-form').scrollIntoViewIfNeeded();
      // The notice form stacks its rows and stays inside the screen. (The console's shell keeps its
      // sidebar at every width, which leaves the page a narrow column on a phone: a shell matter.)
      const right = await page.getByTestId('notice-form').evaluate((form) => Math.max(...[...form.querySelectorAll('input, button')].map((e) => e.getBoundingClientRect().right)));
      expect(right).toBeLessThanOrEqual(390);
    });
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);
});
