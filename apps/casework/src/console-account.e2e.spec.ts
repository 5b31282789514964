/**
 * 修改密码 in the console, end to end in Debian's Chromium: everyone reaches the page from the header;
 * the policy's reasons show under the field; a user holding a temporary password sees nothing but the
 * change page (at 1440 and 390 px) until it is changed, then the console as usual.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CASEWORKER = { username: 'he.jinshui', password: 'e2e-Jinshui-passw0rd', displayName: '何静', role: 'caseworker', orgUnitId: '410105' };
const NEWCOMER = { username: 'sun.newcomer', password: 'Handed-over-Once-4821', displayName: '孙悦', role: 'caseworker', orgUnitId: '410105', mustChangePassword: true };
const TEST_TIMEOUT = 90_000;

suite('changing a password in the console (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'account', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 900 }, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(started.url, ADMIN.username, ADMIN.password);
      for (const user of [CASEWORKER, NEWCOMER]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status}`);
      }
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('account', () => page, pageErrors);

  async function fillAndSubmit(current: string, next: string, confirm = next): Promise<void> {
    await page.locator('#currentPassword').fill(current);
    await page.locator('#newPassword').fill(next);
    await page.locator('#confirmPassword').fill(confirm);
    await page.getByTestId('change-password-submit').click();
  }

  it('lets a caseworker change their password from the header, with the reasons for a refusal under the fields', async () => {
    await step('page-from-header', async () => {
      await logInThroughConsole(page, app.url, CASEWORKER);
      await page.getByTestId('change-password-link').click();
      await page.getByTestId('change-password-form').waitFor();
      expect(await page.getByTestId('change-password-form').locator('h2').innerText()).toBe('修改密码');
    });
    await step('refusals-under-fields', async () => {
      await fillAndSubmit(CASEWORKER.password, 'zhangwei1990');
      expect(await page.getByTestId('error-newPassword').innerText()).toMatch(/^密码太弱：/);
      await fillAndSubmit(CASEWORKER.password, 'Moonlit-ferry-crossing-88', 'Moonlit-ferry-crossing-89');
      expect(await page.getByTestId('error-confirmPassword').innerText()).toBe('两次输入的新密码不一致');
      await fillAndSubmit('not-my-password', 'Moonlit-ferry-crossing-88');
      expect(await page.getByTestId('error-currentPassword').innerText()).toBe('当前密码不正确');
    });
    await step('changed', async () => {
      await fillAndSubmit(CASEWORKER.password, 'Moonlit-ferry-crossing-88');
      await page.getByTestId('password-changed').waitFor();
      // The console carries on with the new token: a page of cases still loads.
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('header-user').waitFor();
      expect(await page.getByTestId('login-form').count()).toBe(0);
    });
    expect((await new ApiClient(app.url).post('/api/auth/login', { username: CASEWORKER.username, password: 'Moonlit-ferry-crossing-88' })).status).toBe(200);
  }, TEST_TIMEOUT);

  it('shows a user with a temporary password only the change page until it is changed', async () => {
    await step('forced-1440', async () => {
      await page.getByTestId('logout').click();
      await page.locator('#login-username').fill(NEWCOMER.username);
      await page.locator('#login-password').fill(NEWCOMER.password);
      await page.keyboard.press('Enter');
      await page.getByTestId('password-forced-page').waitFor();
      expect(await page.locator('nav.sidebar').count()).toBe(0);
      expect(await page.getByTestId('password-forced').innerText()).toContain('临时密码');
      await page.goto(`${app.url}/#/cases`);
      await page.getByTestId('password-forced-page').waitFor();
      expect(await page.locator('nav.sidebar').count()).toBe(0);
    });
    await step('forced-390', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await fillAndSubmit(NEWCOMER.password, '13812345678');
      expect(await page.getByTestId('error-newPassword').innerText()).toContain('手机号');
    });
    await step('forced-changed', async () => {
      await fillAndSubmit(NEWCOMER.password, 'Quiet-orchard-lantern-31');
      await page.getByTestId('header-user').waitFor();
      expect(await page.getByTestId('password-forced-page').count()).toBe(0);
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  }, TEST_TIMEOUT);

  it('sends a user whose password was reset by an administrator to the change page at the next request', async () => {
    const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
    const listed = (await admin.get("/api/users")).body as Array<{ id: string; username: string }> | { items: Array<{ id: string; username: string }> };
    const users = Array.isArray(listed) ? listed : listed.items;
    const caseworker = users.find((user) => user.username === CASEWORKER.username)!;
    const { temporaryPassword } = (await admin.post(`/api/users/${caseworker.id}/reset-password`)).body;
    await step('reset-forced', async () => {
      await page.getByTestId('logout').click();
      await page.locator('#login-username').fill(CASEWORKER.username);
      await page.locator('#login-password').fill(temporaryPassword);
      await page.keyboard.press('Enter');
      await page.getByTestId('password-forced-page').waitFor();
    });
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);
});
