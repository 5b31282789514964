/**
 * The evidence kinds administrators keep (issue 19, point 1), in a real browser: on a PC (1440×900) the
 * administrator adds 银行流水 to 证据材料类型 and retires 欠条, each with a reason, and reads both in the
 * change list; the same page on a phone (390×844) stays within the screen. Then a caseworker on a phone
 * opens a wage case's upload form: 银行流水 is offered, 欠条 is not, and a file of the new kind is taken.
 */
import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const JINSHUI = '410105';
const CASEWORKER = { username: 'zhou.kinds', password: 'e2e-Kinds-passw0rd', displayName: '周敏', role: 'caseworker', orgUnitId: JINSHUI };

suite('web console: the administrator keeps the evidence kinds, and the upload form follows (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let caseId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'evidence-kinds', adminPassword: ADMIN.password, pageErrors, prepare: async (started) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      const created = await admin.post('/api/users', CASEWORKER);
      if (created.status !== 201) throw new Error(`could not create ${CASEWORKER.username}: ${created.status} ${JSON.stringify(created.body)}`);
      const caseworker = await ApiClient.login(app.url, CASEWORKER.username, CASEWORKER.password);
      const opened = await caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '郑州某建筑劳务公司', district: JINSHUI }, summary: '钢筋工三个月工资未付' });
      if (opened.status !== 201) throw new Error(`wage case: ${opened.status} ${JSON.stringify(opened.body)}`);
      caseId = opened.body.id;
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('evidence-kinds', () => page, pageErrors);
  const fitsScreen = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
  const row = (code: string): Locator => page.locator(`[data-testid="reference-row"][data-code="${code}"]`);
  const change = (code: string, kind: string): Locator => page.locator(`[data-testid="reference-change"][data-code="${code}"][data-change="${kind}"]`);

  async function submitChange(values: Record<string, string>): Promise<void> {
    const dialog = page.getByTestId('reference-dialog');
    for (const [name, value] of Object.entries(values)) await dialog.locator(`#reference-${name}`).fill(value);
    await dialog.getByTestId('reference-submit').click();
    await page.getByTestId('reference-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('reference-notice').waitFor();
  }

  async function openEvidenceKinds(): Promise<void> {
    await page.getByTestId('nav-reference').click();
    await page.getByTestId('reference-page').waitFor();
    await page.getByTestId('reference-list').selectOption('evidenceKinds');
    await row('attendance_card').waitFor();
  }

  it('lets the administrator add a kind and retire one, each with a reason the change list shows', async () => {
    await step('pc-kinds-listed', async () => {
      await logInThroughConsole(page, app.url, ADMIN);
      await openEvidenceKinds();
      expect(await page.getByTestId('reference-row').count()).toBe(11);
      expect(await row('iou').getByTestId('reference-label').innerText()).toBe('欠条');
      expect(await page.getByTestId('reference-page').innerText()).toContain('停用的类型不能用于新上传的文件');
      // Chinese labels only: no English column standing empty.
      expect(await page.getByTestId('reference-table').locator('th').allInnerTexts()).not.toContain('英文名称');
    });

    await step('pc-kind-added', async () => {
      await page.getByTestId('reference-add').click();
      // Chinese labels only: no English name asked for.
      expect(await page.getByTestId('reference-dialog').locator('#reference-labelEn').count()).toBe(0);
      await page.locator('#reference-code').fill('bank_statement');
      await page.locator('#reference-label').fill('银行流水');
      await page.getByTestId('reference-submit').click();
      expect(await page.getByTestId('error-reference-reason').innerText()).toBe('请填写变更理由');
      await submitChange({ reason: '工资经银行代发的案件需要流水' });
      expect(await page.getByTestId('reference-notice').innerText()).toBe('已新增“银行流水”');
      await row('bank_statement').waitFor();
      expect(await row('bank_statement').getAttribute('data-active')).toBe('true');
      expect(await page.getByTestId('reference-row').count()).toBe(12);
    });

    await step('pc-kind-retired', async () => {
      await row('iou').getByTestId('reference-retire').click();
      await submitChange({ reason: '并入“其他”，欠条原件由当事人保管' });
      expect(await page.getByTestId('reference-notice').innerText()).toBe('已停用“欠条”');
      await page.locator('[data-testid="reference-row"][data-code="iou"][data-active="false"]').waitFor();
      expect(await row('iou').getByTestId('reference-restore').count()).toBe(1);
    });

    await step('pc-change-list', async () => {
      await change('iou', 'retired').waitFor();
      const added = await change('bank_statement', 'added').innerText();
      expect(added).toContain('新增');
      expect(added).toContain('银行流水');
      expect(added).toContain('工资经银行代发的案件需要流水');
      expect(added).toContain('admin');
      // The kinds have no English label: nothing like "银行流水 / undefined" in the list.
      expect(added).not.toMatch(/undefined| \/ /);
      const retired = await change('iou', 'retired').innerText();
      expect(retired).toContain('停用');
      expect(retired).toContain('并入“其他”，欠条原件由当事人保管');
      // Newest first.
      expect(await page.getByTestId('reference-change').first().getAttribute('data-code')).toBe('iou');
      expect(await fitsScreen()).toBe(true);
    });
  }, 90_000);

  it('keeps the evidence kinds page within a phone\'s screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await step('phone-kinds', async () => {
      await page.goto(`${app.url}/#/`);
      await openEvidenceKinds();
      await row('bank_statement').waitFor();
      await change('iou', 'retired').waitFor();
      expect(await fitsScreen()).toBe(true);
    });
  }, 60_000);

  it('offers a caseworker\'s upload form the new kind and not the retired one, and takes a file of the new kind', async () => {
    const statement = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#f0f0f0' } }).jpeg().toBuffer();
    await step('phone-upload-form', async () => {
      await logInThroughConsole(page, app.url, CASEWORKER);
      await page.goto(`${app.url}/#/wage-cases/${caseId}/claimants`);
      await page.getByTestId('attachments-empty').waitFor();
      await page.getByTestId('attach-open').click();
      await page.getByTestId('attach-dialog').waitFor();
      await waitForExpression(page, `document.querySelectorAll('[data-testid="attach-kind"] option').length > 5`);
      const offered = await page.getByTestId('attach-kind').locator('option').allInnerTexts();
      expect(offered).toContain('银行流水');
      expect(offered).not.toContain('欠条');
      expect(offered).toContain('考勤卡');
      expect(await fitsScreen()).toBe(true);
    });
    await step('phone-new-kind-attached', async () => {
      await page.getByTestId('attach-kind').selectOption({ label: '银行流水' });
      await page.getByTestId('attach-files').setInputFiles([{ name: 'statement.jpg', mimeType: 'image/jpeg', buffer: statement }]);
      await page.getByTestId('attach-submit').click();
      await page.getByTestId('attach-dialog').waitFor({ state: 'detached' });
      const file = page.locator('[data-testid="attachment"][data-name="statement.jpg"]');
      await file.waitFor();
      expect(await file.getByTestId('attachment-kind').innerText()).toBe('银行流水');
      expect(await fitsScreen()).toBe(true);
    });
  }, 90_000);
});
