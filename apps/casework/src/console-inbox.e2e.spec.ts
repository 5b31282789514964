/**
 * 待办 in the web console, in a real browser: a district caseworker lands on the inbox after log-in,
 * sees the order handed to the district by its readable number and the unit's name (never a UUID), the
 * count beside 待办 in the navigation, and opens the order with a click; the city centre sees the order
 * the district returned, with the reason. At 1440 px and at 390 px, where no page is wider than the phone.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CENTRE = { username: 'he.centre', password: 'e2e-Centre-passw0rd', displayName: '何静', role: 'caseworker', orgUnitId: '410100' };
const DISTRICT = { username: 'li.jinshui', password: 'e2e-District-passw0rd', displayName: '李明', role: 'caseworker', orgUnitId: '410105' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

suite('web console: the inbox (待办) a caseworker starts the day from (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const orders: { toSignFor?: { id: string; caseNumber: string }; returned?: { id: string; caseNumber: string } } = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'inbox', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [CENTRE, DISTRICT]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const centre = await ApiClient.login(app.url, CENTRE.username, CENTRE.password);
      const district = await ApiClient.login(app.url, DISTRICT.username, DISTRICT.password);
      const act = async (client: ApiClient, id: string, action: string, body: unknown) => {
        const { body: current } = await client.get(`/api/complaints/${id}`);
        const response = await client.post(`/api/complaints/${id}/${action}`, body, { version: current.version });
        if (response.status >= 300) throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
      };
      for (const [bucket, caller, employer] of [['toSignFor', { name: '孙丽', phone: '13655550001' }, '郑州丙纺织有限公司'], ['returned', { name: '周强', phone: '13655550002' }, '丁餐饮店']] as const) {
        const received = await centre.post('/api/complaints', complaintFrom(caller, employer));
        if (received.status !== 201) throw new Error(`complaint: ${received.status} ${JSON.stringify(received.body)}`);
        orders[bucket] = { id: received.body.id, caseNumber: received.body.caseNumber };
        await act(centre, received.body.id, 'assign', { unitId: DISTRICT.orgUnitId });
      }
      await act(district, orders.returned!.id, 'return', { reason: 'not_our_jurisdiction', note: '该店实际在二七区' });
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('inbox', () => page, pageErrors);
  const text = (testId: string) => page.getByTestId(testId).innerText();
  const noSidewaysScroll = async () => expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  const bucketNumbers = (bucket: string) => page.locator(`[data-testid="inbox-bucket-${bucket}"] [data-testid="inbox-item-number"]`).allInnerTexts();

  it('lands a district caseworker on 待办: the order to sign for by number and unit, the count in the navigation, a click opens it', async () => {
    await step('district-lands-on-inbox', async () => {
      await logInThroughConsole(page, app.url, DISTRICT);
      await page.getByTestId('inbox-page').waitFor();
      expect(await page.locator('nav.sidebar a').first().getAttribute('data-testid')).toBe('nav-inbox');
      await page.getByTestId('inbox-bucket-toSignFor').waitFor();
      expect(await text('inbox-count-toSignFor')).toBe('1');
      expect(await text('inbox-count-returned')).toBe('0');
      expect(await bucketNumbers('toSignFor')).toEqual([orders.toSignFor!.caseNumber]);
      // Due by the end of the next working day, it is also due soon — and the badge counts it once.
      expect(await bucketNumbers('dueSoon')).toEqual([orders.toSignFor!.caseNumber]);
      expect(await page.getByTestId('inbox-bucket-toSignFor').innerText()).toContain('金水区总工会');
      await waitForExpression(page, `document.querySelector('[data-testid="nav-inbox-badge"]')?.textContent === '1'`);
      expect(await page.getByTestId('inbox-page').innerText()).not.toMatch(UUID);
    });
    await step('click-opens-the-order', async () => {
      await page.locator('[data-testid="inbox-bucket-toSignFor"] [data-testid="inbox-item-link"]').click();
      await page.getByTestId('complaint-detail').waitFor();
      expect(page.url()).toContain(`#/complaints/${orders.toSignFor!.id}`);
    });
    await step('district-inbox-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('nav-inbox').click();
      await page.getByTestId('inbox-bucket-toSignFor').waitFor();
      await noSidewaysScroll();
      expect(await page.getByTestId('nav-inbox-badge').innerText()).toBe('1');
    });
  }, 90_000);

  it('shows the city centre the order the district returned, with its reason, at both sizes', async () => {
    await step('centre-returned-phone', async () => {
      await logInThroughConsole(page, app.url, CENTRE);
      await page.getByTestId('inbox-bucket-returned').waitFor();
      expect(await bucketNumbers('returned')).toEqual([orders.returned!.caseNumber]);
      expect(await page.getByTestId('inbox-bucket-returned').innerText()).toContain('不属于本单位管辖');
      expect(await text('inbox-count-toSignFor')).toBe('0');
      await noSidewaysScroll();
    });
    await step('centre-returned-desktop', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('inbox-refresh').click();
      await page.getByTestId('inbox-bucket-returned').waitFor();
      await noSidewaysScroll();
      expect(await page.getByTestId('inbox-page').innerText()).not.toMatch(UUID);
      await page.locator('[data-testid="inbox-bucket-returned"] [data-testid="inbox-item-link"]').click();
      await page.getByTestId('complaint-detail').waitFor();
      expect(page.url()).toContain(`#/complaints/${orders.returned!.id}`);
    });
  }, 90_000);
});
