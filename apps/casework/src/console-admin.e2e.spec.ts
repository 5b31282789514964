/**
 * The administrator's console pages, end to end in Debian's Chromium: reference data (a label
 * corrected, a return reason and a second-level category added, a channel retired — each with its
 * reason in the history) and the working calendar (Spring Festival holidays and make-up working
 * weekends told apart, a day corrected with a reason and the correction undone). A caseworker's
 * intake form then offers the added category and no longer the retired channel.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const HOTLINE = { username: 'wang.hotline', password: 'e2e-Hotline-passw0rd', displayName: '王芳', role: 'caseworker', orgUnitId: '410100' };
const TEST_TIMEOUT = 90_000;

suite('administrator console: reference data and the working calendar (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'admin', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 1000 }, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(started.url, ADMIN.username, ADMIN.password);
      const created = await admin.post('/api/users', HOTLINE);
      if (created.status !== 201) throw new Error(`could not create ${HOTLINE.username}: ${created.status}`);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('admin', () => page, pageErrors);

  const loginAs = (user: { username: string; password: string }) => logInThroughConsole(page, app.url, user);

  async function attributes(selector: string, name: string): Promise<string[]> {
    const values: string[] = [];
    for (const element of await page.locator(selector).all()) values.push((await element.getAttribute(name)) ?? '');
    return values;
  }

  const row = (code: string) => page.locator(`[data-testid="reference-row"][data-code="${code}"]`);

  async function showList(name: string): Promise<void> {
    await page.getByTestId('reference-list').selectOption(name);
    await page.locator(`[data-testid="reference-row"]`).first().waitFor();
  }

  /** Fills the open change dialog field by field (`code`, `label`, …, `reason`) and submits it. */
  async function submitChange(values: Record<string, string>): Promise<void> {
    const dialog = page.getByTestId('reference-dialog');
    for (const [name, value] of Object.entries(values)) {
      const input = dialog.locator(`#reference-${name}`);
      if (name === 'parentCode') await input.selectOption(value);
      else await input.fill(value);
    }
    await dialog.getByTestId('reference-submit').click();
    await page.getByTestId('reference-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('reference-notice').waitFor();
  }

  it('gives the administrator reference data and the calendar beside users and units', async () => {
    await step('admin-nav', async () => {
      await loginAs(ADMIN);
      expect((await attributes('nav.sidebar a', 'data-testid')).sort()).toEqual(['nav-account-changes', 'nav-calendar', 'nav-parked', 'nav-poverty-lines', 'nav-reference', 'nav-units', 'nav-users']);
    });
  }, TEST_TIMEOUT);

  it('corrects a return reason\'s label with a reason that the history shows', async () => {
    await step('reference-relabelled', async () => {
      await page.getByTestId('nav-reference').click();
      await page.getByTestId('reference-page').waitFor();
      await showList('returnReasons');
      await row('duplicate_order').getByTestId('reference-relabel').click();
      await page.getByTestId('reference-submit').click();
      expect(await page.getByTestId('error-reference-reason').innerText()).toBe('请填写变更理由');
      await submitChange({ label: '重复交办工单', reason: '与省平台退回原因名称一致' });
      expect(await page.getByTestId('reference-notice').innerText()).toBe('已将名称改为“重复交办工单”');
      // The notice shows before the list is read again: wait for the row as it now stands.
      await row('duplicate_order').getByTestId('reference-label').filter({ hasText: /^重复交办工单$/ }).waitFor();
      const change = page.locator('[data-testid="reference-change"][data-code="duplicate_order"][data-change="relabelled"]');
      await change.waitFor();
      const text = await change.innerText();
      expect(text).toContain('重复工单 → 重复交办工单');
      expect(text).toContain('与省平台退回原因名称一致');
      expect(text).toContain('admin');
    });
  }, TEST_TIMEOUT);

  it('adds a return reason and a second-level category; a bad code is named in the form', async () => {
    await step('reference-return-reason-added', async () => {
      await page.getByTestId('reference-add').click();
      await page.locator('#reference-code').fill('Employer-Closed');
      await page.locator('#reference-label').fill('用人单位已注销');
      await page.locator('#reference-labelEn').fill('Employer dissolved');
      await page.locator('#reference-reason').fill('基层常见退回情形');
      await page.getByTestId('reference-submit').click();
      expect(await page.getByTestId('error-reference-code').innerText()).toContain('snake_case');
      await submitChange({ code: 'employer_dissolved' });
      await row('employer_dissolved').waitFor();
      expect(await row('employer_dissolved').getAttribute('data-active')).toBe('true');
    });
    await step('reference-subcategory-added', async () => {
      await showList('subcategories');
      await page.getByTestId('reference-add').click();
      await submitChange({ parentCode: 'pay', code: 'wage_guarantee_deposit', label: '工资保证金', labelEn: 'Wage guarantee deposit', reason: '省总新增分类口径' });
      await row('wage_guarantee_deposit').waitFor();
      expect(await row('wage_guarantee_deposit').innerText()).toContain('劳动报酬');
    });
  }, TEST_TIMEOUT);

  it('retires a channel, which cannot be added to, and keeps it listed as retired', async () => {
    await step('reference-channel-retired', async () => {
      await showList('channels');
      expect(await page.getByTestId('reference-add').count()).toBe(0);
      expect(await page.getByTestId('reference-policy').innerText()).toContain('不能新增');
      await row('letter').getByTestId('reference-retire').click();
      await submitChange({ reason: '来信统一转为网站留言受理' });
      // The list is read again after the notice shows: wait for the row as it now stands.
      await page.locator('[data-testid="reference-row"][data-code="letter"][data-active="false"]').waitFor();
      expect(await row('letter').getAttribute('data-active')).toBe('false');
      expect(await row('letter').getByTestId('reference-restore').count()).toBe(1);
      await showList('urgencies');
      expect(await page.getByTestId('reference-retire').count()).toBe(0);
    });
  }, TEST_TIMEOUT);

  it('tells Spring Festival holidays from make-up working weekends in the calendar', async () => {
    await step('calendar-spring-festival', async () => {
      await page.getByTestId('nav-calendar').click();
      await page.getByTestId('calendar-page').waitFor();
      await goToMonth(2026, 2);
      const day = (date: string) => page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);
      expect(await day('2026-02-16').getAttribute('data-published')).toBe('holiday');
      expect(await day('2026-02-16').getAttribute('data-working')).toBe('false');
      expect(await day('2026-02-16').innerText()).toContain('春节');
      expect(await day('2026-02-14').getAttribute('data-published')).toBe('make_up_working_day');
      expect(await day('2026-02-14').getAttribute('data-working')).toBe('true');
      expect(await day('2026-02-14').innerText()).toContain('班');
      expect([await day('2026-02-07').getAttribute('data-published'), await day('2026-02-07').getAttribute('data-working')]).toEqual(['', 'false']);
      expect(await page.locator('[data-testid="month-grid"] tbody tr').first().locator('td').first().innerText()).toBe(''); // 1 February 2026 is a Sunday
    });
  }, TEST_TIMEOUT);

  it('makes a working day a holiday with a reason, then undoes it', async () => {
    const monday = () => page.locator('[data-testid="calendar-day"][data-date="2026-03-09"]');
    await step('calendar-day-dialog', async () => {
      await goToMonth(2026, 3);
      expect(await monday().getAttribute('data-working')).toBe('true');
      await monday().click();
      await page.getByTestId('day-dialog').waitFor();
      expect(await page.getByTestId('day-status').innerText()).toContain('目前按工作日计算');
      expect(await page.locator('#day-kind').inputValue()).toBe('non_working');
      await page.getByTestId('day-save').click();
      expect(await page.getByTestId('error-day-note').innerText()).toBe('请填写调整理由');
    });
    await step('calendar-day-corrected', async () => {
      await page.locator('#day-note').fill('防汛应急，全市停工一天');
      await page.getByTestId('day-save').click();
      await page.getByTestId('calendar-notice').waitFor();
      await page.waitForSelector('[data-testid="calendar-day"][data-date="2026-03-09"][data-corrected="non_working"][data-working="false"]');
      expect(await page.locator('[data-testid="calendar-correction"][data-date="2026-03-09"]').innerText()).toContain('防汛应急，全市停工一天');
      const api = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      expect((await api.get('/api/calendar?year=2026')).body.corrections).toEqual([{ date: '2026-03-09', kind: 'non_working', note: '防汛应急，全市停工一天' }]);
    });
    await step('calendar-day-undone', async () => {
      await monday().click();
      await page.getByTestId('day-undo').click();
      await page.waitForSelector('[data-testid="calendar-day"][data-date="2026-03-09"][data-corrected=""][data-working="true"]');
      expect(await page.getByTestId('calendar-notice').innerText()).toBe('已撤销 2026-03-09 的调整');
      expect(await page.getByTestId('calendar-correction').count()).toBe(0);
    });
  }, TEST_TIMEOUT);

  it('offers a caseworker the added second-level category and no longer the retired channel', async () => {
    await step('intake-follows-reference-data', async () => {
      await loginAs(HOTLINE);
      await page.getByTestId('nav-intake').click();
      await page.locator('#intake-channel').waitFor();
      const channels = await attributes('#intake-channel option', 'value');
      expect(channels).toContain('phone');
      expect(channels).not.toContain('letter');
      await page.locator('#intake-category').selectOption('pay');
      expect(await attributes('#intake-subcategory option', 'value')).toContain('wage_guarantee_deposit');
    });
  }, TEST_TIMEOUT);

  /** Steps month by month from wherever the page is to the month asked for. */
  async function goToMonth(year: number, month: number): Promise<void> {
    const label = page.getByTestId('calendar-month');
    for (let i = 0; i < 60; i++) {
      const current = Number(await label.getAttribute('data-year')) * 12 + Number(await label.getAttribute('data-month'));
      const target = year * 12 + month;
      if (current === target) break;
      await page.getByTestId(current > target ? 'calendar-prev' : 'calendar-next').click();
    }
    await page.waitForSelector(`[data-testid="calendar-day"][data-date="${year}-${String(month).padStart(2, '0')}-01"]`);
  }
});
