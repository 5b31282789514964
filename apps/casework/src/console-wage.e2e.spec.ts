/**
 * 欠薪追讨 in the web console, end to end: a real browser (Debian's Chromium) drives the built console
 * served by the whole system on a fresh PostgreSQL database. A caseworker of 金水区 opens a project
 * case, pastes a list of three workers (a bad row reported first), verifies the amounts, records two
 * payments through the allocation dialog (split evenly, then pro rata to what is still owed), gets
 * an emergency advance approved by the supervisor in the approvals inbox, reads the ledger, exports
 * it to Excel and closes the case as fully recovered; a caseworker of 二七区 finds nothing at the
 * case's address; a hotline complaint about unpaid wages becomes a wage case (workers typed in the grid
 * and uploaded as .xlsx) and is recovered in full.
 */
import { randomUUID } from 'node:crypto';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import type { Locator, Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import { waitForExpression } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { shanghaiDay } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const JINSHUI = '410105';
const CASEWORKER = { username: 'zhou.wage', password: 'e2e-Wage-passw0rd', displayName: '周敏', role: 'caseworker', orgUnitId: JINSHUI };
const SUPERVISOR = { username: 'qian.supervisor', password: 'e2e-Super-passw0rd', displayName: '钱进', role: 'supervisor', orgUnitId: JINSHUI };
const ERQI_CASEWORKER = { username: 'wu.erqi', password: 'e2e-Erqi-passw0rd', displayName: '吴刚', role: 'caseworker', orgUnitId: '410103' };
const TEST_TIMEOUT = 90_000;


const STARTED = shanghaiDay(-500);
/** 赵大 left 355 days ago: his year for arbitration ends in about 10 days (时效将届满). */
const LEFT_SOON = shanghaiDay(-355);
const LEFT = shanghaiDay(-200);
const HEADER = '姓名\t身份证号码\t电话\t入职日期\t离职日期\t主张金额（元）';
const list = (qianClaimed: string) => [
  HEADER,
  `赵大\t410105198001010017\t13800001111\t${STARTED}\t${LEFT_SOON}\t12,000`,
  `钱二\t\t13800002222\t${STARTED}\t${LEFT}\t${qianClaimed}`,
  `孙三\t\t\t${STARTED}\t\t5000`,
].join('\n');

suite('web console: wage-arrears recovery (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];
  let caseId = '';

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'wage', adminPassword: ADMIN.password, pageErrors, acceptDownloads: true, prepare: async (started: RunningCasework) => {
      app = started;
      for (const user of [CASEWORKER, SUPERVISOR, ERQI_CASEWORKER]) await createUser(user);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  // ---- the system, through its API (setting the scene only; everything checked goes through the browser)

  async function call(token: string | null, method: string, path: string, body?: unknown) {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function tokenOf(user: { username: string; password: string }): Promise<string> {
    const { status, body } = await call(null, 'POST', '/api/auth/login', { username: user.username, password: user.password });
    if (status !== 200) throw new Error(`log-in of ${user.username} failed: ${status}`);
    return body.accessToken;
  }

  async function createUser(user: typeof CASEWORKER): Promise<void> {
    const created = await call(await tokenOf(ADMIN), 'POST', '/api/users', user);
    if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
  }

  // ---- the browser

  const { step } = screenshotSteps('wage', () => page, pageErrors);

  const loginAs = (user: { username: string; password: string }) => logInThroughConsole(page, app.url, user);

  /** Clicks a refresh button until the condition holds: read models may lag a little behind the events. */
  async function eventually(refreshTestId: string, condition: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(500);
      await page.getByTestId(refreshTestId).click();
    }
  }

  async function caseVersion(): Promise<number> {
    return Number(await page.getByTestId('wage-case').getAttribute('data-version'));
  }

  /** Waits until the case page shows a version newer than `before`: the command was recorded. */
  async function newerThan(before: number): Promise<void> {
    await waitForExpression(page, `Number(document.querySelector('[data-testid="wage-case"]')?.getAttribute('data-version')) > ${before}`);
  }

  /** Opens a step's dialog from its button, fills it, submits, and waits for the newer version. */
  async function runDialog(button: Locator, dialogId: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    const before = await caseVersion();
    await button.click();
    const dialog = page.getByTestId(`dialog-${dialogId}`);
    await dialog.waitFor();
    await fill?.(dialog);
    await dialog.getByTestId('dialog-submit').click();
    await newerThan(before);
    expect(await dialog.count()).toBe(0);
  }

  /** Text the clipboard holds, pasted into the focused element as Excel's copy would (browser-side code as a string: no DOM types here). */
  async function pasteIntoFocused(text: string): Promise<void> {
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(text)});
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
  }

  async function texts(locator: Locator): Promise<string[]> {
    return (await locator.allInnerTexts()).map((text) => text.trim());
  }

  async function attributes(locator: Locator, name: string): Promise<string[]> {
    const values: string[] = [];
    for (const element of await locator.all()) values.push((await element.getAttribute(name)) ?? '');
    return values;
  }

  async function inputValues(locator: Locator): Promise<string[]> {
    const values: string[] = [];
    for (const input of await locator.all()) values.push(await input.inputValue());
    return values;
  }

  const total = (name: string) => page.getByTestId(`total-${name}-value`);

  it('opens a construction-project case with its chain of parties from the 新建欠薪案件 page', async () => {
    await step('open-form', async () => {
      await loginAs(CASEWORKER);
      await page.getByTestId('nav-wage-open').click();
      await page.getByTestId('wage-open-form').waitFor();
      await page.getByTestId('respondent-project').click();
      await page.locator('#open-name').fill('金水区某安置房二期项目');
      await page.getByTestId('chain-0-name').fill('某置业公司');
      await page.getByTestId('chain-1-name').fill('某建工集团');
      await page.getByTestId('chain-add').click();
      await page.getByTestId('chain-2-role').selectOption('team_leader');
      await page.getByTestId('chain-2-name').fill('张某');
      await page.getByTestId('chain-2-credit-code').fill('123');
      expect(await page.locator('#open-district').inputValue()).toBe(JINSHUI);
    });
    await step('open-refused', async () => {
      await page.locator('#open-summary').fill('钢筋班组 3 人工资未结清');
      await page.locator('#open-summary').press('Control+Enter');
      await page.getByTestId('wage-open-error').waitFor();
      expect(await page.locator('[data-testid="chain-row"]').nth(2).innerText()).toContain('统一社会信用代码格式不正确');
    });
    await step('opened', async () => {
      await page.getByTestId('chain-2-credit-code').fill('');
      await page.getByTestId('wage-open-submit').click();
      await page.getByTestId('wage-case').waitFor();
      caseId = (await page.getByTestId('wage-case').getAttribute('data-case-id')) ?? '';
      expect(page.url()).toContain(`#/wage-cases/${caseId}`);
      expect(await page.getByTestId('chain').innerText()).toMatch(/建设单位：某置业公司[\s\S]*总承包单位：某建工集团[\s\S]*班组长：张某/);
      expect(await page.getByTestId('wage-case').getAttribute('data-status')).toBe('opened');
    });
  }, TEST_TIMEOUT);

  it('checks a pasted list of three workers row by row, adds none while one row is wrong, then adds all three', async () => {
    await step('paste-report', async () => {
      await page.getByTestId('grid-0-name').focus();
      await pasteIntoFocused(`${list('8000.555')}\n`);
      await page.getByTestId('import-report').waitFor();
      expect(await page.getByTestId('import-report').getAttribute('data-ok')).toBe('false');
      expect(await page.getByTestId('import-report-summary').innerText()).toBe('共 3 行，其中 1 行有问题');
      const rows = page.getByTestId('report-row');
      expect(await rows.getAttribute('data-row')).toBe('3');
      expect(await rows.innerText()).toMatch(/^第 3 行\s+主张金额须为以元计的金额/);
      expect(await page.getByTestId('import-confirm').count()).toBe(0);
      expect(await page.getByTestId('claimants-empty').count()).toBe(1);
    });
    await step('paste-added', async () => {
      await page.getByTestId('paste-list').fill(list('8000.5'));
      await page.getByTestId('paste-check').click();
      await page.locator('[data-testid="import-report"][data-ok="true"]').waitFor();
      expect(await page.getByTestId('import-report-summary').innerText()).toBe('共 3 行，全部通过检查');
      const before = await caseVersion();
      await page.getByTestId('import-confirm').click();
      await newerThan(before);
      expect(await page.getByTestId('wage-notice').innerText()).toBe('已添加 3 名申请人');
      expect(await attributes(page.getByTestId('claimant-row'), 'data-name')).toEqual(['赵大', '钱二', '孙三']);
      const zhao = page.locator('[data-testid="claimant-row"][data-name="赵大"]');
      expect(await zhao.innerText()).toContain('410105********0017'); // masked by the API, never in full
      expect(await zhao.innerText()).not.toContain('410105198001010017');
      expect(await zhao.getByTestId('limitation').getAttribute('data-standing')).toBe('warning');
      expect(await zhao.getByTestId('limitation-badge').innerText()).toBe('时效将届满');
      expect(await total('claimed').innerText()).toBe('¥25,000.50');
    });
  }, TEST_TIMEOUT);

  it('verifies each worker\'s amount and completes the verification', async () => {
    await step('verify', async () => {
      await page.getByTestId('wage-tab-verify').click();
      await runDialog(page.getByTestId('action-start-verification'), 'start-verification');
      await page.getByTestId('verify-fill').click();
      const row = (name: string) => page.locator(`[data-testid="verify-row"][data-name="${name}"]`);
      await row('赵大').getByTestId('verify-verified').fill('10000');
      await row('赵大').getByTestId('verify-basis').fill('考勤卡');
      await row('钱二').getByTestId('verify-basis').fill('欠条');
      await row('孙三').getByTestId('verify-basis').fill('工资条');
      const before = await caseVersion();
      await page.getByTestId('verify-save').click();
      await newerThan(before);
      expect(await texts(page.getByTestId('verified-amount'))).toEqual(['¥10,000.00', '¥8,000.50', '¥5,000.00']);
      await runDialog(page.getByTestId('action-complete-verification'), 'complete-verification');
      expect(await page.getByTestId('wage-case').getAttribute('data-status')).toBe('verified');
      expect(await total('verified').innerText()).toBe('¥23,000.50');
      expect(await total('outstanding').innerText()).toBe('¥23,000.50');
    });
  }, TEST_TIMEOUT);

  it('records a payment split evenly, with Save disabled while the shares do not add up to the fen', async () => {
    const dialog = page.getByTestId('payment-dialog');
    await step('payment-even', async () => {
      await page.getByTestId('wage-tab-money').click();
      await page.getByTestId('action-record-payment').click();
      await dialog.getByTestId('split-amount').fill('9000');
      await dialog.getByTestId('pay-payer').fill('某建工集团');
      expect(await dialog.getByTestId('split-even').getAttribute('aria-checked')).toBe('true');
      expect(await inputValues(dialog.getByTestId('allocation-share'))).toEqual(['3000.00', '3000.00', '3000.00']);
      expect(await dialog.getByTestId('dialog-submit').isEnabled()).toBe(true);
    });
    await step('payment-sum-off', async () => {
      await dialog.getByTestId('allocation-share').first().fill('2999.99');
      expect(await dialog.getByTestId('allocation-state').innerText()).toBe('分配合计比金额 ¥9,000.00 少 ¥0.01');
      expect(await dialog.getByTestId('allocation-sum').innerText()).toBe('¥8,999.99');
      expect(await dialog.getByTestId('dialog-submit').isDisabled()).toBe(true);
      await dialog.getByTestId('allocation-share').last().fill('5000.01'); // 孙三 is owed ¥5,000.00
      expect(await dialog.getByTestId('allocation-over').count()).toBe(1);
      expect(await dialog.getByTestId('dialog-submit').isDisabled()).toBe(true);
    });
    await step('payment-recorded', async () => {
      await dialog.getByTestId('split-even').click();
      expect(await dialog.getByTestId('allocation-state').innerText()).toBe('分配合计与金额 ¥9,000.00 一致');
      const before = await caseVersion();
      await dialog.getByTestId('dialog-submit').click();
      await newerThan(before);
      expect(await texts(page.getByTestId('payment-amount'))).toEqual(['¥9,000.00']);
      expect(await page.getByTestId('payment-row').innerText()).toMatch(/某建工集团[\s\S]*赵大 ¥3,000.00[\s\S]*钱二 ¥3,000.00[\s\S]*孙三 ¥3,000.00/);
      expect(await total('recovered').innerText()).toBe('¥9,000.00');
    });
  }, TEST_TIMEOUT);

  it('requests an emergency advance for one worker, which the supervisor approves from the approvals inbox', async () => {
    await step('advance-requested', async () => {
      await page.getByTestId('action-request-advance').click();
      const dialog = page.getByTestId('advance-dialog');
      await dialog.getByTestId('split-amount').fill('1000');
      await dialog.getByTestId('split-manual').click();
      for (const share of await dialog.getByTestId('allocation-share').all()) await share.fill('');
      await dialog.locator('[data-testid="allocation-row"][data-name="孙三"]').getByTestId('allocation-share').fill('1000');
      expect(await dialog.getByTestId('dialog-submit').isDisabled()).toBe(true); // no reason yet
      await dialog.getByTestId('advance-reason').fill('孙三家中困难，急需生活费');
      const before = await caseVersion();
      await dialog.getByTestId('dialog-submit').click();
      await newerThan(before);
      expect(await page.getByTestId('advance-status').innerText()).toBe('待审批');
    });
    const request = page.locator(`[data-testid="approval"][data-case-id="${caseId}"]`);
    await step('advance-in-inbox', async () => {
      await loginAs(SUPERVISOR);
      await page.getByTestId('nav-approvals').click();
      await page.getByTestId('approvals-page').waitFor();
      await eventually('approvals-refresh', async () => (await request.count()) > 0, 'the advance in the inbox');
      const text = await request.innerText();
      expect(text).toContain('应急周转金垫付');
      expect(await request.getByTestId('approval-amount').innerText()).toBe('¥1,000.00');
      expect(text).toContain('孙三家中困难，急需生活费');
      expect(await request.getByTestId('approval-case').getAttribute('href')).toBe(`#/wage-cases/${caseId}`);
      await request.getByTestId('approve').click();
      expect(await request.locator('.field-error').innerText()).toBe('请填写审批意见');
    });
    await step('advance-approved', async () => {
      await request.getByTestId('decision-reason').fill('同意垫付，后续追回款优先归还周转金');
      await request.getByTestId('approve').click();
      await page.getByTestId('approvals-notice').waitFor();
      expect(await page.getByTestId('approvals-notice').innerText()).toContain('已批准垫付');
      await request.getByTestId('approval-case').waitFor({ state: 'detached' });
      await page.goto(`${app.url}/#/wage-cases/${caseId}/money`);
      expect(await page.getByTestId('advance-status').innerText()).toBe('已垫付');
      expect(await total('advanced').innerText()).toBe('¥1,000.00');
    });
  }, TEST_TIMEOUT);

  it('records the rest pro rata to what each worker is still owed, shows the ledger totals and exports it to Excel', async () => {
    await step('payment-pro-rata', async () => {
      await loginAs(CASEWORKER);
      await page.goto(`${app.url}/#/wage-cases/${caseId}/money`);
      await page.getByTestId('action-record-payment').click();
      const dialog = page.getByTestId('payment-dialog');
      await dialog.getByTestId('split-amount').fill('14,000.50');
      await dialog.getByTestId('pay-payer').fill('某置业公司');
      await dialog.getByTestId('split-pro_rata').click();
      expect(await inputValues(dialog.getByTestId('allocation-share'))).toEqual(['7000.00', '5000.50', '2000.00']);
      expect(await dialog.getByTestId('allocation-state').innerText()).toBe('分配合计与金额 ¥14,000.50 一致');
      const before = await caseVersion();
      await dialog.getByTestId('dialog-submit').click();
      await newerThan(before);
      expect(await total('recovered').innerText()).toBe('¥23,000.50');
      expect(await total('outstanding').innerText()).toBe('¥0.00');
      expect(await page.locator('[data-testid="payment-row"]').last().innerText()).toContain('孙三 ¥2,000.00（其中 ¥1,000.00 归还周转金）');
    });
    await step('ledger', async () => {
      await page.getByTestId('wage-tab-ledger').click();
      await page.getByTestId('ledger-table').waitFor();
      const totals = page.getByTestId('ledger-totals');
      const cell = (column: string) => totals.locator(`[data-column="${column}"]`).innerText();
      expect(await totals.innerText()).toContain('合计（3 人）');
      expect([await cell('claimed'), await cell('verified'), await cell('recovered'), await cell('advanced'), await cell('reimbursed'), await cell('outstanding')])
        .toEqual(['¥25,000.50', '¥23,000.50', '¥23,000.50', '¥1,000.00', '¥1,000.00', '¥0.00']);
      expect(await page.getByTestId('print-head').innerText()).toContain('金水区某安置房二期项目');
    });
    await step('ledger-exported', async () => {
      const [download, response] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForResponse((r) => r.url().endsWith(`/api/wage-cases/${caseId}/ledger.xlsx`)),
        page.getByTestId('ledger-export').click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.request().url()).not.toContain('token');
      expect(download.suggestedFilename()).toBe('分户台账-金水区某安置房二期项目.xlsx');
      const [sheet] = await readXlsxFile((await download.path())!);
      expect(sheet.data.at(-1)?.slice(0, 9)).toEqual(['合计', '3 人', null, 25_000.5, 23_000.5, 23_000.5, 1_000, 1_000, 0]);
    });
  }, TEST_TIMEOUT);

  it('closes the case as fully recovered with a reason, and lists it with its progress', async () => {
    await step('closed', async () => {
      await runDialog(page.getByTestId('action-close-fully-recovered'), 'close-fully_recovered', async (dialog) => {
        await dialog.getByTestId('dialog-submit').click();
        expect(await dialog.getByTestId('error-wage-field-reason').innerText()).toBe('请填写此项');
        await dialog.getByTestId('wage-field-reason').fill('三名工人的工资已全部追回，周转金已归还');
      });
      expect(await page.getByTestId('wage-case').getAttribute('data-status')).toBe('closed');
      expect(await page.getByTestId('closure-outcome').innerText()).toBe('全额追回');
      expect(await attributes(page.locator('[data-testid="wage-header"] button'), 'data-testid')).toEqual(['action-reopen']);
    });
    await step('case-list', async () => {
      await page.getByTestId('nav-cases').click();
      await page.locator('#filter-kind').selectOption('wage_case');
      const row = page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
      await eventually('cases-refresh', async () => (await row.count()) > 0 && (await row.getByTestId('status').innerText()) === '已结案', 'the closed case in the list');
      expect(await row.getByTestId('wage-progress').innerText()).toContain('已追回 ¥23,000.50 / 核实 ¥23,000.50');
      await row.locator('a').click();
      await page.getByTestId('wage-case').waitFor();
    });
  }, TEST_TIMEOUT);

  it('shows a caseworker of 二七区 "not found" at the 金水区 case\'s address, exactly as for a case that does not exist', async () => {
    await step('other-district-not-found', async () => {
      await loginAs(ERQI_CASEWORKER);
      await page.goto(`${app.url}/#/wage-cases/${caseId}`);
      await page.getByTestId('wage-case-not-found').waitFor();
      const hidden = await page.getByTestId('wage-case-not-found').innerText();
      expect(hidden).toContain('未找到欠薪案件');
      expect(hidden).not.toContain('金水区某安置房二期项目');
      await page.goto(`${app.url}/#/wage-cases/${randomUUID()}`);
      await page.getByTestId('wage-case-not-found').waitFor();
      expect(await page.getByTestId('wage-case-not-found').innerText()).toBe(hidden);
    });
  }, TEST_TIMEOUT);

  it('turns a hotline complaint about unpaid wages into a wage case and recovers it in full; the complaint learns the outcome', async () => {
    const caseworker = await tokenOf(CASEWORKER);
    const received = await call(caseworker, 'POST', '/api/complaints', {
      channel: 'phone', caller: { name: '冯师傅', phone: '13700001234' }, workersAffected: 1,
      employer: { name: '郑州某物业服务有限公司', district: JINSHUI }, category: 'pay', type: 'request_for_action',
      summary: '来电反映物业公司拖欠保洁员两个月工资。',
    });
    expect(received.status).toBe(201);
    const complaintId: string = received.body.id;
    await step('escalate', async () => {
      await loginAs(CASEWORKER);
      await page.goto(`${app.url}/#/complaints/${complaintId}`);
      await page.getByTestId('action-escalate').click();
      const dialog = page.getByTestId('escalate-dialog');
      expect(await dialog.getByTestId('escalate-summary').inputValue()).toBe('来电反映物业公司拖欠保洁员两个月工资。');
      await dialog.getByTestId('dialog-submit').click();
      await page.getByTestId('wage-case').waitFor();
      expect(await page.getByTestId('wage-header').innerText()).toContain('郑州某物业服务有限公司');
      expect(await page.getByTestId('source-complaint').getAttribute('href')).toBe(`#/complaints/${complaintId}`);
    });
    await step('escalated-claimant-typed', async () => {
      await page.getByTestId('grid-0-name').fill('冯师傅');
      await page.getByTestId('grid-0-phone').fill('13700001234');
      await page.getByTestId('grid-0-workedFrom').fill(STARTED);
      await page.getByTestId('grid-0-workedUntil').fill(LEFT);
      await page.getByTestId('grid-0-claimed').fill('6400');
      await page.getByTestId('grid-0-claimed').press('Enter'); // a new row, the cursor in its first cell
      await page.getByTestId('grid-1-name').waitFor();
      expect(await page.evaluate('document.activeElement?.id')).toBe('grid-1-name');
      const before = await caseVersion();
      await page.keyboard.press('Control+Enter'); // the empty row is left out
      await newerThan(before);
      expect(await attributes(page.getByTestId('claimant-row'), 'data-name')).toEqual(['冯师傅']);
    });
    await step('escalated-claimant-uploaded', async () => {
      const sheet = [['姓名', '入职日期', '离职日期', '主张金额（元）'], ['冯嫂', STARTED, LEFT, '3600']].map((row) => row.map((value) => ({ value })));
      const buffer = await writeXlsxFile(sheet).toBuffer();
      await page.getByTestId('upload-input').setInputFiles({ name: '名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
      await page.locator('[data-testid="import-report"][data-ok="true"]').waitFor();
      expect(await page.getByTestId('import-report-summary').innerText()).toBe('共 1 行，全部通过检查');
      const before = await caseVersion();
      await page.getByTestId('import-confirm').click();
      await newerThan(before);
      expect(await attributes(page.getByTestId('claimant-row'), 'data-name')).toEqual(['冯师傅', '冯嫂']);
    });
    await step('escalated-recovered', async () => {
      await page.getByTestId('wage-tab-verify').click();
      await runDialog(page.getByTestId('action-start-verification'), 'start-verification');
      await page.getByTestId('verify-fill').click();
      for (const basis of await page.getByTestId('verify-basis').all()) await basis.fill('工资条');
      const before = await caseVersion();
      await page.getByTestId('verify-save').click();
      await newerThan(before);
      await runDialog(page.getByTestId('action-complete-verification'), 'complete-verification');
      await page.getByTestId('wage-tab-money').click();
      await page.getByTestId('action-record-payment').click();
      const dialog = page.getByTestId('payment-dialog');
      await dialog.getByTestId('split-amount').fill('10000');
      expect(await dialog.getByTestId('pay-payer').inputValue()).toBe('郑州某物业服务有限公司');
      expect(await inputValues(dialog.getByTestId('allocation-share'))).toEqual(['6400.00', '3600.00']); // evenly, within what each is owed
      const paid = await caseVersion();
      await dialog.getByTestId('dialog-submit').click();
      await newerThan(paid);
      await runDialog(page.getByTestId('action-close-fully-recovered'), 'close-fully_recovered', (d) => d.getByTestId('wage-field-reason').fill('物业公司已支付全部工资'));
      expect(await page.getByTestId('closure-outcome').innerText()).toBe('全额追回');
    });
    await step('complaint-learns-outcome', async () => {
      await page.getByTestId('source-complaint').click();
      await page.getByTestId('complaint-detail').waitFor();
      const outcome = page.getByTestId('linked-outcome');
      const deadline = Date.now() + 20_000;
      while ((await outcome.count()) === 0) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the outcome on the complaint');
        await page.waitForTimeout(500);
        await page.reload();
        await page.getByTestId('complaint-detail').waitFor();
      }
      expect(await outcome.innerText()).toBe('全额追回：核实 10,000.00 元，追回 10,000.00 元，垫付 0.00 元');
      expect(await page.getByTestId('linked-wage_case').getAttribute('href')).toMatch(/^#\/wage-cases\//);
    });
  }, TEST_TIMEOUT);
});
