/**
 * 审计 of wage cases and hardship files in the web console (issue 18, point 8), in a real browser: a
 * supervisor of the city federation opens the audit tab of a wage case and of a hardship file, sees the
 * case as it stood at its first step (by the slider and by a typed Beijing time) and as it stands now,
 * compares the two moments field by field in Chinese, and runs 核验历史记录 — 完整 on an untouched
 * case, 被改动 naming the event after a row of the file is changed in PostgreSQL. At 1440×900 and
 * 390×844, no page is wider than the screen.
 */
import pg from 'pg';
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const JINSHUI = '410105';
const CASEWORKER = { username: 'chu.wage', password: 'e2e-Caseworker-passw0rd', displayName: '褚明', role: 'caseworker', orgUnitId: JINSHUI };
const SUPERVISOR = { username: 'chen.city', password: 'e2e-Super-passw0rd', displayName: '陈静', role: 'supervisor', orgUnitId: '410100' };
const WORKER_PHONE = '13912340026';
const HEAD_PHONE = '13900001234';
const TEST_TIMEOUT = 60_000;

suite('web console: the audit of wage cases and hardship files (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];
  let wageId = '';
  let fileId = '';
  /** The second the file's application was recorded in, as a Beijing wall-clock time (`2026-12-07T21:38:06`). */
  let appliedSecond = '';

  async function post(client: ApiClient, path: string, body: unknown) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'audit-all-kinds', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [CASEWORKER, SUPERVISOR]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      await admin.request('PUT', `/api/admin/poverty-lines/${JINSHUI}/${shanghaiDay(0).slice(0, 4)}`, { line: 100_000, reason: '郑政〔2026〕12号' });
      const caseworker = await ApiClient.login(app.url, CASEWORKER.username, CASEWORKER.password);
      wageId = (await post(caseworker, '/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '郑州某装修公司', district: JINSHUI }, summary: '装修工人工资' })).id;
      await post(caseworker, `/api/wage-cases/${wageId}/claimants`, { claimants: [{ name: '褚九', idNumber: '410105199003070026', phone: WORKER_PHONE, workedFrom: '2025-05-01', workedUntil: '2025-12-31', claimed: 900_000 }] });
      fileId = (await post(caseworker, '/api/hardship-files', {
        source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
        head: { name: '陈某', idNumber: '410105198001010017', phone: HEAD_PHONE, employer: '郑州某纺织厂', unionMember: true }, members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
      })).id;
      // A second apart, so a moment typed to the second can fall between the application and the visit.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const history = (await caseworker.get(`/api/hardship-files/${fileId}/history`)).body as { recordedAt: string }[];
      appliedSecond = new Date(Date.parse(history[0].recordedAt) + 8 * 3_600_000).toISOString().slice(0, 19);
      await post(caseworker, `/api/hardship-files/${fileId}/home-visit`, { visitedOn: shanghaiDay(0), consentToIncomeCheck: true, findings: '妻子透析', monthlyHouseholdIncome: 200_000 });
    } });
    page = session.page;
    await logInThroughConsole(page, app.url, SUPERVISOR);
  }, 120_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('audit-all-kinds', () => page, pageErrors);
  const attributes = (selector: string, name: string) => page.locator(selector).evaluateAll((nodes, attr) => nodes.map((n) => n.getAttribute(attr as string)), name);
  const withinScreen = async () => {
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  };

  /** Opens a case's audit tab from its page, the way a supervisor would. */
  async function openAudit(path: string, tabTestId: string) {
    await page.goto(`${app.url}/#/${path}`);
    await page.getByTestId(tabTestId).click();
    await page.getByTestId('audit-view').waitFor();
  }

  it('shows a wage case as of its opening and now, the difference in Chinese, and its history intact', async () => {
    await step('wage-as-of-first', async () => {
      await openAudit(`wage-cases/${wageId}`, 'wage-tab-audit');
      await page.waitForSelector('[data-testid="asof-state"][data-current="true"][data-version="2"]');
      await page.getByTestId('asof-slider').focus();
      await page.keyboard.press('Home');
      await page.waitForSelector('[data-testid="asof-moment"][data-index="0"][data-event-type="WageCaseOpened"]');
      await page.waitForSelector('[data-testid="asof-state"][data-current="true"][data-version="1"]');
      const fields = await page.getByTestId('asof-fields').innerText();
      expect(fields).toContain('郑州某装修公司');
      expect(fields).not.toContain('褚九');
    });
    await step('wage-as-of-now', async () => {
      await page.keyboard.press('End');
      await page.waitForSelector('[data-testid="asof-state"][data-current="true"][data-version="2"]');
      const fields = await page.getByTestId('asof-fields').innerText();
      expect(fields).toContain('褚九');
      expect(fields).toContain('主张金额合计');
      expect(fields).not.toContain(WORKER_PHONE);
    });
    await step('wage-diff-and-verify', async () => {
      await page.waitForSelector('[data-testid="diff-result"][data-current="true"]');
      expect((await attributes('[data-testid="diff-row"]', 'data-field')).sort()).toEqual(['claimants', 'totals.claimants', 'totals.claimed', 'version']);
      expect(await page.locator('[data-testid="diff-row"][data-field="totals.claimed"]').innerText()).toContain('主张金额合计');
      expect(await page.locator('[data-testid="diff-row"][data-field="totals.claimed"] .diff-after').innerText()).toContain('9,000');
      await page.getByTestId('verify-chain-run').click();
      await page.waitForSelector('[data-testid="verify-chain-result"][data-intact="true"]');
      expect(await page.getByTestId('verify-chain-result').innerText()).toContain('完整');
      await withinScreen();
    });
  }, TEST_TIMEOUT);

  it('shows a hardship file as of a typed Beijing time, and names the event changed behind the system\'s back', async () => {
    await step('hardship-as-of-typed', async () => {
      await openAudit(`hardship-files/${fileId}`, 'hs-tab-audit');
      await page.waitForSelector('[data-testid="asof-state"][data-current="true"][data-version="2"]');
      const opened = await page.locator('[data-testid="diff-from"] option').first().innerText();
      expect(opened).toContain('收到建档申请');
      // The second the application was recorded in, typed in Beijing time: as of then, before the visit.
      await page.getByTestId('asof-time').fill(appliedSecond);
      await page.waitForSelector(`[data-testid="asof-moment"][data-at="${appliedSecond}.999999+08:00"]`);
      await page.waitForSelector('[data-testid="asof-state"][data-current="true"][data-version="1"]');
      expect(await page.getByTestId('asof-fields').innerText()).not.toContain(HEAD_PHONE);
      expect(await page.locator('[data-testid="asof-state"]').getAttribute('data-status')).toBe('applied');
    });
    await step('hardship-diff', async () => {
      await page.waitForSelector('[data-testid="diff-result"][data-current="true"]');
      const fields = await attributes('[data-testid="diff-row"]', 'data-field');
      expect(fields).toEqual(expect.arrayContaining(['status', 'incomePerHead', 'line']));
      expect(await page.locator('[data-testid="diff-row"][data-field="incomePerHead"]').innerText()).toContain('家庭人均月收入');
    });
    await step('hardship-verify-altered', async () => {
      const db = new pg.Client({ connectionString: app.runtime.databaseUrl });
      await db.connect();
      try {
        await db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{monthlyHouseholdIncome}', '100000') WHERE stream_id = $1 AND stream_revision = 1`, [`hardship-file-${fileId}`]);
      } finally {
        await db.end();
      }
      await page.getByTestId('verify-chain-run').click();
      await page.waitForSelector('[data-testid="verify-chain-result"][data-intact="false"]');
      expect(await page.getByTestId('verify-chain-result').innerText()).toContain('被改动');
      expect(await attributes('[data-testid="verify-chain-problem"]', 'data-revision')).toEqual(['1']);
      expect(await page.getByTestId('verify-chain-problem').innerText()).toContain('入户核查');
      await withinScreen();
    });
  }, TEST_TIMEOUT);

  it('keeps the audit tab within a phone\'s screen at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await step('wage-audit-phone', async () => {
        await openAudit(`wage-cases/${wageId}`, 'wage-tab-audit');
        await page.waitForSelector('[data-testid="diff-result"][data-current="true"]');
        await page.getByTestId('verify-chain-run').click();
        await page.waitForSelector('[data-testid="verify-chain-result"]');
        await waitForExpression(page, 'document.documentElement.scrollWidth <= window.innerWidth');
        await withinScreen();
      });
      await step('hardship-audit-phone', async () => {
        await openAudit(`hardship-files/${fileId}`, 'hs-tab-audit');
        await page.waitForSelector('[data-testid="asof-state"][data-current="true"]');
        await withinScreen();
      });
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);
});
