/**
 * The work lists' search box and 导出 Excel in a real browser (issue 18, points 2 and 6): on 帮扶待办,
 * 时效预警, 审批, 访问日志 and 系统通知 a supervisor (and on 用户 an administrator) types in the box, sees the list narrow, and downloads a workbook
 * holding the rows the page shows — at 1440×900 and at 390×844, never wider than the screen.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { readWorkbookSheets } from '#spreadsheet';
import { shanghaiDateOf } from '#calendar';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';
import { TEST_START } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const JINSHUI = '410105';
const WORKER = { username: 'zhao.lists', password: 'e2e-Worker-passw0rd', displayName: '赵敏', role: 'caseworker', orgUnitId: JINSHUI };
const SUPERVISOR = { username: 'qian.lists', password: 'e2e-Superv-passw0rd', displayName: '钱进', role: 'supervisor', orgUnitId: JINSHUI };
const HEADER = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';

suite('web console: search and export on the work lists (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'lists', adminPassword: ADMIN.password, pageErrors, acceptDownloads: true, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [WORKER, SUPERVISOR]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const worker = await ApiClient.login(app.url, WORKER.username, WORKER.password);
      const supervisor = await ApiClient.login(app.url, SUPERVISOR.username, SUPERVISOR.password);
      const must = async (response: Promise<{ status: number; body: any }>, what: string) => { // eslint-disable-line @typescript-eslint/no-explicit-any
        const answer = await response;
        if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer.body;
      };
      await must(supervisor.post('/api/hardship-files/import', { format: 'csv', content: [HEADER,
        'LS-1,孟某,,,某纺织厂,是,410105,410105,3,1500,因病,深度困难,2018-04-01,在档,,',
        'LS-2,宋某,,,某机械厂,否,410105,410105,2,900,失业,相对困难,2019-05-01,在档,,'].join('\n') }), 'import');
      const today = shanghaiDateOf(new Date(TEST_START)); // the system's clock starts there (testClock)
      const inTen = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000);
      const ended = `${inTen.getUTCFullYear() - 1}-${String(inTen.getUTCMonth() + 1).padStart(2, '0')}-${String(inTen.getUTCDate()).padStart(2, '0')}`;
      for (const respondent of ['甲装修公司', '乙劳务公司']) {
        const { id } = await must(worker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: respondent, district: JINSHUI }, summary: '工资' }), 'wage case');
        const act = async (action: string, body: unknown) => must(worker.post(`/api/wage-cases/${id}/${action}`, body, { version: (await worker.get(`/api/wage-cases/${id}`)).body.version }), action);
        const added = await act('claimants', { claimants: [{ name: '王七', workedFrom: '2024-01-01', workedUntil: ended, claimed: 300_000 }] });
        await act('start-verification', {});
        await act('verify', { claims: [{ claimantId: added.claimantIds[0], verified: 300_000, basis: '欠条' }] });
      }
      let revealed = '';
      for (const [employer, phone] of [['丁物业公司', '13700000021'], ['戊餐饮公司', '13700000022']]) {
        const { id } = await must(worker.post('/api/complaints', complaintFrom({ name: '赵师傅', phone }, employer, JINSHUI)), 'complaint');
        const act = async (action: string, body: unknown) => must(worker.post(`/api/complaints/${id}/${action}`, body, { version: (await worker.get(`/api/complaints/${id}`)).body.version }), action);
        await act('assign', { unitId: JINSHUI });
        await act('sign-for', {});
        await act('extension-requests', { workingDays: 3, reason: '需调取考勤记录' });
        revealed = id;
      }
      // Too many reveals in 10 minutes stop the worker and send their unit's supervisors a 系统通知.
      for (let i = 0, status = 200; i < 40 && status === 200; i++) status = (await worker.post(`/api/complaints/${revealed}/reveal`, { field: 'caller.phone', reason: '回访来电人' })).status;
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('lists', () => page, pageErrors);
  const fitsScreen = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
  const rows = (testId: string) => page.evaluate(`document.querySelectorAll('[data-testid="${testId}"]').length`) as Promise<number>;

  /** Clicks `testId` and returns the downloaded workbook's first sheet, read back. */
  async function download(testId: string) {
    const [file] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])) as [Download, unknown];
    const path = join(tmpdir(), `lists-${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return { name: file.suggestedFilename(), rows: (await readWorkbookSheets(readFileSync(path)))[0].rows };
  }

  /** The pages, each with its search box, a term that finds one of its two rows, its row and export test ids. */
  const LISTS = [
    { name: 'due', route: 'hardship-files/due', box: 'due-q', term: '孟某', row: 'due-row', exportId: 'due-export', found: 'KN-410105-2018' },
    { name: 'watch', route: 'wage-cases/limitation-watch', box: 'watch-q', term: '甲装修', row: 'watch-row', exportId: 'watch-export', found: '甲装修' },
    { name: 'approvals', route: 'approvals', box: 'approvals-q', term: '丁物业', row: 'approval', exportId: 'approvals-export', found: '延长办结时限' },
  ] as const;

  for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`searches and exports each work list at ${size.width} px`, async () => {
      await page.setViewportSize(size);
      await logInThroughConsole(page, app.url, SUPERVISOR);
      for (const list of LISTS) {
        await step(`${list.name}-${size.width}`, async () => {
          // By way of another page: the list opens afresh, its search box empty.
          await page.goto(`${app.url}/#/cases`);
          await page.goto(`${app.url}/#/${list.route}`);
          await page.getByTestId(list.box).waitFor();
          if (list.name === 'due') await page.getByTestId('due-days').selectOption('366');
          await waitForExpression(page, `document.querySelectorAll('[data-testid="${list.row}"]').length === 2`);
          expect(await fitsScreen()).toBe(true);
          await page.getByTestId(list.box).fill(list.term);
          await waitForExpression(page, `document.querySelectorAll('[data-testid="${list.row}"]').length === 1`);
          expect(await rows(list.row)).toBe(1);
          const { name, rows: sheet } = await download(list.exportId);
          expect(name).toMatch(/\.xlsx$/);
          // The heading rows, the header and the one row the page shows.
          const body = sheet.slice(4).filter((row) => row.some((cell) => cell !== null));
          expect(body).toHaveLength(1);
          expect(body[0].join(' ')).toContain(list.found);
          expect(await fitsScreen()).toBe(true);
        });
      }
      await step(`access-log-${size.width}`, async () => {
        await page.goto(`${app.url}/#/cases`);
        await page.goto(`${app.url}/#/access-log`);
        await page.getByTestId('log-q').waitFor();
        await page.getByTestId('access-log-table').waitFor();
        const before = await rows('access-log-row');
        await page.getByTestId('log-q').fill('no-such-user-anywhere');
        await waitForExpression(page, `document.querySelector('[data-testid="access-log-empty"]') !== null`);
        await page.getByTestId('log-q').fill(WORKER.displayName);
        await waitForExpression(page, `document.querySelectorAll('[data-testid="access-log-row"]').length > 0`);
        expect(await rows('access-log-row')).toBeLessThanOrEqual(Math.max(before, 1000));
        const { rows: sheet } = await download('log-export');
        const body = sheet.slice(4).filter((row) => row.some((cell) => cell !== null));
        expect(body.length).toBe(await rows('access-log-row'));
        expect(body.every((row) => row[1] === WORKER.displayName)).toBe(true);
        expect(await fitsScreen()).toBe(true);
      });
      await step(`notices-${size.width}`, async () => {
        await page.goto(`${app.url}/#/cases`);
        await page.goto(`${app.url}/#/notices`);
        await page.getByTestId('notices-q').waitFor();
        await waitForExpression(page, `document.querySelectorAll('[data-testid="notice"]').length === 1`);
        await page.getByTestId('notices-q').fill('二七区');
        await waitForExpression(page, `document.querySelectorAll('[data-testid="notice"]').length === 0`);
        await page.getByTestId('notices-q').fill(WORKER.username);
        await waitForExpression(page, `document.querySelectorAll('[data-testid="notice"]').length === 1`);
        const { rows: sheet } = await download('notices-export');
        const body = sheet.slice(4).filter((row) => row.some((cell) => cell !== null));
        expect(body).toHaveLength(1);
        expect(body[0][1]).toBe('金水区总工会');
        expect(await fitsScreen()).toBe(true);
      });
      await step(`users-${size.width}`, async () => {
        await logInThroughConsole(page, app.url, ADMIN);
        await page.goto(`${app.url}/#/admin/users`);
        await page.getByTestId('users-q').waitFor();
        await waitForExpression(page, `document.querySelectorAll('[data-testid="user-row"]').length === 3`);
        await page.getByTestId('users-q').fill(SUPERVISOR.displayName);
        await waitForExpression(page, `document.querySelectorAll('[data-testid="user-row"]').length === 1`);
        const { rows: sheet } = await download('users-export');
        const body = sheet.slice(4).filter((row) => row.some((cell) => cell !== null));
        expect(body.map((row) => row.slice(0, 2))).toEqual([[SUPERVISOR.username, SUPERVISOR.displayName]]);
        expect(await fitsScreen()).toBe(true);
      });
    }, 120_000);
  }
});
