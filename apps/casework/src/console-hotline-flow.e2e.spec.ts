/**
 * Issue 18, point 7 in the web console, in a real browser, at 1440 px and at 390 px (a phone): the
 * operator sees a caller's earlier orders while typing the number and takes a policy question with no
 * employer; the district signs for an order and hands it down to its station (下派); the station
 * returns it from a phone and lands on the list told where it went; the district finds it marked
 * 已退回 with the reason, and resolves it itself — the 办结结果 chosen before anything is sent.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const OPERATOR = { username: 'lin.hotline', password: 'e2e-Operator-passw0rd', displayName: '林晓', role: 'caseworker', orgUnitId: '410100' };
const DISTRICT = { username: 'guo.jinshui', password: 'e2e-District-passw0rd', displayName: '郭明', role: 'caseworker', orgUnitId: '410105' };
const STATION = { username: 'xu.station', password: 'e2e-Station-passw0rd', displayName: '许静', role: 'caseworker', orgUnitId: '410105001' };
const PHONE = '13566667777';
const TEST_TIMEOUT = 120_000;

suite('web console: the hotline flow through the chain (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let orderId: string;
  let earlierId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'hotline-flow', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [OPERATOR, DISTRICT, STATION]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const operator = await ApiClient.login(app.url, OPERATOR.username, OPERATOR.password);
      const earlier = await operator.post('/api/complaints', {
        channel: 'phone', caller: { name: '韩师傅', phone: PHONE }, employer: { name: '郑州恒通物流有限公司', district: '410105' },
        category: 'pay', type: 'request_for_action', summary: '上月反映拖欠工资',
      });
      earlierId = earlier.body.id;
      const order = await operator.post('/api/complaints', {
        channel: 'phone', caller: { name: '蒋女士', phone: '13588889999' }, employer: { name: '郑州金穗食品有限公司', district: '410105' },
        category: 'labour_contract', type: 'request_for_action', summary: '被违法解除劳动合同，未支付经济补偿',
      });
      orderId = order.body.id;
      const assigned = await operator.post(`/api/complaints/${orderId}/assign`, { unitId: '410105' }, { version: order.body.version });
      if (assigned.status !== 200) throw new Error(`assign: ${assigned.status} ${JSON.stringify(assigned.body)}`);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('hotline-flow', () => page, pageErrors);
  const noSidewaysScroll = () => waitForExpression(page, 'document.documentElement.scrollWidth <= window.innerWidth');
  const openOrder = async () => {
    await page.goto(`${app.url}/#/complaints/${orderId}`);
    await page.getByTestId('complaint-detail').waitFor();
  };
  const act = async (action: string, fill: () => Promise<void> = async () => {}) => {
    const version = Number(await page.getByTestId('complaint-detail').getAttribute('data-version'));
    await page.getByTestId(`action-${action}`).click();
    await fill();
    await page.getByTestId('action-submit').click();
    return version;
  };
  const versionAbove = (version: number) => waitForExpression(page, `Number(document.querySelector('[data-testid="complaint-detail"]')?.getAttribute('data-version')) > ${version}`);

  it('the operator sees the caller’s earlier orders while typing, and takes a policy question with no employer', async () => {
    await step('intake-earlier-orders', async () => {
      await logInThroughConsole(page, app.url, OPERATOR);
      await page.goto(`${app.url}/#/complaints/new`);
      await page.locator('#intake-caller-name').fill('韩师傅');
      await page.locator('#intake-caller-phone').pressSequentially(PHONE, { delay: 20 });
      await page.getByTestId('earlier-order').first().waitFor();
      expect(await page.getByTestId('earlier-order').count()).toBe(1);
      expect(await page.getByTestId('earlier-order').first().innerText()).toContain('郑州恒通物流有限公司');
      expect(await page.getByTestId('earlier-order').locator('a').getAttribute('href')).toBe(`#/complaints/${earlierId}`);
      expect(await page.getByTestId('employer-optional').innerText()).toContain('政策咨询');
    });
    await step('intake-policy-question-saved', async () => {
      await page.locator('#intake-category').selectOption('policy_questions');
      await page.locator('#intake-type').selectOption('inquiry');
      await page.locator('#intake-summary').fill('咨询灵活就业人员如何缴纳社会保险');
      await page.getByTestId('intake-submit').click();
      await page.getByTestId('complaint-detail').waitFor();
      expect(await page.getByTestId('complaint-fields').innerText()).toContain('无（政策咨询等）');
    });
    await step('intake-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${app.url}/#/complaints/new`);
      await page.locator('#intake-caller-phone').fill(PHONE);
      // Two earlier orders now: the one before, and the policy question just taken.
      await waitForExpression(page, `document.querySelectorAll('[data-testid="earlier-order"]').length === 2`);
      await noSidewaysScroll();
    });
  }, TEST_TIMEOUT);

  it('the district signs for the order and hands it down to its station', async () => {
    await step('district-hand-down', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await logInThroughConsole(page, app.url, DISTRICT);
      await openOrder();
      await versionAbove(await act('sign-for'));
      expect(await page.getByTestId('action-assign').innerText()).toBe('下派');
      await page.getByTestId('action-assign').click();
      const options = await page.locator('#action-field-unitId option').evaluateAll((els) => els.map((el) => el.getAttribute('value') ?? ''));
      // Only the units below the district: its stations, never itself, another district's or a mediation room.
      expect(options.filter(Boolean).sort()).toEqual(['410105001', '410105002', '410105003']);
      await page.locator('#action-field-unitId').selectOption('410105001');
      await page.locator('#action-field-note').fill('请经八路站入企核实');
      const version = Number(await page.getByTestId('complaint-detail').getAttribute('data-version'));
      await page.getByTestId('action-submit').click();
      await versionAbove(version);
      expect(await page.getByTestId('handed-down-chain').innerText()).toBe('金水区总工会 → 经八路街道职工维权服务站');
      expect(await page.getByTestId('timeline').innerText()).toContain('下派');
      expect(await page.getByTestId('detail-notice').innerText()).toBe('已完成：下派');
    });
  }, TEST_TIMEOUT);

  it('the station returns it from a phone and lands on the list, told where the order went', async () => {
    await step('station-return-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await logInThroughConsole(page, app.url, STATION);
      await openOrder();
      await noSidewaysScroll();
      await act('return', async () => {
        await page.locator('#action-field-reason').selectOption('not_our_jurisdiction');
        await page.locator('#action-field-note').fill('该企业实际经营地在花园路');
      });
      await page.getByTestId('cases-left-notice').waitFor();
      expect(await page.getByTestId('cases-left-notice').innerText()).toBe('工单已退回至金水区总工会');
      expect(page.url()).toMatch(/#\/cases$/);
      await noSidewaysScroll();
    });
  }, TEST_TIMEOUT);

  it('the district finds it marked returned with the reason, and resolves it itself once the outcome is chosen', async () => {
    await step('district-returned-mark', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await logInThroughConsole(page, app.url, DISTRICT);
      await openOrder();
      const mark = await page.getByTestId('returned-mark').innerText();
      expect(mark).toContain('经八路街道职工维权服务站退回本单位，原因：不属于本单位管辖');
      expect(mark).toContain('该企业实际经营地在花园路');
      const returned = page.locator('[data-testid="timeline-entry"][data-event-type="ComplaintReturned"]');
      expect(await returned.innerText()).toMatch(/退回原因\s*不属于本单位管辖/);
      expect(await returned.innerText()).toMatch(/退回至\s*金水区总工会/);
      expect(await returned.innerText()).toMatch(/退回单位\s*经八路街道职工维权服务站/);
    });
    await step('district-resolve-needs-outcome', async () => {
      await versionAbove(await act('contact', async () => {
        await page.locator('#action-field-summary').fill('区总工会直接电话联系来电人');
      }));
      const version = Number(await page.getByTestId('complaint-detail').getAttribute('data-version'));
      await page.getByTestId('action-resolve').click();
      await page.locator('#action-field-summary').fill('已约谈企业，补签解除协议并支付经济补偿');
      await page.getByTestId('action-submit').click();
      await page.getByText('请选择或填写办结结果').waitFor();
      expect(await page.getByTestId('action-form-resolve').innerText()).not.toMatch(/solved|validation_failed|one_of/);
      expect(Number(await page.getByTestId('complaint-detail').getAttribute('data-version'))).toBe(version);
    });
    await step('district-resolved-phone', async () => {
      await page.locator('#action-field-outcome').selectOption('solved');
      const version = Number(await page.getByTestId('complaint-detail').getAttribute('data-version'));
      await page.getByTestId('action-submit').click();
      await versionAbove(version);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.getByTestId('complaint-fields').innerText()).toContain('诉求已解决');
      await noSidewaysScroll();
    });
  }, TEST_TIMEOUT);
});
