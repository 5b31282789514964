/**
 * 旧工单导入 in the web console, in a real browser: the city centre's supervisor opens the page from
 * the menu, uploads a workbook with bad cells and sees them as a table of row, column and problem
 * (nothing imported), then uploads the good workbook and sees the result; the same workbook again is
 * "already there". At 1440 px and at 390 px (a phone). A caseworker has no such menu item.
 */
import type { Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { ORDER_HEADERS } from '#hotline';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const SUPERVISOR = { username: 'gao.centre', password: 'e2e-Centre-passw0rd', displayName: '高洁', role: 'supervisor', orgUnitId: '410100' };
const CASEWORKER = { username: 'tian.centre', password: 'e2e-Receiver-passw0rd', displayName: '田野', role: 'caseworker', orgUnitId: '410100' };
const TEST_TIMEOUT = 90_000;

const order = (cells: Record<string, string>) => ORDER_HEADERS.map((header) => cells[header] ?? '');
const base = { 来源渠道: '12351热线电话', 来电人姓名: '马某', 联系电话: '13700003333', 涉及人数: '1', 用人单位: '郑州某物流公司', 单位所在区县: '410103', 问题类别: '劳动报酬', 诉求类型: '求助投诉', 诉求内容: '拖欠工资', 受理单位: '410100' };
const GOOD = [
  order({ ...base, 工单编号: 'WEB-2017-1', 受理时间: '2017-09-04 09:00', 交办单位: '410103', 交办时间: '2017-09-04 10:00', 签收时间: '2017-09-04 11:00', 首次联系时间: '2017-09-05 09:00',
    办结时间: '2017-09-12 09:00', 办结结果: '诉求已解决', 回访时间: '2017-09-13 09:00', 回访是否接通: '是', 满意度: '满意', 结案时间: '2017-09-13 10:00' }),
  order({ ...base, 工单编号: 'WEB-2017-2', 受理时间: '2017-10-09 09:00', 问题类别: '社会保险' }),
];
const BAD = [
  GOOD[0],
  order({ ...base, 工单编号: 'WEB-2017-3', 受理时间: '2017-10-10 09:00', 签收时间: '2017-10-10 11:00', 满意度: '很好' }),
];
const xlsx = async (rows: string[][]) => Buffer.from(await writeXlsxFile([ORDER_HEADERS, ...rows].map((row) => row.map((value) => ({ value })))).toBuffer());

suite('web console: importing legacy 12351 orders (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'hotline-import', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [SUPERVISOR, CASEWORKER]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('hotline-import', () => page, pageErrors);
  const upload = async (name: string, rows: string[][]) =>
    page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(rows) });

  it('shows a supervisor every bad cell by row and column, imports nothing, then imports the good workbook once', async () => {
    await step('refused', async () => {
      await logInThroughConsole(page, app.url, SUPERVISOR);
      await page.getByTestId('nav-complaint-import').click();
      await page.getByTestId('hl-import').waitFor();
      await upload('旧工单-有误.xlsx', BAD);
      await page.getByTestId('import-report').waitFor();
      expect(await page.getByTestId('import-report-summary').innerText()).toBe('有 2 处不合格，未导入任何工单。请修改后重新上传。');
      const rows = page.getByTestId('import-problem');
      expect(await rows.evaluateAll((els) => els.map((el) => [el.getAttribute('data-row'), el.getAttribute('data-column')]))).toEqual([['3', 'satisfaction'], ['3', 'signedForAt']]);
      expect(await rows.nth(1).innerText()).toMatch(/^第 3 行\s+签收时间\s+填写了签收时间，须先有交办单位和交办时间/);
      expect(await page.getByTestId('import-result').count()).toBe(0);
    });
    await step('imported', async () => {
      await upload('旧工单.xlsx', GOOD);
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-result').innerText()).toBe('导入完成：新导入工单 2 件，已存在 0 件（未重复导入），记录事件 10 条。');
      expect(await page.getByTestId('import-report').count()).toBe(0);
    });
    await step('again-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await upload('旧工单.xlsx', GOOD);
      await page.locator('[data-testid="import-result"]', { hasText: '新导入工单 0 件，已存在 2 件' }).waitFor();
    });
    await step('refused-phone', async () => {
      await upload('旧工单-有误.xlsx', BAD);
      await page.getByTestId('import-report').waitFor();
      // The page's controls and its table stay inside the screen (the shell keeps its sidebar at every width: a shell matter).
      const right = await page.getByTestId('hl-import').evaluate((section) => Math.max(...[...section.querySelectorAll('button, table')].map((e) => e.getBoundingClientRect().right)));
      expect(right).toBeLessThanOrEqual(390);
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);

  it('gives a caseworker no way to the page', async () => {
    await step('caseworker', async () => {
      await logInThroughConsole(page, app.url, CASEWORKER);
      await page.getByTestId('nav-cases').waitFor();
      expect(await page.getByTestId('nav-complaint-import').count()).toBe(0);
    });
  }, TEST_TIMEOUT);
});
