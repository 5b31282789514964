/**
 * Money entry on a wage case in the console (issue 18, point 10), on a case escalated from a hotline
 * complaint with 20 workers: the project and its chain recorded on the escalated case, as the open
 * form records it; one verification basis typed once for all the selected workers; a payment to 3 of
 * the 20 split by hand from rows that start at zero. Walked at 1440×900 and 390×844.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CENTRE = { username: 'wang.entry', password: 'e2e-Centre-passw0rd', displayName: '王静', role: 'caseworker', orgUnitId: '410100' };
const TEST_TIMEOUT = 90_000;

suite('web console: wage money entry (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let centre: ApiClient;
  const pageErrors: string[] = [];
  let caseId = '';

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'wage-entry', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 900 }, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      expect((await admin.post('/api/users', CENTRE)).status).toBe(201);
      centre = await ApiClient.login(app.url, CENTRE.username, CENTRE.password);
      const complaint = (await centre.post('/api/complaints', {
        channel: 'phone', caller: { name: '冯师傅', phone: '13700001277' }, employer: { name: '郑州某劳务分包公司', district: '410105' },
        category: 'pay', type: 'request_for_action', summary: '安置房工地 20 名木工工资被拖欠',
      })).body;
      caseId = (await centre.post(`/api/complaints/${complaint.id}/escalate`, {})).body.wageCaseId;
      await app.runtime.projections.waitUntilCaughtUp();
      const claimants = Array.from({ length: 20 }, (_, i) => ({ name: `木工${String(i + 1).padStart(2, '0')}`, workedFrom: shanghaiDay(-300), workedUntil: shanghaiDay(-30), claimed: 1_000_000 }));
      expect((await centre.post(`/api/wage-cases/${caseId}/claimants`, { claimants })).status).toBe(200);
      expect((await centre.post(`/api/wage-cases/${caseId}/start-verification`, {})).status).toBe(200);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('wage-entry', () => page, pageErrors);
  const version = async () => Number(await page.getByTestId('wage-case').getAttribute('data-version'));
  const newerThan = (before: number) => waitForExpression(page, `Number(document.querySelector('[data-testid="wage-case"]')?.getAttribute('data-version')) > ${before}`);
  const fitsViewport = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;
  const history = async () => (await centre.get(`/api/wage-cases/${caseId}/history`)).body as { type: string; data: Record<string, unknown> }[];

  it('records the project chain on the case escalated from the complaint', async () => {
    await logInThroughConsole(page, app.url, CENTRE);
    await step('chain-dialog', async () => {
      await page.goto(`${app.url}/#/wage-cases/${caseId}`);
      await page.getByTestId('action-record-chain').click();
      const dialog = page.getByTestId('dialog-record-chain');
      await dialog.waitFor();
      await dialog.getByTestId('chain-project-name').fill('金水区某安置房项目');
      await dialog.getByTestId('chain-0-name').fill('郑州某置业有限公司');
      await dialog.getByTestId('chain-1-name').fill('某建工集团有限公司');
      await dialog.getByTestId('chain-2-name').fill('郑州某劳务分包公司');
    });
    await step('chain-recorded', async () => {
      const before = await version();
      await page.getByTestId('dialog-record-chain').getByTestId('dialog-submit').click();
      await newerThan(before);
      expect(await page.getByTestId('chain').innerText()).toMatch(/建设单位：郑州某置业有限公司[\s\S]*总承包单位：某建工集团有限公司[\s\S]*分包单位：郑州某劳务分包公司/);
      expect(await page.getByTestId('source-complaint').count()).toBe(1);
      expect(await page.getByTestId('action-record-chain').innerText()).toBe('更正责任链');
    });
  }, TEST_TIMEOUT);

  it('types one verification basis once for all the selected workers', async () => {
    await step('verify-bulk-basis', async () => {
      await page.getByTestId('wage-tab-verify').click();
      await page.getByTestId('verify-select-all').check();
      await page.getByTestId('verify-bulk-basis').fill('考勤卡及班组长签字工资表');
      await page.getByTestId('verify-bulk-apply').click();
      const bases = await page.getByTestId('verify-basis').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
      expect(bases).toEqual(Array(20).fill('考勤卡及班组长签字工资表'));
      await page.getByTestId('verify-fill').click();
    });
    await step('verify-saved', async () => {
      const before = await version();
      await page.getByTestId('verify-save').click();
      await newerThan(before);
      const verified = (await history()).find((e) => e.type === 'ClaimsVerified')!;
      const claims = verified.data.claims as { verified: number; basis: string }[];
      expect(claims).toHaveLength(20);
      expect(new Set(claims.map((c) => c.basis))).toEqual(new Set(['考勤卡及班组长签字工资表']));
    });
  }, TEST_TIMEOUT);

  it('splits a payment to 3 of the 20 by hand, every row starting at zero', async () => {
    expect((await centre.post(`/api/wage-cases/${caseId}/complete-verification`, {})).status).toBe(200);
    const dialog = page.getByTestId('payment-dialog');
    await step('payment-manual-zero', async () => {
      // Verification was completed over the API: load the case afresh.
      await page.goto(`${app.url}/#/wage-cases/${caseId}/money`);
      await page.reload();
      await page.getByTestId('action-record-payment').click();
      await dialog.getByTestId('split-amount').fill('30000');
      await dialog.getByTestId('pay-payer').fill('某建工集团有限公司');
      await dialog.getByTestId('split-manual').click();
      const shares = await dialog.getByTestId('allocation-share').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
      expect(shares).toEqual(Array(20).fill(''));
      for (const name of ['木工01', '木工02', '木工03']) await dialog.locator(`[data-testid="allocation-row"][data-name="${name}"]`).getByTestId('allocation-share').fill('10000');
      expect(await dialog.getByTestId('allocation-state').innerText()).toBe('分配合计与金额 ¥30,000.00 一致');
    });
    await step('payment-to-three', async () => {
      const before = await version();
      await dialog.getByTestId('dialog-submit').click();
      await newerThan(before);
      const payment = (await history()).find((e) => e.type === 'RecoveryPaymentRecorded')!;
      expect((payment.data.allocations as { amount: number }[]).map((a) => a.amount)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    });
  }, TEST_TIMEOUT);

  it('is usable on a phone (390 px): the verify grid with its bulk basis, the chain dialog', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await step('verify-390', async () => {
      await page.goto(`${app.url}/#/wage-cases/${caseId}/verify`);
      await page.getByTestId('verify-bulk').waitFor();
      expect(await fitsViewport()).toBe(true);
    });
    await step('chain-dialog-390', async () => {
      await page.getByTestId('action-record-chain').click();
      await page.getByTestId('dialog-record-chain').waitFor();
      expect(await fitsViewport()).toBe(true);
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, TEST_TIMEOUT);
});
