/**
 * The console under a province federation (docs/configuration.md, "A province federation"), in
 * Debian's Chromium at 1440 and 390 px: the administrator's unit tree with the province above two
 * cities, a third city added under it; the unit pickers grouped by city; the province's supervisor
 * choosing a city's figures and cases; a city's supervisor offered their own city only.
 */
import type { Page } from 'playwright-core';
import { placeUnderProvince } from '#identity';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient, browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const PASSWORD = 'e2e-Province-passw0rd';
const HENAN = { id: '410000', name: '河南省总工会' };
const PROVINCE_SUPERVISOR = { username: 'hn.supervisor', password: PASSWORD, displayName: '周省督', role: 'supervisor', orgUnitId: HENAN.id };
const ZHENGZHOU_SUPERVISOR = { username: 'zz.supervisor', password: PASSWORD, displayName: '李市督', role: 'supervisor', orgUnitId: '410100' };
const TEST_TIMEOUT = 90_000;

/** The installation of the e2e: Zhengzhou put under Henan (what a start with PROVINCE_UNIT_ID does), Kaifeng added, cases in both. */
async function provinceWithTwoCities(app: RunningCasework): Promise<void> {
  await placeUnderProvince(app.runtime.dataSource, HENAN);
  await app.runtime.orgUnits.reload();
  const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
  for (const unit of [
    { id: '410200', name: '开封市总工会', kind: 'city', parentId: HENAN.id },
    { id: '410204', name: '鼓楼区总工会', kind: 'district', parentId: '410200' },
  ]) {
    const created = await admin.post('/api/org-units', unit);
    if (created.status !== 201) throw new Error(`could not add ${unit.name}: ${JSON.stringify(created.body)}`);
  }
  const caseworkers = [
    { username: 'jinshui.caseworker', password: PASSWORD, displayName: '王芳', role: 'caseworker', orgUnitId: '410105', district: '410105', complaints: 2 },
    { username: 'gulou.caseworker', password: PASSWORD, displayName: '赵强', role: 'caseworker', orgUnitId: '410204', district: '410204', complaints: 3 },
  ];
  for (const { district: _, complaints: __, ...user } of [...caseworkers, { ...PROVINCE_SUPERVISOR, district: '', complaints: 0 }, { ...ZHENGZHOU_SUPERVISOR, district: '', complaints: 0 }]) {
    const created = await admin.post('/api/users', user);
    if (created.status !== 201) throw new Error(`could not create ${user.username}: ${JSON.stringify(created.body)}`);
  }
  for (const caseworker of caseworkers) {
    const client = await ApiClient.login(app.url, caseworker.username, PASSWORD);
    for (let i = 0; i < caseworker.complaints; i++) {
      const received = await client.post('/api/complaints', {
        channel: 'phone', caller: { name: '王建国', phone: `1381234${caseworker.district.slice(-2)}${i}${i}` },
        employer: { name: `${caseworker.displayName}处某建筑公司${i}`, district: caseworker.district }, category: 'pay', type: 'request_for_action', summary: '拖欠工资',
      });
      if (received.status !== 201) throw new Error(`could not receive a complaint: ${JSON.stringify(received.body)}`);
    }
  }
  await app.runtime.projections.waitUntilCaughtUp();
}

suite('the console under a province federation (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'province', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 1000 }, prepare: async (started) => {
      app = started;
      await provinceWithTwoCities(started);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('province', () => page, pageErrors);
  const unitRow = (id: string) => page.locator(`[data-testid="unit-row"][data-unit-id="${id}"]`);
  /** The labels of a select's option groups, each with its options' texts. */
  const groupsOf = (selector: string) =>
    page.locator(`${selector} optgroup`).evaluateAll((groups) => groups.map((g) => `${g.getAttribute('label')}: ${[...g.querySelectorAll('option')].map((o) => o.textContent).join('、')}`));
  /** A headless browser draws no open drop-down: the screenshot shows the select as a list box instead. */
  const showOpen = (selector: string) => page.locator(selector).evaluate((select) => select.setAttribute('size', '16'));
  const kpi = async (testId: string) => (await page.getByTestId(`${testId}-value`).innerText()).trim();
  const kpiBecomes = (testId: string, value: string) =>
    waitForExpression(page, `document.querySelector('[data-testid="${testId}-value"]')?.textContent.trim() === ${JSON.stringify(value)}`);

  it('shows the administrator the province above both cities, and adds a third city under it', async () => {
    await step('units-tree', async () => {
      await logInThroughConsole(page, app.url, ADMIN);
      await page.getByTestId('nav-units').click();
      await unitRow(HENAN.id).waitFor();
      expect(await unitRow(HENAN.id).locator('.badge-kind').innerText()).toBe('省总工会');
      expect(await unitRow('410100').getByTestId('unit-name').innerText()).toBe('郑州市总工会');
      expect(await unitRow('410200').getByTestId('unit-name').innerText()).toBe('开封市总工会');
    });
    await step('units-add-city', async () => {
      await unitRow(HENAN.id).getByTestId('unit-add').click();
      expect(await page.locator('#unit-kind option').allInnerTexts()).toEqual(['市总工会']);
      expect(await page.getByTestId('unit-form-dialog').innerText()).toContain('如 410200（地级市）或 419001（省直辖市）');
      await page.locator('#unit-id').fill('410300');
      await page.locator('#unit-name').fill('洛阳市总工会');
    });
    await step('units-city-added', async () => {
      await page.getByTestId('unit-form-submit').click();
      await page.getByTestId('units-notice').waitFor();
      await unitRow('410300').waitFor();
    });
  }, TEST_TIMEOUT);

  it("offers every unit in the user form grouped by level and, below the cities, by city", async () => {
    await step('user-form-units', async () => {
      await page.getByTestId('nav-users').click();
      await page.getByTestId('user-create').click();
      await page.locator('#user-unit').waitFor();
      const groups = await groupsOf('#user-unit');
      expect(groups.slice(0, 2)).toEqual(['省总工会: 河南省总工会', '市总工会: 郑州市总工会、开封市总工会、洛阳市总工会']);
      expect(groups).toContain('区县工会 · 开封市总工会: 鼓楼区总工会');
      expect(groups.find((g) => g.startsWith('区县工会 · 郑州市总工会: '))).toContain('金水区总工会');
      await showOpen('#user-unit');
    });
    await page.keyboard.press('Escape');
    await page.getByTestId('user-form-dialog').waitFor({ state: 'detached' });
  }, TEST_TIMEOUT);

  it("lets the province's supervisor read the province's figures and each city's, and list both cities' cases", async () => {
    await step('figures-province', async () => {
      await logInThroughConsole(page, app.url, PROVINCE_SUPERVISOR);
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('kpi-received-value').waitFor();
      expect(await kpi('kpi-received')).toBe('5');
      const groups = await groupsOf('#dash-unit');
      expect(groups.slice(0, 2)).toEqual(['省总工会: 河南省总工会', '市总工会: 郑州市总工会、开封市总工会、洛阳市总工会']);
      await showOpen('#dash-unit');
    });
    await step('figures-kaifeng', async () => {
      await page.locator('#dash-unit').evaluate((select) => select.removeAttribute('size'));
      await page.locator('#dash-unit').selectOption('410200');
      await kpiBecomes('kpi-received', '3');
    });
    await step('figures-zhengzhou', async () => {
      await page.locator('#dash-unit').selectOption('410100');
      await kpiBecomes('kpi-received', '2');
    });
    await step('cases-both-cities', async () => {
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-row').first().waitFor();
      await waitForExpression(page, `document.querySelectorAll('[data-testid="case-row"]').length === 5`);
    });
  }, TEST_TIMEOUT);

  it("offers a city's supervisor their own city's units only, with their city's figures", async () => {
    await step('figures-city-supervisor', async () => {
      await logInThroughConsole(page, app.url, ZHENGZHOU_SUPERVISOR);
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('kpi-received-value').waitFor();
      expect(await kpi('kpi-received')).toBe('2');
      const groups = await groupsOf('#dash-unit');
      expect(groups[0]).toBe('市总工会: 郑州市总工会');
      expect(groups.join('；')).not.toMatch(/河南省|开封市|鼓楼区/);
    });
  }, TEST_TIMEOUT);

  it('reads at 390 px: the figures by city and the unit tree', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await step('figures-390', async () => {
      await logInThroughConsole(page, app.url, PROVINCE_SUPERVISOR);
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('kpi-received-value').waitFor();
      await page.locator('#dash-unit').selectOption('410200');
      await kpiBecomes('kpi-received', '3');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    });
    await step('units-390', async () => {
      await logInThroughConsole(page, app.url, ADMIN);
      await page.getByTestId('nav-units').click();
      await unitRow('410200').waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    });
  }, TEST_TIMEOUT);
});
