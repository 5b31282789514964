/**
 * 查看 with a reason on the hardship file page (the head of household) and the mediation case page
 * (the parties), and the agreement's court copy with full identity, in a real browser at 1440 and
 * 390 px: masked until asked, refused without a reason, shown in full after it, logged.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, SCREENSHOTS, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { residentId } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const ROOM = 'MR-410105';
const CADRE = { username: 'pd.cadre', password: 'e2e-Cadre-passw0rd', displayName: '徐芳', role: 'caseworker', orgUnitId: '410105' };
const SUPERVISOR = { username: 'pd.supervisor', password: 'e2e-Super-passw0rd', displayName: '何平', role: 'supervisor', orgUnitId: '410105' };
const MEDIATOR = { username: 'pd.mediator', password: 'e2e-Mediator-passw0rd', displayName: '赵敏', role: 'mediator', orgUnitId: ROOM };
const HEAD_PHONE = '13812342222';
const APPLICANT = { name: '王建国', idNumber: residentId('41010519800101001'), phone: '13812345678', address: '郑州市金水区纬五路7号院3单元' };
const TEST_TIMEOUT = 90_000;

suite('web console: revealing personal data of hardship files and mediation cases (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];
  let fileId = '';
  let caseId = '';

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'reveal', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of [CADRE, SUPERVISOR, MEDIATOR]) {
        const created = await admin.post('/api/users', user);
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const [cadre, supervisor, mediator] = await Promise.all([CADRE, SUPERVISOR, MEDIATOR].map((u) => ApiClient.login(app.url, u.username, u.password)));
      const ok = async (client: ApiClient, path: string, body: unknown) => {
        const answer = await client.post(path, body);
        if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer.body;
      };
      const today = shanghaiDay();
      fileId = (await ok(cadre, '/api/hardship-files', {
        source: { kind: 'application' }, district: '410105', causes: ['illness'], monthlyHouseholdIncome: 150_000,
        head: { name: '柳某', idNumber: residentId('41010519800808555'), phone: HEAD_PHONE, employer: '郑州某纺织厂', unionMember: true },
        members: [{ name: '柳小妹', relation: '女儿', age: 12 }],
      })).id;
      caseId = (await ok(mediator, '/api/mediation-cases', {
        source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调8101号', referralType: 'assigned' },
        roomId: ROOM, referredOn: today, applicants: [APPLICANT],
        respondent: { name: '郑州某建筑劳务有限公司', representative: '张总', phone: '13700001111', address: '郑州市金水区花园路88号' },
        claims: [{ item: '拖欠工资', amount: 1_000_000, party: 0 }], summary: '追索工资',
      })).id;
      await ok(mediator, `/api/mediation-cases/${caseId}/accept`, { acceptedOn: today });
      await ok(supervisor, `/api/mediation-cases/${caseId}/mediator`, { mediatorId: (await mediator.get('/api/auth/me')).body.id });
      await ok(mediator, `/api/mediation-cases/${caseId}/agreement`, {
        agreedOn: today, effectiveOn: today, terms: '被申请人一次性支付拖欠工资。',
        items: [{ item: '拖欠工资', amount: 800_000, partyId: 'p1' }], schedule: [{ dueOn: today, amount: 800_000, partyId: 'p1' }],
      });
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('reveal', () => page, pageErrors);
  const loginAs = (user: { username: string; password: string }) => logInThroughConsole(page, app.url, user);

  /** Asks for a value in full: the dialog refuses an empty reason, then shows the value once given one. */
  async function reveal(testKey: string, reason: string): Promise<string> {
    await page.getByTestId(`reveal-${testKey}`).click();
    await page.getByTestId('reveal-submit').click();
    expect(await page.locator('#reveal-reason').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#reveal-reason').fill(reason);
    await page.getByTestId('reveal-submit').click();
    return page.getByTestId(`revealed-${testKey}`).innerText();
  }

  it('reveals a head of household\'s phone on the file page for a reason, at 1440 and 390 px', async () => {
    await step('hardship-masked', async () => {
      await loginAs(CADRE);
      await page.goto(`${app.url}/#/hardship-files/${fileId}`);
      await page.getByTestId('hs-household').waitFor();
      expect(await page.getByTestId('head-phone').innerText()).toBe('138****2222');
      expect(await page.getByTestId('hs-household').innerText()).not.toContain(HEAD_PHONE);
    });
    await step('hardship-revealed', async () => {
      expect(await reveal('head-phone', '入户走访前电话联系户主')).toBe(HEAD_PHONE);
    });
    await step('hardship-revealed-390', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.getByTestId('revealed-head-phone').isVisible()).toBe(true);
      // The household stays inside the screen: values wrap, the members' table scrolls inside its card
      // (the shell keeps its sidebar at every width: a shell matter).
      for (const testId of ['hs-household', 'revealed-head-phone', 'head-id-number']) {
        expect(await page.getByTestId(testId).evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
      }
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, TEST_TIMEOUT);

  it('lets the room\'s mediator reveal a party\'s address on the case page and print the court copy with full identity', async () => {
    await step('mediation-parties-masked', async () => {
      await loginAs(MEDIATOR);
      await page.goto(`${app.url}/#/mediation-cases/${caseId}`);
      await page.getByTestId('med-parties').waitFor();
      const parties = await page.getByTestId('med-parties').innerText();
      expect(parties).toContain('郑州市金水区****');
      expect(parties).toContain('138****5678');
      expect(parties).not.toContain(APPLICANT.address);
    });
    await step('mediation-address-revealed', async () => {
      expect(await reveal('party-p1-address', '邮寄调解协议书')).toBe(APPLICANT.address);
    });
    await step('mediation-parties-390', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('med-parties').scrollIntoViewIfNeeded();
      expect(await page.getByTestId('revealed-party-p1-address').isVisible()).toBe(true);
      expect(await page.getByTestId('med-parties').evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await step('court-copy-dialog', async () => {
      await page.goto(`${app.url}/#/mediation-cases/${caseId}/documents`);
      await page.getByTestId('court-copy-agreement').click();
      await page.getByTestId('court-copy-submit').click();
      expect(await page.locator('#court-copy-reason').getAttribute('aria-invalid')).toBe('true');
      await page.locator('#court-copy-reason').fill('双方申请司法确认，提交法院');
    });
    await step('court-copy-printed', async () => {
      const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('court-copy-submit').click()]);
      await tab.waitForURL(/^blob:/);
      await tab.locator('body').waitFor();
      await tab.screenshot({ path: join(SCREENSHOTS, 'reveal-court-copy.png'), fullPage: true });
      expect(await tab.locator('body').innerText()).toContain(`公民身份号码：${APPLICANT.idNumber}`);
      await tab.close();
      await page.getByTestId('court-copy-dialog').waitFor({ state: 'detached' });
    });
    const supervisor = await ApiClient.login(app.url, SUPERVISOR.username, SUPERVISOR.password);
    const log = (await supervisor.get(`/api/audit/access-log?caseId=${caseId}`)).body as { action: string; field?: string; reason?: string }[];
    expect(log.filter((entry) => entry.action === 'reveal').map((entry) => [entry.field, entry.reason])).toEqual([
      ['documents.agreement', '双方申请司法确认，提交法院'], ['applicants.p1.address', '邮寄调解协议书'],
    ]);
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);
});
