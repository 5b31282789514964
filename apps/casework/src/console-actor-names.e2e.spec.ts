/**
 * People by name in the web console (issue 18.3): a district supervisor opens a complaint his
 * caseworker took, a hardship file, and a mediation case of the district's room. Every timeline says
 * who acted by name and unit; the cadre is picked by typing part of her name (a station caseworker,
 * shown with her station) and then named on the cadres card; the mediator is named in the case
 * header. No text on any page is a user id (a UUID or its `#xxxxxxxx` short form), at 1440×900 and at
 * 390×844, and no page is wider than the screen.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, SCREENSHOTS, waitForExpression, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const PASSWORD = 'Lantern-harbour-passw0rd';
const ROOM = 'MR-410105';
const USERS = {
  caseworker: { username: 'li.na', displayName: '李娜', role: 'caseworker', orgUnitId: '410105' },
  station: { username: 'wang.fang', displayName: '王芳', role: 'caseworker', orgUnitId: '410105001' },
  supervisor: { username: 'sun.wei', displayName: '孙伟', role: 'supervisor', orgUnitId: '410105' },
  mediator: { username: 'zhao.min', displayName: '赵敏', role: 'mediator', orgUnitId: ROOM },
} as const;
const USER_ID_TEXT = /#[0-9a-f]{8}\b|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SIZES = [{ name: 'desktop', width: 1440, height: 900 }, { name: 'phone', width: 390, height: 844 }] as const;
const TEST_TIMEOUT = 90_000;

suite('web console: people by name (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];
  const ids = { complaint: '', file: '', mediation: '' };

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'actor-names', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      const admin = await ApiClient.login(app.url, ADMIN.username, ADMIN.password);
      for (const user of Object.values(USERS)) {
        const created = await admin.post('/api/users', { ...user, password: PASSWORD });
        if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const as = (user: { username: string }) => ApiClient.login(app.url, user.username, PASSWORD);
      const post = async (client: ApiClient, path: string, body: unknown) => {
        const response = await client.post(path, body);
        if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body;
      };
      const [caseworker, supervisor, mediator] = await Promise.all([as(USERS.caseworker), as(USERS.supervisor), as(USERS.mediator)]);
      ids.complaint = (await post(caseworker, '/api/complaints', {
        channel: 'phone', caller: { name: '孙师傅', phone: '13700001234' }, employer: { name: '某物流公司', district: '410105' },
        category: 'pay', type: 'request_for_action', summary: '被辞退未付经济补偿',
      })).id;
      await post(caseworker, `/api/complaints/${ids.complaint}/assign`, { unitId: '410105001' });
      ids.file = (await post(caseworker, '/api/hardship-files', {
        source: { kind: 'application' }, district: '410105', unitId: '410105001', causes: ['illness'], monthlyHouseholdIncome: 150_000,
        head: { name: '陈某', employer: '郑州某机械厂', unionMember: true }, members: [],
      })).id;
      ids.mediation = (await post(mediator, '/api/mediation-cases', {
        source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调4321号', referralType: 'assigned' },
        cause: 'labour_remuneration', roomId: ROOM, referredOn: shanghaiDay(0),
        applicants: [{ name: '王建国', phone: '13812345678' }], respondent: { name: '郑州某建筑劳务有限公司' },
        claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }], summary: '追索 2026 年工资',
      })).id;
      await post(mediator, `/api/mediation-cases/${ids.mediation}/accept`, { acceptedOn: shanghaiDay(0) });
      const me = (await mediator.get('/api/auth/me')).body.id;
      await post(supervisor, `/api/mediation-cases/${ids.mediation}/mediator`, { mediatorId: me });
      await app.runtime.projections.waitUntilCaughtUp();
    } });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('actor-names', () => page, pageErrors);

  /** Nothing on the page reads as a user id, and the page fits the screen. */
  async function namesOnlyAndFits(): Promise<void> {
    const text = await page.locator('body').innerText();
    expect(text.match(USER_ID_TEXT)?.[0] ?? null).toBeNull();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  }

  const timelineActors = () => page.getByTestId('timeline-actor').allInnerTexts();

  it('names every actor, the cadre and the mediator for a district supervisor, at 1440 and at 390 px', async () => {
    await logInThroughConsole(page, app.url, { username: USERS.supervisor.username, password: PASSWORD });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });

      await step(`${size.name}-complaint-timeline`, async () => {
        await page.goto(`${app.url}/#/complaints/${ids.complaint}`);
        await page.getByTestId('timeline-entry').first().waitFor();
        const actors = await timelineActors();
        expect(actors[0]).toBe('操作人：李娜 · 个案工作者 · 金水区总工会');
        expect(actors.length).toBeGreaterThanOrEqual(2);
        await namesOnlyAndFits();
      });

      await step(`${size.name}-hardship-cadre-picked-by-name`, async () => {
        await page.goto(`${app.url}/#/hardship-files/${ids.file}`);
        await page.getByTestId('hs-cadres').waitFor();
        const level = size.name === 'desktop' ? 'grassroots' : 'district';
        const before = Number(await page.getByTestId('hardship-file').getAttribute('data-version'));
        await page.getByTestId(`cadre-${level}-assign`).click();
        const dialog = page.getByTestId('dialog-cadre');
        await dialog.waitFor();
        const typed = size.name === 'desktop' ? '王' : '李';
        const wanted = size.name === 'desktop' ? USERS.station.displayName : USERS.caseworker.displayName;
        await dialog.getByTestId('hs-field-userId').fill(typed);
        const option = dialog.locator(`[data-testid="user-option"][data-name="${wanted}"]`);
        // Typed ahead: the list narrows to the one whose name holds what was typed.
        await waitForExpression(page, `(() => { const o = document.querySelectorAll('[data-testid="dialog-cadre"] [data-testid="user-option"]'); return o.length === 1 && o[0].getAttribute('data-name') === '${wanted}'; })()`);
        expect(await option.innerText()).toContain(size.name === 'desktop' ? '经八路街道职工维权服务站' : '金水区总工会');
        await namesOnlyAndFits();
        await page.screenshot({ path: join(SCREENSHOTS, `actor-names-${size.name}-cadre-picker.png`) });
        await option.click();
        expect(await dialog.locator('[data-testid="hs-field-userId-chosen"] strong').innerText()).toBe(wanted);
        await dialog.getByTestId('dialog-submit').click();
        await waitForExpression(page, `Number(document.querySelector('[data-testid="hardship-file"]')?.getAttribute('data-version')) > ${before}`);
        expect(await page.getByTestId(`cadre-${level}-name`).innerText()).toBe(wanted);
        expect(await page.getByTestId(`cadre-${level}-unit`).innerText()).toContain(size.name === 'desktop' ? '经八路街道职工维权服务站' : '金水区总工会');
        await namesOnlyAndFits();
      });

      await step(`${size.name}-hardship-timeline`, async () => {
        await page.getByTestId('hs-tab-history').click();
        await page.getByTestId('timeline-entry').first().waitFor();
        expect((await timelineActors())[0]).toBe('操作人：李娜 · 个案工作者 · 金水区总工会');
        const cadre = page.locator('[data-testid="timeline-entry"][data-event-type="CadreAssigned"]').first();
        expect(await cadre.innerText()).toContain('王芳（经八路街道职工维权服务站）');
        expect(await cadre.getByTestId('timeline-actor').innerText()).toBe('操作人：孙伟 · 督导 · 金水区总工会');
        await namesOnlyAndFits();
      });

      await step(`${size.name}-mediation-case`, async () => {
        await page.goto(`${app.url}/#/mediation-cases/${ids.mediation}`);
        await page.getByTestId('med-header').waitFor();
        expect(await page.getByTestId('fact-mediator').innerText()).toBe('赵敏');
        await page.getByTestId('med-tab-history').click();
        await page.getByTestId('timeline-entry').first().waitFor();
        const actors = await timelineActors();
        expect(actors[0]).toBe('操作人：赵敏 · 调解员 · 金水区人民法院工会调解工作室');
        expect(actors).toContain('操作人：孙伟 · 督导 · 金水区总工会');
        await namesOnlyAndFits();
      });
    }
  }, TEST_TIMEOUT);
});
