/**
 * Evidence files in the web console, in a real browser (issue 19): on a phone (390×844) a caseworker
 * opens a wage case, attaches photos of a worker's attendance cards (考勤卡) — a text file named .jpg
 * among them is refused by the server, the refusal shown in Chinese beside that file — sees them listed
 * with their thumbnails and the count beside the worker, previews one, downloads it, withdraws another
 * with a reason; then the same page on a PC (1440×900). Never wider than the screen.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Download, Locator, Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const JINSHUI = '410105';
const CASEWORKER = { username: 'zhou.evidence', password: 'e2e-Evidence-passw0rd', displayName: '周敏', role: 'caseworker', orgUnitId: JINSHUI };

/** A photo as a phone would send it: a real JPEG, made here so no binary sits in the repository. */
function photo(width: number, height: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 80 }).toBuffer();
}

suite('web console: evidence files on a case (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let caseId = '';
  let claimantId = '';
  let complaintId = '';
  let fileId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'attachments', adminPassword: ADMIN.password, pageErrors, viewport: { width: 390, height: 844 }, acceptDownloads: true, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      const created = await admin.post('/api/users', CASEWORKER);
      if (created.status !== 201) throw new Error(`could not create ${CASEWORKER.username}: ${created.status} ${JSON.stringify(created.body)}`);
      const caseworker = await ApiClient.login(app.url, CASEWORKER.username, CASEWORKER.password);
      const opened = await caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '郑州某建筑劳务公司', district: JINSHUI }, summary: '钢筋工三个月工资未付' });
      if (opened.status !== 201) throw new Error(`wage case: ${opened.status} ${JSON.stringify(opened.body)}`);
      caseId = opened.body.id;
      const added = await caseworker.post(`/api/wage-cases/${caseId}/claimants`, { claimants: [
        { name: '赵大', workedFrom: '2025-09-01', workedUntil: '2025-12-31', claimed: 1_200_000 },
        { name: '钱二', workedFrom: '2025-09-01', workedUntil: '2025-12-31', claimed: 900_000 },
      ] });
      if (added.status >= 300) throw new Error(`claimants: ${added.status} ${JSON.stringify(added.body)}`);
      const complaint = await caseworker.post('/api/complaints', complaintFrom({ name: '孙丽', phone: '13655550001' }, '郑州丙纺织有限公司'));
      if (complaint.status !== 201) throw new Error(`complaint: ${complaint.status} ${JSON.stringify(complaint.body)}`);
      complaintId = complaint.body.id;
      const file = await caseworker.post('/api/hardship-files', {
        source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
        head: { name: '陈某', idNumber: '410105198001010017', phone: '13700001111', employer: '郑州某纺织厂', unionMember: true },
        members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
      });
      if (file.status !== 201) throw new Error(`hardship file: ${file.status} ${JSON.stringify(file.body)}`);
      fileId = file.body.id;
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('attachments', () => page, pageErrors);
  const fitsScreen = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
  const attachment = (name: string): Locator => page.locator(`[data-testid="attachment"][data-name="${name}"]`);
  const chosen = (name: string): Locator => page.locator(`[data-testid="attach-chosen-file"][data-name="${name}"]`);
  /** The dialog is inside the screen, its buttons reachable without scrolling sideways. */
  const dialogFits = () => page.evaluate(`(() => { const r = document.querySelector('dialog[open]').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth; })()`);

  it('lets a caseworker on a phone attach, preview, download and withdraw a worker\'s evidence, refusing a text file named .jpg beside it', async () => {
    const card = await photo(1200, 1600, '#d9c27a');
    const site = await photo(1600, 900, '#6b8fb5');
    const claimant = (name: string) => page.locator(`[data-testid="claimant-row"][data-name="${name}"]`);

    await step('phone-claimants', async () => {
      const answer = await fetch(`${app.url}/`);
      // The preview is shown from a blob: URL: images and frames may load from blob:, plugins still nowhere.
      expect(answer.headers.get('content-security-policy')).toContain("frame-src 'self' blob:");
      expect(answer.headers.get('content-security-policy')).toContain("img-src 'self' data: blob:");
      expect(answer.headers.get('content-security-policy')).toContain("object-src 'none'");
      await logInThroughConsole(page, app.url, CASEWORKER);
      await page.goto(`${app.url}/#/wage-cases/${caseId}/claimants`);
      await page.getByTestId('attachments-empty').waitFor();
      claimantId = (await claimant('赵大').getAttribute('data-claimant-id')) ?? '';
      expect(await claimant('赵大').getByTestId('claimant-files').innerText()).toBe('材料 0');
      expect(await fitsScreen()).toBe(true);
    });

    await step('phone-refused-file', async () => {
      await page.getByTestId('attach-open').click();
      await page.getByTestId('attach-dialog').waitFor();
      await waitForExpression(page, `document.querySelectorAll('[data-testid="attach-kind"] option').length > 5`);
      await page.getByTestId('attach-kind').selectOption({ label: '考勤卡' });
      await page.getByTestId('attach-person').selectOption(`claimant:${claimantId}`);
      await page.getByTestId('attach-note').fill('2025年9—12月考勤卡');
      // Two files at once: the picker is `multiple`; the camera is its own input taking images only.
      expect(await page.getByTestId('attach-files').getAttribute('multiple')).not.toBeNull();
      expect(await page.getByTestId('attach-camera-input').getAttribute('capture')).toBe('environment');
      expect(await page.getByTestId('attach-camera-input').getAttribute('accept')).toBe('image/*');
      await page.getByTestId('attach-files').setInputFiles([
        { name: 'card.jpg', mimeType: 'image/jpeg', buffer: card },
        { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片，只是一段文字。\n'.repeat(20)) },
      ]);
      expect(await chosen('card.jpg').innerText()).toMatch(/KB/);
      await page.getByTestId('attach-submit').click();
      await chosen('notes.jpg').getByTestId('attach-file-error').waitFor();
      expect(await chosen('notes.jpg').getByTestId('attach-file-error').innerText()).toMatch(/notes\.jpg|类型/);
      expect(await chosen('notes.jpg').getByTestId('attach-file-error').innerText()).toMatch(/[\u4e00-\u9fff]/);
      expect(await chosen('card.jpg').getByTestId('attach-file-error').count()).toBe(0);
      expect(await dialogFits()).toBe(true);
      expect(await fitsScreen()).toBe(true);
    });

    await step('phone-attached', async () => {
      await chosen('notes.jpg').getByTestId('attach-remove').click();
      await page.getByTestId('attach-files').setInputFiles([{ name: 'site.jpg', mimeType: 'image/jpeg', buffer: site }]);
      await page.getByTestId('attach-submit').click();
      await page.getByTestId('attach-dialog').waitFor({ state: 'detached' });
      await attachment('card.jpg').waitFor();
      await attachment('site.jpg').waitFor();
      expect(await page.getByTestId('attachments-notice').innerText()).toBe('已添加 2 个文件');
      expect(await attachment('card.jpg').getByTestId('attachment-kind').innerText()).toBe('考勤卡');
      expect(await attachment('card.jpg').innerText()).toContain('2025年9—12月考勤卡');
      expect(await attachment('card.jpg').innerText()).toContain('周敏');
      expect(await attachment('card.jpg').getByTestId('attachment-person').innerText()).toMatch(/^涉及：赵\*?/);
      // Thumbnails drawn from the server's preview, through blob: URLs.
      await waitForExpression(page, `[...document.querySelectorAll('[data-testid="attachment-thumb-image"]')].filter((i) => i.complete && i.naturalWidth > 0 && i.src.startsWith('blob:')).length === 2`);
      expect(await claimant('赵大').getByTestId('claimant-files').innerText()).toBe('材料 2');
      expect(await claimant('钱二').getByTestId('claimant-files').innerText()).toBe('材料 0');
      expect(await fitsScreen()).toBe(true);
    });

    await step('phone-preview', async () => {
      await attachment('card.jpg').getByTestId('attachment-preview-open').click();
      await page.getByTestId('attachment-preview').waitFor();
      await waitForExpression(page, `(() => { const i = document.querySelector('[data-testid="attachment-preview-image"]'); return !!i && i.complete && i.naturalWidth > 0; })()`);
      // The server's re-encoded copy: at most 1600 px on the long side, the shape of the photo kept.
      const size = await page.evaluate(`(() => { const i = document.querySelector('[data-testid="attachment-preview-image"]'); return { w: i.naturalWidth, h: i.naturalHeight }; })()`) as { w: number; h: number };
      expect(Math.max(size.w, size.h)).toBeLessThanOrEqual(1600);
      expect(size.w / size.h).toBeCloseTo(1200 / 1600, 2);
      expect(await dialogFits()).toBe(true);
    });

    await step('phone-download', async () => {
      const [file] = (await Promise.all([page.waitForEvent('download'), page.getByTestId('attachment-preview-download').click()])) as [Download, unknown];
      expect(file.suggestedFilename()).toBe('card.jpg');
      const path = join(tmpdir(), `attachments-${Date.now()}-card.jpg`);
      await file.saveAs(path);
      const bytes = readFileSync(path);
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      expect((await sharp(bytes).metadata()).width).toBe(1200);
      await page.getByTestId('attachment-preview').getByRole('button', { name: '关闭' }).last().click();
      await page.getByTestId('attachment-preview').waitFor({ state: 'detached' });
    });

    await step('phone-withdrawn', async () => {
      await attachment('site.jpg').getByTestId('attachment-withdraw').click();
      await page.getByTestId('attachment-withdraw-dialog').waitFor();
      await page.getByTestId('attachment-withdraw-ok').click();
      expect(await page.getByTestId('error-attachment-withdraw-reason').innerText()).toBe('请填写撤回理由');
      await page.getByTestId('attachment-withdraw-reason').fill('与考勤卡重复，误传现场照片');
      await page.getByTestId('attachment-withdraw-ok').click();
      await page.getByTestId('attachment-withdraw-dialog').waitFor({ state: 'detached' });
      await waitForExpression(page, `document.querySelector('[data-testid="attachment"][data-name="site.jpg"]')?.dataset.withdrawn === 'true'`);
      expect(await attachment('site.jpg').getByTestId('attachment-withdrawal').innerText()).toContain('与考勤卡重复，误传现场照片');
      expect(await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="attachment"][data-name="site.jpg"] .attachment-name')).textDecorationLine`)).toBe('line-through');
      expect(await attachment('site.jpg').getByTestId('attachment-download').count()).toBe(0);
      expect(await claimant('赵大').getByTestId('claimant-files').innerText()).toBe('材料 1');
      expect(await fitsScreen()).toBe(true);
    });

    await step('phone-filtered', async () => {
      await claimant('钱二').getByTestId('claimant-files').click();
      await page.getByTestId('attachments-empty').waitFor();
      await page.getByTestId('attachment-filter-all').click();
      expect(await page.getByTestId('attachment').count()).toBe(2);
    });
  }, 150_000);

  it('shows the same files on a PC, beside the ledger too', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await step('pc-claimants', async () => {
      await page.goto(`${app.url}/#/wage-cases/${caseId}/claimants`);
      await attachment('card.jpg').waitFor();
      await waitForExpression(page, `[...document.querySelectorAll('[data-testid="attachment-thumb-image"]')].some((i) => i.complete && i.naturalWidth > 0)`);
      expect(await fitsScreen()).toBe(true);
    });
    await step('pc-ledger', async () => {
      await page.goto(`${app.url}/#/wage-cases/${caseId}/ledger`);
      await page.getByTestId('ledger-table').waitFor();
      await attachment('card.jpg').waitFor();
      expect(await page.getByTestId('attachment').count()).toBe(2);
      expect(await fitsScreen()).toBe(true);
    });
    await step('pc-preview', async () => {
      await attachment('card.jpg').getByTestId('attachment-thumb').click();
      await waitForExpression(page, `(() => { const i = document.querySelector('[data-testid="attachment-preview-image"]'); return !!i && i.complete && i.naturalWidth > 0; })()`);
    });
  }, 90_000);

  it('describes the file events in Chinese in the case history, with the kind, the name and the masked person', async () => {
    await step('pc-history', async () => {
      await page.goto(`${app.url}/#/wage-cases/${caseId}/history`);
      const added = page.locator('[data-testid="timeline-entry"][data-event-type="AttachmentAdded"]');
      const withdrawn = page.locator('[data-testid="timeline-entry"][data-event-type="AttachmentWithdrawn"]');
      await waitForExpression(page, `[...document.querySelectorAll('[data-event-type="AttachmentAdded"]')].some((e) => e.innerText.includes('考勤卡 card.jpg（赵'))`);
      expect(await added.count()).toBe(2);
      const card = (await added.allInnerTexts()).find((text) => text.includes('card.jpg'))!;
      expect(card).toContain('添加证据材料');
      expect(card).toMatch(/考勤卡 card\.jpg（赵\*+）/);
      expect(card).not.toMatch(/AttachmentAdded|claimant:/);
      expect(await withdrawn.innerText()).toContain('撤回证据材料');
      expect(await withdrawn.innerText()).toContain('site.jpg');
      expect(await withdrawn.innerText()).toContain('与考勤卡重复，误传现场照片');
      expect(await fitsScreen()).toBe(true);
    });
  }, 60_000);

  it('offers the same panel on a complaint (the caller) and on a hardship file (the head and each member)', async () => {
    const card = await photo(800, 600, '#8fb56b');
    await step('pc-complaint', async () => {
      await page.goto(`${app.url}/#/complaints/${complaintId}`);
      await page.getByTestId('attachments-empty').waitFor();
      await page.getByTestId('attach-open').click();
      expect(await page.getByTestId('attach-person').locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['', 'caller']);
      await page.getByTestId('attach-dialog').getByRole('button', { name: '取消' }).click();
    });
    await step('pc-hardship-file', async () => {
      await page.goto(`${app.url}/#/hardship-files/${fileId}`);
      await page.getByTestId('attachments-empty').waitFor();
      await page.getByTestId('attach-open').click();
      await waitForExpression(page, `document.querySelectorAll('[data-testid="attach-kind"] option').length > 5`);
      expect(await page.getByTestId('attach-person').locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['', 'head', 'member:1']);
      await page.getByTestId('attach-kind').selectOption({ label: '入户核查表' });
      await page.getByTestId('attach-person').selectOption('member:1');
      await page.getByTestId('attach-files').setInputFiles([{ name: 'visit.jpg', mimeType: 'image/jpeg', buffer: card }]);
      await page.getByTestId('attach-submit').click();
      await attachment('visit.jpg').waitFor();
      expect(await attachment('visit.jpg').getByTestId('attachment-kind').innerText()).toBe('入户核查表');
      expect(await attachment('visit.jpg').getByTestId('attachment-person').innerText()).toMatch(/^涉及：陈\*/);
      expect(await fitsScreen()).toBe(true);
    });
  }, 90_000);
});
