/**
 * Reports out in the web console, in a real browser (issue 18, point 6): 导出 Excel on the case list
 * and on the dashboard downloads a workbook holding what the page shows; a work order (工单) and, once
 * it is past its time limit, a supervision notice (督办单) open in a print layout that prints on exactly
 * one A4 page (a PDF of the page, its pages counted). At 1440×900 and at 390×844, never wider than the screen.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { readWorkbookSheets } from '#spreadsheet';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, SCREENSHOTS, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CENTRE = { username: 'liu.exports', password: 'e2e-Centre-passw0rd', displayName: '刘敏', role: 'caseworker', orgUnitId: '410100' };
const DAY = 86_400_000;
/** A4 in PDF points (595.28 × 841.89). */
const A4 = { width: 595, height: 842 };

/** The pages of a PDF and the size of the first, read from its page objects (Chromium writes them uncompressed). */
function pdfPages(pdf: Buffer): { count: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { count, width: Math.round(Number(box?.[1])), height: Math.round(Number(box?.[2])) };
}

suite('web console: exports to Excel and printed work orders (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let overdueId = '';
  let overdueNumber = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'exports', adminPassword: ADMIN.password, pageErrors, acceptDownloads: true, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      const created = await admin.post('/api/users', CENTRE);
      if (created.status !== 201) throw new Error(`could not create ${CENTRE.username}: ${created.status} ${JSON.stringify(created.body)}`);
      const centre = await ApiClient.login(app.url, CENTRE.username, CENTRE.password);
      // A long account of the call: the printed form cuts it at a fixed height and still fits one page.
      const longSummary = '工地拖欠三名工人两个月工资，来电人称多次找项目负责人未果，要求工会协调。'.repeat(30);
      const first = await centre.post('/api/complaints', { ...complaintFrom({ name: '孙丽', phone: '13655550001' }, '郑州丙纺织有限公司'), summary: longSummary });
      const second = await centre.post('/api/complaints', complaintFrom({ name: '周强', phone: '13655550002' }, '丁餐饮店'));
      if (first.status !== 201 || second.status !== 201) throw new Error(`complaints: ${first.status} ${second.status}`);
      const assigned = await centre.post(`/api/complaints/${first.body.id}/assign`, { unitId: '410105' });
      if (assigned.status >= 300) throw new Error(`assign: ${assigned.status} ${JSON.stringify(assigned.body)}`);
      overdueId = first.body.id;
      overdueNumber = first.body.caseNumber;
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('exports', () => page, pageErrors);
  const fitsScreen = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');

  /** Clicks `testId` and returns the workbook the browser downloads, read back. */
  async function download(testId: string) {
    const [file] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])) as [Download, unknown];
    const path = join(tmpdir(), `exports-${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    return { name: file.suggestedFilename(), sheets: await readWorkbookSheets(readFileSync(path)) };
  }

  /** The print page of the current route as a PDF (print CSS, the page's own size), saved beside the screenshots. */
  async function printed(name: string) {
    await page.emulateMedia({ media: 'print' });
    // As printed: the form alone, without the console's header, navigation and buttons.
    expect(await page.locator('.print-sheet').isVisible()).toBe(true);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, `exports-${name}-as-printed.png`), fullPage: true });
    const pdf = await page.pdf({ path: join(SCREENSHOTS, `exports-${name}.pdf`), preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    return pdfPages(pdf);
  }

  it('downloads the case list and the hotline figures as workbooks holding what the pages show', async () => {
    await step('case-list-export', async () => {
      await logInThroughConsole(page, app.url, CENTRE);
      await page.goto(`${app.url}/#/cases`);
      await page.getByTestId('case-table').waitFor();
      const { name, sheets } = await download('cases-export');
      expect(name).toMatch(/\.xlsx$/);
      const numbers = sheets[0].rows.flat().filter((cell) => typeof cell === 'string' && /^RX-\d{4}-\d{6}$/.test(cell));
      expect(numbers.sort()).toEqual((await page.getByTestId('case-number').allInnerTexts()).sort());
      expect(numbers).toHaveLength(2);
    });
    await step('dashboard-export', async () => {
      await page.goto(`${app.url}/#/dashboard`);
      await page.getByTestId('kpi-received').waitFor();
      const { sheets } = await download('dash-export');
      expect(sheets.map((s) => s.sheet)).toEqual(['概要', '按诉求类别', '按来电渠道', '按单位']);
      const received = sheets[0].rows.find((row) => row[0] === '受理量（件）');
      expect(received?.[1]).toBe(2);
    });
  }, 90_000);

  it('prints a work order and, once it is past its time limit, a supervision notice, each on one A4 page', async () => {
    await session!.shiftClock(3 * DAY);
    await step('work-order', async () => {
      await page.goto(`${app.url}/#/complaints/${overdueId}`);
      await page.getByTestId('print-work-order-link').click();
      await page.getByTestId('print-work-order').waitFor();
      await waitForExpression(page, `document.querySelectorAll('[data-testid="print-steps"] tbody tr').length >= 2`);
      expect(await page.getByTestId('print-number').innerText()).toBe(overdueNumber);
      expect(await page.getByTestId('print-phone').innerText()).toMatch(/^136\*{4}0001$/);
      expect(await page.getByTestId('print-assigned-unit').innerText()).toBe('金水区总工会');
      expect(await printed('work-order')).toEqual({ count: 1, ...A4 });
    });
    await step('supervision-notice', async () => {
      await page.getByTestId('print-back').click();
      await page.getByTestId('print-supervision-link').click();
      await page.getByTestId('print-supervision-notice').waitFor();
      expect(await page.getByTestId('print-number').innerText()).toBe(overdueNumber);
      expect(await page.getByTestId('print-unit').innerText()).toBe('金水区总工会');
      const missed = await page.getByTestId('print-missed-row').allInnerTexts();
      expect(missed[0]).toMatch(/签收时限[\s\S]*\d+ 天 \d+ 小时/);
      expect(await printed('supervision-notice')).toEqual({ count: 1, ...A4 });
    });
    await step('phone-supervision-notice', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('print-supervision-notice').waitFor();
      expect(await fitsScreen()).toBe(true);
    });
    await step('phone-work-order', async () => {
      await page.goto(`${app.url}/#/complaints/${overdueId}/print`);
      await page.getByTestId('print-work-order').waitFor();
      expect(await fitsScreen()).toBe(true);
    });
    await step('phone-case-list', async () => {
      await page.goto(`${app.url}/#/cases`);
      await page.getByTestId('case-table').waitFor();
      await page.getByTestId('cases-export').waitFor();
      expect(await fitsScreen()).toBe(true);
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);
});
