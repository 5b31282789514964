/**
 * The signed agreement's scan beside the generated 调解协议书 (issue 19, point 5), in a real browser:
 * on a phone (390×844) the room's mediator opens the documents tab of an agreed case, is offered
 * 上传签字扫描件 (the minutes already on the case do not count as the scan), uploads a photo of the
 * signed pages with 调解协议（签字） already chosen, and sees it beside the agreement with who added it and
 * when, previews it; on a PC (1440×900) the same; withdrawn in the files panel, the agreement asks for a
 * scan again. A case without an agreement offers no upload there. Never wider than the screen.
 */
import sharp from 'sharp';
import type { Locator, Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const ROOM = 'MR-410105';
const MEDIATOR = { username: 'zhao.scan', password: 'e2e-Mediator-passw0rd', displayName: '赵敏', role: 'mediator', orgUnitId: ROOM };
const SUPERVISOR = { username: 'sun.scan', password: 'e2e-Super-passw0rd', displayName: '孙伟', role: 'supervisor', orgUnitId: '410105' };
const TODAY = shanghaiDay(0);

function referral(courtNumber: string) {
  return {
    source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: courtNumber, referralType: 'assigned' },
    cause: 'labour_remuneration', roomId: ROOM, referredOn: TODAY,
    applicants: [{ name: '王建国', idNumber: '410105198001010017', phone: '13812345678' }],
    respondent: { name: '郑州某建筑劳务有限公司', creditCode: '91410105MA44XXXX1X', representative: '张总' },
    claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }],
    summary: '工人追索 2026 年 6 至 9 月工资',
  };
}

/** A file sent as the console sends it: multipart, with an idempotency key. */
async function upload(client: ApiClient, path: string, fields: Record<string, string>, name: string, bytes: Buffer): Promise<void> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('files', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${client.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': crypto.randomUUID() }, body: form });
  if (response.status !== 201) throw new Error(`upload ${name}: ${response.status} ${await response.text()}`);
}

function photo(width: number, height: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 80 }).toBuffer();
}

suite('web console: the signed agreement scanned and attached beside the generated agreement (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let agreedId = '';
  let openId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'signed-agreement', adminPassword: ADMIN.password, pageErrors, viewport: { width: 390, height: 844 }, prepare: async (started) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [MEDIATOR, SUPERVISOR]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const mediator = await ApiClient.login(app.url, MEDIATOR.username, MEDIATOR.password);
      const supervisor = await ApiClient.login(app.url, SUPERVISOR.username, SUPERVISOR.password);
      const mediatorId = (await mediator.get('/api/auth/me')).body.id;
      const must = async (client: ApiClient, path: string, body: unknown) => {
        const answer = await client.post(path, body);
        if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer.body;
      };
      for (const [courtNumber, agree] of [['(2026)豫0105民诉前调3101号', true], ['(2026)豫0105民诉前调3102号', false]] as const) {
        const { id } = await must(mediator, '/api/mediation-cases', referral(courtNumber));
        await must(mediator, `/api/mediation-cases/${id}/accept`, { acceptedOn: TODAY });
        await must(supervisor, `/api/mediation-cases/${id}/mediator`, { mediatorId });
        if (!agree) {
          openId = id;
          continue;
        }
        agreedId = id;
        const partyId = (await mediator.get(`/api/mediation-cases/${id}`)).body.applicants[0].partyId;
        await must(mediator, `/api/mediation-cases/${id}/agreement`, {
          agreedOn: TODAY, effectiveOn: TODAY, terms: '公司于三十日内一次性支付',
          items: [{ item: '拖欠工资', amount: 1_000_000, partyId }], schedule: [{ dueOn: shanghaiDay(30), amount: 1_000_000, partyId }],
        });
        // The minutes of the session are on the case already: a file, but not the signed agreement.
        await upload(mediator, `/api/mediation-cases/${id}/attachments`, { kind: 'mediation_minutes', note: '第一次调解笔录' }, 'minutes.jpg', await photo(600, 800, '#e0e0d0'));
      }
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('signed-agreement', () => page, pageErrors);
  const fitsScreen = () => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth');
  const agreement = (): Locator => page.getByTestId('document-agreement');
  const scans = (): Locator => agreement().getByTestId('signed-scans');
  const panelFile = (name: string): Locator => page.locator(`[data-testid="attachments-panel"] [data-testid="attachment"][data-name="${name}"]`);

  it('offers the mediator on a phone to upload the signed scan beside the agreement, with its kind chosen, and then shows it there', async () => {
    const signed = await photo(1240, 1754, '#f4f1e8');
    await step('phone-no-scan-yet', async () => {
      await logInThroughConsole(page, app.url, MEDIATOR);
      await page.goto(`${app.url}/#/mediation-cases/${agreedId}/documents`);
      await panelFile('minutes.jpg').waitFor();
      await scans().waitFor();
      expect(await scans().getAttribute('data-count')).toBe('0');
      expect(await scans().getByTestId('signed-scans-none').innerText()).toBe('尚未上传双方签字后的协议扫描件。');
      expect(await scans().getByTestId('attachment').count()).toBe(0);
      expect(await agreement().getByTestId('signed-scan-upload').innerText()).toBe('上传签字扫描件');
      expect(await fitsScreen()).toBe(true);
    });

    await step('phone-upload-dialog', async () => {
      await agreement().getByTestId('signed-scan-upload').click();
      await page.getByTestId('attach-dialog').waitFor();
      await waitForExpression(page, `document.querySelectorAll('[data-testid="attach-kind"] option').length > 5`);
      expect(await page.getByTestId('attach-kind').inputValue()).toBe('signed_agreement');
      expect(await page.locator('[data-testid="attach-kind"] option:checked').innerText()).toBe('调解协议（签字）');
      // The agreement is the case's, signed by both sides: not one party's file.
      expect(await page.getByTestId('attach-person').count()).toBe(0);
      await page.getByTestId('attach-note').fill('双方签字、盖章后的协议书，共 2 页');
      await page.getByTestId('attach-files').setInputFiles([{ name: 'signed-agreement.jpg', mimeType: 'image/jpeg', buffer: signed }]);
      expect(await page.evaluate(`(() => { const r = document.querySelector('dialog[open]').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth; })()`)).toBe(true);
    });

    await step('phone-scan-shown', async () => {
      await page.getByTestId('attach-submit').click();
      await page.getByTestId('attach-dialog').waitFor({ state: 'detached' });
      await scans().getByTestId('attachment').waitFor();
      expect(await page.getByTestId('med-documents-notice').innerText()).toBe('已上传签字扫描件 1 份');
      const scan = scans().getByTestId('attachment');
      expect(await scan.getAttribute('data-name')).toBe('signed-agreement.jpg');
      expect(await scan.getByTestId('attachment-kind').innerText()).toBe('调解协议（签字）');
      expect(await scan.innerText()).toContain('双方签字、盖章后的协议书，共 2 页');
      expect(await scan.innerText()).toMatch(/赵敏（.+）添加于 \d{4}[-/]\d{2}[-/]\d{2} \d{2}:\d{2}/);
      expect(await agreement().getByTestId('signed-scan-upload').count()).toBe(0);
      // The files panel below reads the case again: both files there, only the scan beside the agreement.
      await panelFile('signed-agreement.jpg').waitFor();
      expect(await page.locator('[data-testid="attachments-panel"] [data-testid="attachment"]').count()).toBe(2);
      expect(await scans().getByTestId('attachment').count()).toBe(1);
      await waitForExpression(page, `(() => { const i = document.querySelector('[data-testid="signed-scans"] [data-testid="attachment-thumb-image"]'); return !!i && i.complete && i.naturalWidth > 0; })()`);
      expect(await fitsScreen()).toBe(true);
    });

    await step('phone-scan-preview', async () => {
      await scans().getByTestId('attachment-preview-open').click();
      await page.getByTestId('attachment-preview').waitFor();
      await waitForExpression(page, `(() => { const i = document.querySelector('[data-testid="attachment-preview-image"]'); return !!i && i.complete && i.naturalWidth > 0; })()`);
      expect(await page.getByTestId('attachment-preview').innerText()).toContain('signed-agreement.jpg');
      await page.getByTestId('attachment-preview').getByRole('button', { name: '关闭' }).last().click();
      await page.getByTestId('attachment-preview').waitFor({ state: 'detached' });
    });
  }, 120_000);

  it('shows the scan beside the agreement on a PC, and asks for one again once it is withdrawn', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await step('pc-scan-beside-agreement', async () => {
      await page.goto(`${app.url}/#/mediation-cases/${agreedId}/documents`);
      await scans().getByTestId('attachment').waitFor();
      expect(await scans().getAttribute('data-count')).toBe('1');
      expect(await agreement().getByTestId('print-agreement').isVisible()).toBe(true);
      // Beneath the agreement's own line, inside the screen.
      const box = await scans().boundingBox();
      const print = await agreement().getByTestId('print-agreement').boundingBox();
      expect(box!.y).toBeGreaterThan(print!.y);
      expect(await fitsScreen()).toBe(true);
    });
    await step('pc-scan-withdrawn', async () => {
      await panelFile('signed-agreement.jpg').getByTestId('attachment-withdraw').click();
      await page.getByTestId('attachment-withdraw-reason').fill('扫描不清晰，重新扫描');
      await page.getByTestId('attachment-withdraw-ok').click();
      await page.getByTestId('attachment-withdraw-dialog').waitFor({ state: 'detached' });
      await agreement().getByTestId('signed-scan-upload').waitFor();
      expect(await scans().getAttribute('data-count')).toBe('0');
      expect(await fitsScreen()).toBe(true);
    });
  }, 90_000);

  it('offers no scan upload beside an agreement that is not yet made', async () => {
    await step('pc-no-agreement', async () => {
      await page.goto(`${app.url}/#/mediation-cases/${openId}/documents`);
      await page.getByTestId('attachments-empty').waitFor();
      expect(await agreement().getAttribute('data-available')).toBe('false');
      expect(await agreement().getByTestId('signed-scans').count()).toBe(0);
      expect(await page.getByTestId('signed-scan-upload').count()).toBe(0);
    });
  }, 60_000);
});
