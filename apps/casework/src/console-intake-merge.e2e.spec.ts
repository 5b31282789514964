/**
 * Issue 18, point 2 in the web console, in a real browser at 1440 px and 390 px: at intake the caller
 * panel (来电弹屏) lists the typed phone's earlier orders, and the operator says "this call is about
 * that order" (并入此单). On saving, the new order is recorded and merged into the chosen one by the
 * existing merge command, under its rules: only into the order the repeat-call check flagged it against
 * (the earliest open one). A merge refused by those rules shows its Chinese reason, and the new order
 * stays saved.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const OPERATOR = { username: 'lin.merge', password: 'e2e-Operator-passw0rd', displayName: '林晓', role: 'caseworker', orgUnitId: '410100' };
const PHONE = '13566661111';
const PHONE_ON_A_PHONE = '13566662222';
const PHONE_TWICE = '13566663333';
const TEST_TIMEOUT = 120_000;

suite('web console: merging a repeat call from the intake caller panel (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let operator: ApiClient;
  const earlier: Record<string, { id: string; caseNumber: string }> = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'intake-merge', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      expect((await admin.post('/api/users', OPERATOR)).status).toBe(201);
      operator = await ApiClient.login(app.url, OPERATOR.username, OPERATOR.password);
      const order = async (key: string, phone: string, summary: string) => {
        const created = await operator.post('/api/complaints', {
          channel: 'phone', caller: { name: '韩师傅', phone }, employer: { name: '郑州恒通物流有限公司', district: '410105' },
          category: 'pay', type: 'request_for_action', summary,
        });
        expect(created.status).toBe(201);
        earlier[key] = { id: created.body.id, caseNumber: (await operator.get(`/api/complaints/${created.body.id}`)).body.caseNumber };
      };
      await order('first', PHONE, '上月反映拖欠三个月工资');
      await order('phone', PHONE_ON_A_PHONE, '反映工地拖欠工资');
      await order('older', PHONE_TWICE, '反映加班费未付');
      await order('newer', PHONE_TWICE, '再次反映加班费未付');
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('intake-merge', () => page, pageErrors);
  const earlierOrder = (id: string) => page.locator(`[data-testid="earlier-order"][data-id="${id}"]`);

  async function takeCall(phone: string, pick: string): Promise<void> {
    await page.goto(`${app.url}/#/complaints/new`);
    await page.locator('#intake-caller-name').fill('韩师傅');
    await page.locator('#intake-caller-phone').fill(phone);
    await earlierOrder(pick).waitFor();
    await earlierOrder(pick).getByTestId('earlier-order-merge').click();
    await page.locator('#intake-category').selectOption('policy_questions');
    await page.locator('#intake-type').selectOption('inquiry');
    await page.locator('#intake-summary').fill('再次来电询问拖欠工资的处理进度');
  }

  it('merges the new call into the earlier order picked in the caller panel, once saved', async () => {
    await step('picked', async () => {
      await logInThroughConsole(page, app.url, OPERATOR);
      await takeCall(PHONE, earlier.first.id);
      const target = page.getByTestId('intake-merge-target');
      expect(await target.innerText()).toContain(earlier.first.caseNumber);
      expect(await target.innerText()).toContain('郑州恒通物流有限公司');
      expect(await earlierOrder(earlier.first.id).getByTestId('earlier-order-merge').getAttribute('aria-pressed')).toBe('true');
    });
    await step('undo-and-pick-again', async () => {
      await page.getByTestId('intake-merge-undo').click();
      expect(await page.getByTestId('intake-merge-target').count()).toBe(0);
      await earlierOrder(earlier.first.id).getByTestId('earlier-order-merge').click();
      await page.getByTestId('intake-merge-target').waitFor();
    });
    await step('merged', async () => {
      await page.getByTestId('intake-submit').click();
      await page.getByTestId('intake-done').waitFor();
      await waitForExpression(page, `document.querySelector('[data-testid="intake-done"]')?.getAttribute('data-merged') === 'true'`);
      expect(await page.getByTestId('intake-done-message').innerText()).toContain(`已并入 ${earlier.first.caseNumber}`);
      expect(await page.getByTestId('intake-done').getByTestId('status').innerText()).toBe('已合并');
      expect(await page.getByTestId('intake-done-target').getAttribute('href')).toBe(`#/complaints/${earlier.first.id}`);
    });
    const newId = (await page.getByTestId('intake-done-order').getAttribute('href'))!.replace('#/complaints/', '');
    const merged = (await operator.get(`/api/complaints/${newId}`)).body;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: earlier.first.id });
    expect((await operator.get(`/api/complaints/${earlier.first.id}`)).body.attachedRepeats).toEqual([newId]);
    await step('merged-order-page', async () => {
      await page.getByTestId('intake-done-order').click();
      await page.getByTestId('complaint-detail').waitFor();
      expect(await page.getByTestId('complaint-fields').getByTestId('status').innerText()).toBe('已合并');
    });
  }, TEST_TIMEOUT);

  it('shows the merge rules\' reason when the picked order is not the one the call repeats, the new order staying saved', async () => {
    await step('refused', async () => {
      // Two earlier orders from this phone: the call repeats the earliest open one, so the later one takes no merge.
      await takeCall(PHONE_TWICE, earlier.newer.id);
      await page.getByTestId('intake-submit').click();
      await waitForExpression(page, `document.querySelector('[data-testid="intake-done"]')?.getAttribute('data-merged') === 'false'`);
      expect(await page.getByTestId('intake-done-message').innerText()).toContain('工单已保存');
      expect(await page.getByTestId('intake-done-refusal').innerText()).toContain('只能合并到已标记为其重复来电的原工单');
    });
    const newId = (await page.getByTestId('intake-done-order').getAttribute('href'))!.replace('#/complaints/', '');
    const saved = (await operator.get(`/api/complaints/${newId}`)).body;
    expect(saved).toMatchObject({ mergedInto: null, repeatOf: [earlier.older.id] });
    expect(saved.status).not.toBe('merged');
  }, TEST_TIMEOUT);

  it('works on a phone (390 px): pick, save, merged, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await step('390-picked', async () => {
      // From the last call's screen, 受理下一个来电 opens an empty form.
      await page.getByTestId('intake-next').click();
      await page.getByTestId('intake-form').waitFor();
      expect(await page.locator('#intake-caller-phone').inputValue()).toBe('');
      await takeCall(PHONE_ON_A_PHONE, earlier.phone.id);
      await page.getByTestId('intake-merge-target').waitFor();
      await waitForExpression(page, 'document.documentElement.scrollWidth <= window.innerWidth');
    });
    await step('390-merged', async () => {
      await page.getByTestId('intake-submit').click();
      await waitForExpression(page, `document.querySelector('[data-testid="intake-done"]')?.getAttribute('data-merged') === 'true'`);
      expect(await page.getByTestId('intake-done-message').innerText()).toContain(`已并入 ${earlier.phone.caseNumber}`);
      await waitForExpression(page, 'document.documentElement.scrollWidth <= window.innerWidth');
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, TEST_TIMEOUT);
});
