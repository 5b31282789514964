/**
 * 撤回附件保留期限 in the administrator's console, in Debian's Chromium (issue 19, point 4): beside
 * the evidence kinds the administrator sees the days in force and where they come from, is told at
 * the field when the days are out of range, sets them with a reason and sees the change in the
 * history — on a PC (1440 px) and on a phone (390 px), never wider than the screen.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const TEST_TIMEOUT = 90_000;

suite('administrator console: the retention period of withdrawn attachments (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'retention', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 900 }, prepare: async (started) => {
      app = started;
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('retention', () => page, pageErrors);
  const fitsScreen = async () => expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  const current = () => page.getByTestId('retention-current');

  async function openEvidenceKinds(): Promise<void> {
    await page.getByTestId('nav-reference').click();
    await page.getByTestId('reference-page').waitFor();
    await page.getByTestId('reference-list').selectOption('evidenceKinds');
    await current().waitFor();
  }

  async function save(days: string, reason: string): Promise<void> {
    await page.locator('#retention-days').fill(days);
    await page.locator('#retention-reason').fill(reason);
    await page.getByTestId('retention-save').click();
  }

  it('shows the configuration’s days beside the evidence kinds, names bad days at the field, and keeps a change with who and why (1440 px)', async () => {
    await step('configured', async () => {
      await logInThroughConsole(page, app.url, ADMIN);
      await openEvidenceKinds();
      expect(await current().getAttribute('data-source')).toBe('configuration');
      expect(await current().innerText()).toContain('现行期限：30 天');
      expect(await current().innerText()).toContain('来自部署配置');
      expect(await page.locator('#retention-days').inputValue()).toBe('30');
      await page.getByTestId('retention-history-empty').waitFor();
      await fitsScreen();
    });
    await step('refused-at-field', async () => {
      await page.locator('#retention-reason').fill('');
      await page.getByTestId('retention-save').click();
      expect(await page.getByTestId('error-retention-reason').innerText()).toBe('请填写变更理由');
      await save('0', '测试');
      expect(await page.getByTestId('error-retention-days').innerText()).toBe('保留天数须在 1 至 3650 天之间');
      await save('2.5', '测试');
      expect(await page.getByTestId('error-retention-days').innerText()).toBe('保留天数须为整数（天）');
      expect(await page.getByTestId('retention-notice').count()).toBe(0);
      expect(await current().getAttribute('data-days')).toBe('30');
    });
    await step('set-by-admin', async () => {
      await save('90', '按工会档案管理办法，撤回材料保留三个月');
      expect(await page.getByTestId('retention-notice').innerText()).toBe('保留期限已改为 90 天');
      await waitForExpression(page, `document.querySelector('[data-testid="retention-current"]')?.dataset.days === '90'`);
      expect(await current().getAttribute('data-source')).toBe('administrator');
      const text = await current().innerText();
      expect(text).toContain('现行期限：90 天');
      // The tests start at 2026-11-25 09:00 Shanghai time; shown in that time zone.
      expect(text).toMatch(/由 admin 于 2026\/11\/25 09:0\d 设定/);
      expect(text).toContain('部署配置为 30 天');
      const change = page.locator('[data-testid="retention-change"][data-days="90"]');
      expect(await change.innerText()).toMatch(/admin[\s\S]*30 天 → 90 天[\s\S]*按工会档案管理办法，撤回材料保留三个月/);
      expect(await page.locator('#retention-reason').inputValue()).toBe('');
      await fitsScreen();
    });
  }, TEST_TIMEOUT);

  it('changes the days again on a phone (390 px) within the screen, and the server holds the new value', async () => {
    await step('phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await openEvidenceKinds();
      expect(await current().getAttribute('data-days')).toBe('90');
      await fitsScreen();
      await save('7', '存储空间紧张，撤回材料保留一周');
      await waitForExpression(page, `document.querySelector('[data-testid="retention-current"]')?.dataset.days === '7'`);
      expect(await page.getByTestId('retention-change').count()).toBe(2);
      expect(await page.getByTestId('retention-change').first().innerText()).toContain('90 天 → 7 天');
      await page.getByTestId('retention-section').scrollIntoViewIfNeeded();
      await fitsScreen();
    });
    const api = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
    expect((await api.get('/api/admin/attachments/retention')).body).toMatchObject({ days: 7, source: 'administrator', configuredDays: 30 });
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);
});
