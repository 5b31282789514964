/**
 * The person journey lists a person's files by case (issue 19, point 5), in a real browser: 陈某 is
 * the head of a hardship file and a claimant of a wage case; each case holds a file that concerns him,
 * files that concern others (a household member, a fellow worker) and, in the wage case, one of his
 * that was withdrawn. A caseworker on a phone (390×844) and a supervisor on a PC (1440×900) look him up
 * by ID number: each case by its readable number (never its id), his files right under it and only
 * his, the withdrawn one marked; a preview opens from the journey. Never wider than the screen.
 */
import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const JINSHUI = '410105';
const CASEWORKER = { username: 'zhou.journey', password: 'e2e-Journey-passw0rd', displayName: '周敏', role: 'caseworker', orgUnitId: JINSHUI };
const SUPERVISOR = { username: 'sun.journey', password: 'e2e-Super-passw0rd', displayName: '孙伟', role: 'supervisor', orgUnitId: JINSHUI };
const CHEN = { name: '陈某', idNumber: '410105198001010017', phone: '13700001111' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CASE_NUMBER = /^[A-Z]{2,}(-\d{6})?-\d{4}-\d{4,}$/;

function photo(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: colour } }).jpeg({ quality: 80 }).toBuffer();
}

/** One file sent as the console sends it; the attachment's id back. */
async function upload(client: ApiClient, path: string, fields: Record<string, string>, name: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('files', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${client.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': crypto.randomUUID() }, body: form });
  const body = await response.json() as { items: { id: string }[] };
  if (response.status !== 201) throw new Error(`upload ${name}: ${response.status} ${JSON.stringify(body)}`);
  return body.items[0].id;
}

suite('web console: a person\'s files by case on the person journey (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let wageId = '';
  let fileId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'person-files', adminPassword: ADMIN.password, pageErrors, viewport: { width: 390, height: 844 }, prepare: async (started) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [CASEWORKER, SUPERVISOR]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const caseworker = await ApiClient.login(app.url, CASEWORKER.username, CASEWORKER.password);
      const file = await caseworker.post('/api/hardship-files', {
        source: { kind: 'application' }, district: JINSHUI, causes: ['illness'], monthlyHouseholdIncome: 240_000,
        head: { ...CHEN, employer: '郑州某纺织厂', unionMember: true },
        members: [{ name: '陈妻', relation: '配偶', age: 44, health: '尿毒症' }],
      });
      if (file.status !== 201) throw new Error(`hardship file: ${file.status} ${JSON.stringify(file.body)}`);
      fileId = file.body.id;
      const opened = await caseworker.post('/api/wage-cases', { source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '郑州某建筑劳务公司', district: JINSHUI }, summary: '钢筋工三个月工资未付' });
      if (opened.status !== 201) throw new Error(`wage case: ${opened.status} ${JSON.stringify(opened.body)}`);
      wageId = opened.body.id;
      const added = await caseworker.post(`/api/wage-cases/${wageId}/claimants`, { claimants: [
        { ...CHEN, workedFrom: '2025-09-01', workedUntil: '2025-12-31', claimed: 1_200_000 },
        { name: '钱二', workedFrom: '2025-09-01', workedUntil: '2025-12-31', claimed: 900_000 },
      ] });
      if (added.status >= 300) throw new Error(`claimants: ${added.status} ${JSON.stringify(added.body)}`);
      const [chen, qian] = added.body.claimantIds as string[];

      const hardship = `/api/hardship-files/${fileId}/attachments`;
      await upload(caseworker, hardship, { kind: 'home_visit_form', person: 'head' }, 'visit.jpg', await photo('#d9c27a'));
      await upload(caseworker, hardship, { kind: 'identity_proof', person: 'member:1' }, 'wife-id.jpg', await photo('#c0c0c0'));
      const wage = `/api/wage-cases/${wageId}/attachments`;
      await upload(caseworker, wage, { kind: 'attendance_card', person: `claimant:${chen}` }, 'card.jpg', await photo('#6b8fb5'));
      await upload(caseworker, wage, { kind: 'pay_slip', person: `claimant:${qian}` }, 'qian-slip.jpg', await photo('#8fb56b'));
      await upload(caseworker, wage, { kind: 'site_photo' }, 'site.jpg', await photo('#b56b8f'));
      const wrong = await upload(caseworker, wage, { kind: 'iou', person: `claimant:${chen}` }, 'wrong-iou.jpg', await photo('#333333'));
      const withdrawn = await caseworker.post(`${wage}/${wrong}/withdraw`, { reason: '误传了别的工人的欠条' });
      if (withdrawn.status >= 300) throw new Error(`withdraw: ${withdrawn.status} ${JSON.stringify(withdrawn.body)}`);
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('person-files', () => page, pageErrors);
  const fitsScreen = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
  const row = (caseId: string): Locator => page.locator(`[data-testid="journey-row"][data-case-id="${caseId}"]`);
  const files = (caseId: string): Locator => page.locator(`[data-testid="journey-files"][data-case-id="${caseId}"]`);
  const names = (caseId: string) => files(caseId).getByTestId('journey-file').evaluateAll((items) => items.map((i) => i.getAttribute('data-name')).sort());
  /** The files block is the row right after its case's row: grouped by case, not one list of everything. */
  const underItsCase = (caseId: string) => page.evaluate(`document.querySelector('[data-testid="journey-row"][data-case-id="${caseId}"]').nextElementSibling?.querySelector('[data-testid="journey-files"]')?.dataset.caseId === '${caseId}'`);

  async function lookUp(user: { username: string; password: string }) {
    await logInThroughConsole(page, app.url, user);
    await page.getByTestId('nav-person-journey').click();
    await page.getByTestId('journey-id-number').fill(CHEN.idNumber);
    await page.getByTestId('journey-reason').fill('核对困难帮扶对象的欠薪材料');
    await page.getByTestId('journey-search').click();
    await page.getByTestId('journey-table').waitFor();
  }

  async function expectFilesByCase() {
    expect(await page.getByTestId('journey-row').count()).toBe(2);
    for (const caseId of [fileId, wageId]) {
      const number = (await row(caseId).getAttribute('data-case-number')) ?? '';
      expect(number).toMatch(CASE_NUMBER);
      expect(await row(caseId).getByTestId('case-number-tag').innerText()).toBe(number);
      expect(await files(caseId).getAttribute('data-case-number')).toBe(number);
      expect(await underItsCase(caseId)).toBe(true);
    }
    // Only the files that concern him, each under its own case; his withdrawn file listed, marked, without buttons.
    expect(await names(fileId)).toEqual(['visit.jpg']);
    expect(await names(wageId)).toEqual(['card.jpg', 'wrong-iou.jpg']);
    const visit = files(fileId).locator('[data-testid="journey-file"][data-name="visit.jpg"]');
    expect(await visit.innerText()).toContain('入户核查表');
    const wrong = files(wageId).locator('[data-testid="journey-file"][data-name="wrong-iou.jpg"]');
    expect(await wrong.getAttribute('data-withdrawn')).toBe('true');
    expect(await wrong.getByTestId('journey-file-withdrawn').innerText()).toContain('已撤回');
    expect(await wrong.getByTestId('journey-file-download').count()).toBe(0);
    expect(await files(wageId).locator('[data-testid="journey-file"][data-name="card.jpg"]').innerText()).toContain('考勤卡');
    // Nothing cut off: every cell's text fits its box (titles and file lines wrap on a phone).
    expect(await page.evaluate(`[...document.querySelectorAll('[data-testid="journey-table"] td')].filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.innerText)`)).toEqual([]);
    // What a person reads: case numbers and titles, never an id.
    expect(await page.getByTestId('journey-table').innerText()).not.toMatch(UUID);
  }

  it('shows a caseworker on a phone the person\'s files under each case, by case number, only theirs', async () => {
    await step('phone-journey-files', async () => {
      await lookUp(CASEWORKER);
      await expectFilesByCase();
      expect(await fitsScreen()).toBe(true);
    });
    await step('phone-journey-preview', async () => {
      await files(fileId).locator('[data-testid="journey-file"][data-name="visit.jpg"]').getByTestId('journey-file-preview').click();
      await page.getByTestId('attachment-preview').waitFor();
      await waitForExpression(page, `(() => { const i = document.querySelector('[data-testid="attachment-preview-image"]'); return !!i && i.complete && i.naturalWidth > 0; })()`);
      expect(await page.evaluate(`(() => { const r = document.querySelector('dialog[open]').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth; })()`)).toBe(true);
      await page.getByTestId('attachment-preview').getByRole('button', { name: '关闭' }).last().click();
      await page.getByTestId('attachment-preview').waitFor({ state: 'detached' });
    });
  }, 90_000);

  it('shows a supervisor on a PC the same files by case', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await step('pc-journey-files', async () => {
      await lookUp(SUPERVISOR);
      await expectFilesByCase();
      expect(await fitsScreen()).toBe(true);
    });
  }, 60_000);
});
