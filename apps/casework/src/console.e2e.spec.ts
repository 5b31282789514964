/**
 * The web console, end to end: a real browser (Debian's Chromium) drives the built console served
 * by the whole system, started in-process on a fresh PostgreSQL database. One complaint goes from
 * the hotline operator's keyboard to closure, and the dashboard figures move with it.
 */
import type { Locator, Page } from 'playwright-core';
import { browserSuite as suite, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import { waitForExpression } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';

const ADMIN_PASSWORD = 'e2e-Warden-Passw0rd!';
/** A hotline operator of the city union's 12351 centre, who takes the call and calls back. */
const HOTLINE_CASEWORKER = { username: 'wang.hotline', password: 'e2e-Hotline-passw0rd', displayName: '王芳', role: 'caseworker', orgUnitId: '410100' };
/** A caseworker of 金水区总工会: only a user of the assigned unit may sign for its orders. */
const JINSHUI_CASEWORKER = { username: 'li.jinshui', password: 'e2e-Jinshui-passw0rd', displayName: '李敏', role: 'caseworker', orgUnitId: '410105' };
const TEST_TIMEOUT = 60_000;



suite('web console (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];
  let complaintId = '';
  let receivedBefore = 0;

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'console', adminPassword: ADMIN_PASSWORD, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      await createUser(app.url, HOTLINE_CASEWORKER);
      await createUser(app.url, JINSHUI_CASEWORKER);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('console', () => page, pageErrors);

  // Browser-side checks are string expressions: this file is compiled without the DOM library.
  async function expectFocused(id: string): Promise<void> {
    await waitForExpression(page, `document.activeElement?.id === ${JSON.stringify(id)}`, undefined, { timeout: 3_000 }).catch(async () => {
      const actual = await page.evaluate('document.activeElement?.id || document.activeElement?.tagName');
      throw new Error(`expected keyboard focus on #${id}, found ${String(actual)}`);
    });
  }

  async function tabTo(id: string): Promise<void> {
    await page.keyboard.press('Tab');
    await expectFocused(id);
  }

  /** Picks the option whose visible text is one of `labels`, else the first real option. */
  async function chooseOption(select: Locator, labels: string[]): Promise<void> {
    const options: { value: string; text: string }[] = [];
    for (const option of await select.locator('option').all()) {
      options.push({ value: (await option.getAttribute('value')) ?? '', text: ((await option.textContent()) ?? '').trim() });
    }
    const wanted = options.find((o) => labels.includes(o.text)) ?? options.find((o) => o.value !== '');
    if (!wanted) throw new Error(`no option to choose in ${await select.getAttribute('id')}`);
    await select.selectOption(wanted.value);
  }

  async function detailVersion(): Promise<number> {
    return Number(await page.getByTestId('complaint-detail').getAttribute('data-version'));
  }

  /** Opens an action's form from its button, fills it, submits, and waits for the newer version. */
  async function runAction(action: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
    const before = await detailVersion();
    await page.getByTestId(`action-${action}`).click();
    const form = page.getByTestId(`action-form-${action}`);
    await form.waitFor();
    await fill?.(form);
    await form.getByTestId('action-submit').click();
    await waitForExpression(page, 
      `!document.querySelector('[data-testid^="action-form-"]') || !!document.querySelector('[data-testid="action-error"], .field-error')`,
    );
    if (await form.count()) throw new Error(`${action} was refused: ${await form.innerText()}`);
    await waitForExpression(page, 
      `Number(document.querySelector('[data-testid="complaint-detail"]')?.getAttribute('data-version')) > ${before}`,
    );
  }

  async function timelineHas(eventType: string): Promise<void> {
    await page.locator(`[data-testid="timeline-entry"][data-event-type="${eventType}"]`).first().waitFor();
  }

  /** Reloads a screen with its refresh button until the condition holds: read models may lag a little. */
  async function eventually(refreshTestId: string, condition: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(500);
      await page.getByTestId(refreshTestId).click();
    }
  }

  async function kpi(testId: string): Promise<string> {
    return (await page.getByTestId(`${testId}-value`).innerText()).trim();
  }

  /** Logs out and back in as another user through the login form. */
  async function switchUser(username: string, password: string): Promise<void> {
    const url = page.url();
    await page.getByTestId('logout').click();
    await page.locator('#login-username').waitFor();
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill(password);
    await page.keyboard.press('Enter');
    await page.getByTestId('header-user').waitFor();
    await page.goto(url);
    await page.getByTestId('complaint-detail').waitFor();
  }

  it('logs the hotline operator in through the login form', async () => {
    await step('login', async () => {
      await page.goto(`${app.url}/`);
      await page.locator('#login-username').waitFor();
      await expectFocused('login-username');
      await page.keyboard.type(HOTLINE_CASEWORKER.username);
      await tabTo('login-password');
      await page.keyboard.type(HOTLINE_CASEWORKER.password);
      await page.keyboard.press('Enter');
      await page.getByTestId('header-user').waitFor();
      expect(await page.getByTestId('header-user').innerText()).toContain('王芳');
      await page.getByTestId('inbox-page').waitFor(); // a caseworker's day starts from 待办 (issue 18.4)
    });
  }, TEST_TIMEOUT);

  it('shows the hotline dashboard before the call', async () => {
    await step('dashboard-before', async () => {
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('kpi-received-value').waitFor();
      receivedBefore = Number(await kpi('kpi-received'));
      expect(Number.isInteger(receivedBefore)).toBe(true);
    });
  }, TEST_TIMEOUT);

  it('takes a complaint during the call with the keyboard and opens it after Ctrl+Enter', async () => {
    await step('intake-typed', async () => {
      await page.getByTestId('nav-intake').click();
      await page.getByTestId('intake-form').waitFor();
      await expectFocused('intake-channel');
      expect(await page.locator('#intake-channel option:checked').innerText()).toMatch(/12351|电话/);

      await tabTo('intake-anonymous');
      await tabTo('intake-caller-name');
      await page.keyboard.type('张先生');
      await tabTo('intake-caller-phone');
      await page.keyboard.type('13800138000');
      const urgencyBefore = await page.locator('#intake-urgency').inputValue();
      await tabTo('intake-workers');
      await page.keyboard.type('12');
      await tabTo('intake-employer-name');
      await page.keyboard.type('郑州某建筑劳务有限公司');
      await tabTo('intake-district');
      await chooseOption(page.locator('#intake-district'), ['金水区总工会', '金水区']);
      await tabTo('intake-category');
      await chooseOption(page.locator('#intake-category'), ['劳动报酬']);
      if (await page.locator('#intake-subcategory').isEnabled()) {
        await tabTo('intake-subcategory');
        await chooseOption(page.locator('#intake-subcategory'), ['拖欠工资']);
      }
      await tabTo('intake-type');
      await chooseOption(page.locator('#intake-type'), ['求助投诉']);
      await tabTo('intake-safety-risk');
      await tabTo('intake-urgency');
      expect(await page.locator('#intake-urgency').inputValue()).not.toBe(urgencyBefore);
      await page.getByText('建议按紧急件办理').waitFor();
      await tabTo('intake-summary');
      await page.keyboard.type('来电反映单位拖欠 12 名农民工三个月工资，多次讨要未果。');
    });

    await step('complaint-opened', async () => {
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('complaint-detail').waitFor();
      expect(page.url()).toMatch(/#\/complaints\/[^/]+$/);
      complaintId = (await page.getByTestId('complaint-detail').getAttribute('data-complaint-id')) ?? '';
      expect(complaintId).not.toBe('');
      expect(await page.getByTestId('complaint-summary').innerText()).toContain('拖欠 12 名农民工');
      await timelineHas('ComplaintReceived');
    });
  }, TEST_TIMEOUT);

  it('assigns the complaint to 金水区, where it is signed for', async () => {
    await step('assigned', async () => {
      await runAction('assign', async (form) => {
        await form.getByTestId('action-field-unitId').selectOption({ label: '金水区总工会' });
      });
      await timelineHas('ComplaintAssigned');
      expect(await page.getByTestId('complaint-fields').innerText()).toContain('金水区');
    });
    await step('signed-for', async () => {
      await switchUser(JINSHUI_CASEWORKER.username, JINSHUI_CASEWORKER.password);
      await runAction('sign-for');
      await timelineHas('ComplaintSignedFor');
    });
  }, TEST_TIMEOUT);

  it('records the contact with the caller and resolves the complaint', async () => {
    await step('contacted', async () => {
      await runAction('contact', async (form) => {
        if (!(await form.locator('#action-field-reached').isChecked())) await form.locator('#action-field-reached').check();
        await chooseOption(form.getByTestId('action-field-method'), ['电话']);
        await form.getByTestId('action-field-summary').fill('已电话联系来电人，约定到企业核实。');
      });
      await timelineHas('CallerContacted');
    });
    await step('resolved', async () => {
      await runAction('resolve', async (form) => {
        await chooseOption(form.getByTestId('action-field-outcome'), ['诉求已解决']);
        await form.getByTestId('action-field-summary').fill('经协调，企业已于当日补发全部工资。');
      });
      await timelineHas('ComplaintResolved');
    });
  }, TEST_TIMEOUT);

  it('records a satisfied follow-up call and closes the complaint', async () => {
    await step('followed-up', async () => {
      await switchUser(HOTLINE_CASEWORKER.username, HOTLINE_CASEWORKER.password); // the hotline centre calls the caller back
      await runAction('follow-up', async (form) => {
        if (!(await form.locator('#action-field-reached').isChecked())) await form.locator('#action-field-reached').check();
        await chooseOption(form.getByTestId('action-field-satisfaction'), ['满意']);
      });
      await timelineHas('FollowUpRecorded');
    });
    await step('closed', async () => {
      await runAction('close');
      await timelineHas('ComplaintClosed');
      expect(await page.getByTestId('action-close').count()).toBe(0);
    });
  }, TEST_TIMEOUT);

  it('lists the complaint among the cases', async () => {
    await step('case-list', async () => {
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-list').waitFor();
      const row = page.locator(`[data-testid="case-row"][data-case-id="${complaintId}"]`);
      await eventually('cases-refresh', async () => (await row.count()) > 0, 'the complaint in the case list');
    });
  }, TEST_TIMEOUT);

  it('counts the complaint on the dashboard: one more received, every reached caller satisfied', async () => {
    await step('dashboard-after', async () => {
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('kpi-received-value').waitFor();
      await eventually(
        'dash-refresh',
        async () => Number(await kpi('kpi-received')) === receivedBefore + 1 && (await kpi('kpi-satisfaction-rate')) === '100%',
        `received ${receivedBefore + 1} and satisfaction 100%`,
      );
      expect(Number(await kpi('kpi-received'))).toBe(receivedBefore + 1);
      expect(await kpi('kpi-satisfaction-rate')).toBe('100%');
      // Contacted and called back within their limits: both on-time rates count this complaint.
      expect(await kpi('kpi-first-contact-rate')).toBe('100%');
      expect(await kpi('kpi-follow-up-rate')).toBe('100%');
      expect(await page.getByTestId('chart-category-bar').count()).toBeGreaterThan(0);
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await step('dashboard-after-390', async () => {
      await page.getByTestId('kpi-follow-up-rate-value').waitFor();
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, TEST_TIMEOUT);
});

async function createUser(baseUrl: string, user: typeof JINSHUI_CASEWORKER): Promise<void> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = (await (await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).json()) as { accessToken: string };
  const created = await post('/api/users', user, login.accessToken);
  if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status}`);
}
