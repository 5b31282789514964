/**
 * 送温暖 / 批量发放 in the web console (issue 18, point 9): a caseworker of 金水区 chooses the active
 * files of the district by filter, checks them (every row can get it), records the festival money for
 * all of them in one step; then pastes file numbers (档案编号, as a column of Excel) of which one family
 * was lifted out and one number names no file: the check names those rows and why, and nothing can be
 * recorded; then pastes two good numbers (one twice) and records school aid for both. Walked at
 * 1440×900 and 390×844.
 */
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CADRE = { username: 'xu.campaign', password: 'e2e-Cadre-passw0rd', displayName: '徐芳', role: 'caseworker', orgUnitId: '410105' };
const SUPERVISOR = { username: 'he.campaign', password: 'e2e-Super-passw0rd', displayName: '何平', role: 'supervisor', orgUnitId: '410105' };
const TEST_TIMEOUT = 90_000;
const HEADER = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';
const REGISTRY = [
  'SW-1,甲某,,,某纺织厂,是,410105,410105001,3,1500,因病,深度困难,2018-04-01,在档,,',
  'SW-2,乙某,,,某纺织厂,是,410105,410105001,2,900,失业,相对困难,2019-05-01,在档,,',
  'SW-3,丙某,,,某机械厂,否,410105,410105,4,1200,因学,深度困难,2018-06-01,在档,,',
  'SW-4,丁某,,,某机械厂,是,410105,410105001,2,900,失业,相对困难,2018-05-01,已脱困,2020-06-30,',
];

suite('web console: campaign aid (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'campaign', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 900 }, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [CADRE, SUPERVISOR]) expect((await admin.post('/api/users', user)).status).toBe(201);
      const supervisor = await ApiClient.login(app.url, SUPERVISOR.username, SUPERVISOR.password);
      expect((await supervisor.post('/api/hardship-files/import', { format: 'csv', content: [HEADER, ...REGISTRY].join('\n') })).body).toMatchObject({ imported: 4 });
      await app.runtime.projections.waitUntilCaughtUp();
      for (const item of (await supervisor.get('/api/cases?kind=hardship_file&pageSize=50')).body.items) {
        const name = (await supervisor.get(`/api/hardship-files/${item.id}`)).body.head.name;
        ids[name] = item.id;
        numbers[name] = item.caseNumber;
      }
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('campaign', () => page, pageErrors);
  const rows = () => page.getByTestId('campaign-row');
  const fitsViewport = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth') as Promise<boolean>;

  async function fillCampaign(): Promise<void> {
    await page.getByTestId('campaign-type').selectOption('festival');
    await page.getByTestId('campaign-amount').fill('500');
    await page.getByTestId('campaign-funding').fill('2026 年春节送温暖专项资金');
  }

  it('finds the district\'s active files, checks every row and records the festival money for all of them in one step', async () => {
    await logInThroughConsole(page, app.url, CADRE);
    await step('campaign-filter', async () => {
      await page.getByTestId('nav-hardship-campaign').click();
      await page.getByTestId('hs-campaign').waitFor();
      await fillCampaign();
      await page.getByTestId('campaign-find').click();
      await waitForExpression(page, `document.querySelector('[data-testid="campaign-found"]')?.textContent === '找到 3 户在档家庭'`);
      expect(await page.getByTestId('campaign-deliver').isDisabled()).toBe(true); // checked first
    });
    await step('campaign-checked', async () => {
      await page.getByTestId('campaign-check').click();
      await page.getByTestId('campaign-report').waitFor();
      expect(await rows().count()).toBe(3);
      expect(await page.getByTestId('campaign-summary').innerText()).toBe('3 户均可发放，请确认');
      expect((await page.getByTestId('campaign-report').innerText())).toMatch(/甲某[\s\S]*丙某/);
    });
    await step('campaign-delivered', async () => {
      await page.getByTestId('campaign-deliver').click();
      await waitForExpression(page, `document.querySelector('[data-testid="campaign-summary"]')?.textContent === '已为 3 户登记发放'`);
      expect(await page.getByTestId('campaign-notice').innerText()).toContain('已为 3 户登记送温暖');
      expect(await page.getByTestId('campaign-deliver').isDisabled()).toBe(true); // the same check does not record twice
    });
    const cadre = await ApiClient.login(app.url, CADRE.username, CADRE.password);
    for (const name of ['甲某', '乙某', '丙某']) {
      expect((await cadre.get(`/api/hardship-files/${ids[name]}`)).body.aid).toEqual([expect.objectContaining({ type: 'festival', amount: 50_000, campaignId: expect.any(String) })]);
    }
    expect((await cadre.get(`/api/hardship-files/${ids['丁某']}`)).body.aid).toEqual([]);
  }, TEST_TIMEOUT);

  it('names the pasted numbers that stop the campaign (a family lifted out, a number of no file) and records nothing', async () => {
    const unknown = numbers['乙某'].replace(/\d{4}$/, '0999');
    await step('campaign-refused-row', async () => {
      await page.getByTestId('campaign-by-paste').click();
      await page.getByTestId('campaign-type').selectOption('school');
      await page.getByTestId('campaign-paste').fill(`${numbers['乙某']}\n${numbers['丁某']}\n${unknown}`);
      await page.getByTestId('campaign-check').click();
      await waitForExpression(page, `document.querySelector('[data-testid="campaign-report"]')?.getAttribute('data-refused') === '2'`);
      expect(await page.getByTestId('campaign-summary').innerText()).toBe('共 3 户，其中 2 户不能发放，全部未登记；请去掉或处理这些档案后重新检查');
      expect(await rows().nth(0).getAttribute('data-ok')).toBe('true');
      expect(await rows().nth(0).innerText()).toContain('乙某');
      expect(await rows().nth(0).getByTestId('campaign-row-number').innerText()).toBe(numbers['乙某']);
      expect(await rows().nth(0).getByTestId('campaign-row-status').innerText()).toBe('在档');
      expect(await rows().nth(1).getByTestId('campaign-row-status').innerText()).toBe('已脱困');
      expect(await rows().nth(1).getByTestId('campaign-row-result').innerText()).toMatch(/^第 2 行：只有在档的家庭可以登记帮扶/);
      expect(await rows().nth(2).getByTestId('campaign-row-number').innerText()).toBe(unknown);
      expect(await rows().nth(2).getByTestId('campaign-row-result').innerText()).toBe('第 3 行：档案编号未找到或无权操作');
      expect(await page.getByTestId('campaign-deliver').isDisabled()).toBe(true);
    });
    const cadre = await ApiClient.login(app.url, CADRE.username, CADRE.password);
    expect((await cadre.get(`/api/hardship-files/${ids['乙某']}`)).body.aid.filter((a: { type: string }) => a.type === 'school')).toEqual([]);
  }, TEST_TIMEOUT);

  it('records school aid for the families whose numbers were pasted, a number pasted twice counting once', async () => {
    await step('campaign-paste-checked', async () => {
      await page.getByTestId('campaign-paste').fill(`${numbers['甲某']}、${numbers['丙某'].toLowerCase()}\n${numbers['甲某']}`);
      expect(await page.getByTestId('campaign-pasted').innerText()).toBe('已识别 2 个档案编号（另有 1 个重复，只算一次）');
      await page.getByTestId('campaign-check').click();
      await waitForExpression(page, `document.querySelector('[data-testid="campaign-summary"]')?.textContent === '2 户均可发放，请确认'`);
      expect(await rows().nth(1).getByTestId('campaign-row-number').innerText()).toBe(numbers['丙某']);
    });
    await step('campaign-paste-delivered', async () => {
      await page.getByTestId('campaign-deliver').click();
      await waitForExpression(page, `document.querySelector('[data-testid="campaign-summary"]')?.textContent === '已为 2 户登记发放'`);
    });
    const cadre = await ApiClient.login(app.url, CADRE.username, CADRE.password);
    for (const name of ['甲某', '丙某']) {
      expect((await cadre.get(`/api/hardship-files/${ids[name]}`)).body.aid).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'school', amount: 50_000 })]));
    }
  }, TEST_TIMEOUT);

  it('is usable on a phone (390 px): the form, the choice and the report fit the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await step('campaign-390', async () => {
      await page.getByTestId('campaign-paste').fill(`${numbers['乙某']}\n${numbers['丁某']}\n${numbers['乙某'].replace(/\d{4}$/, '0999')}`);
      await page.getByTestId('campaign-check').click();
      await page.getByTestId('campaign-report').waitFor();
      expect(await fitsViewport()).toBe(true);
    });
    await step('campaign-390-filter', async () => {
      await page.getByTestId('campaign-by-filter').click();
      await page.getByTestId('campaign-find').click();
      await page.getByTestId('campaign-found').waitFor();
      expect(await fitsViewport()).toBe(true);
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, TEST_TIMEOUT);
});
