/**
 * 困难职工建档 in the web console, end to end: a real browser (Debian's Chromium) drives the built
 * console served by the whole system on a fresh PostgreSQL database. An administrator sets the year's
 * poverty line; a cadre of a 金水区 station applies for a file after a home visit and takes the family
 * on, records the visit with the family's consent (refused without it), runs the public notice (started
 * weeks ago, so it has ended) with an objection dismissed, is reminded in 帮扶待办 that the notice has
 * ended, and asks for registration; the supervisor approves it in the approvals inbox; the cadre
 * delivers aid in cash and in kind, reviews the family and asks to lift it out on stable work; the
 * supervisor approves; the family is followed up, checked in once, and falls back (返困); the
 * dashboard counts one lifted and one relapse; the follow-up list
 * and the case list lead to the file. A supervisor's legacy registry upload reports a bad row and
 * imports nothing, then imports the good registry; the file moves to another station, out of the first
 * station's sight.
 */
import type { Locator, Page } from 'playwright-core';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import { waitForExpression } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { shanghaiDay } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CADRE = { username: 'xu.station', password: 'e2e-Cadre-passw0rd', displayName: '徐芳', role: 'caseworker', orgUnitId: '410105001' };
const SUPERVISOR = { username: 'he.supervisor', password: 'e2e-Super-passw0rd', displayName: '何平', role: 'supervisor', orgUnitId: '410105' };
const TEST_TIMEOUT = 90_000;


/**
 * The family applies, is visited and the notice starts on the day the session starts (no step may be
 * dated before the application); then two weeks pass, so that five working days of notice have ended
 * whatever the holidays, and the file is registered, helped and lifted out on that later day.
 */
const VISITED = shanghaiDay(0);
const NOTICE_STARTED = shanghaiDay(0);
const WEEKS_LATER = 14;
const TODAY = shanghaiDay(WEEKS_LATER);
const DAY = 86_400_000;
const REGISTRY_HEADER = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';
const REGISTRY_ROWS = ['JS-L-1,褚某,,,某厂,是,410105,410105001,3,1500,因病,深度困难,2018-04-01,在档,,', 'JS-L-2,卫某,,,某厂,否,410105,410105,2,900,失业,相对困难,2019-05-01,已脱困,2021-06-30,'];

suite('web console: hardship-family files (browser)', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  const pageErrors: string[] = [];
  let fileId = '';

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'hardship', adminPassword: ADMIN.password, pageErrors, prepare: async (started: RunningCasework) => {
      app = started;
      for (const user of [CADRE, SUPERVISOR]) await createUser(user);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  // ---- the system, through its API (setting the scene only; everything checked goes through the browser)

  async function createUser(user: typeof CADRE): Promise<void> {
    const created = await (await ApiClient.login(app.url, ADMIN.username, ADMIN.password)).post('/api/users', user);
    if (created.status !== 201) throw new Error(`could not create ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
  }

  // ---- the browser

  const { step } = screenshotSteps('hardship', () => page, pageErrors);
  const loginAs = (user: { username: string; password: string }) => logInThroughConsole(page, app.url, user);
  const file = () => page.getByTestId('hardship-file');
  const status = () => page.getByTestId('hs-status').innerText();

  /** Clicks a refresh button until the condition holds: read models may lag a little behind the events. */
  async function eventually(refreshTestId: string, condition: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(500);
      await page.getByTestId(refreshTestId).click();
    }
  }

  /** Opens a step's dialog from its button, fills it, submits, and waits until the file shows a newer version. */
  async function runStep(buttonTestId: string, dialogId: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
    const before = Number(await file().getAttribute('data-version'));
    await page.getByTestId(buttonTestId).click();
    const dialog = page.getByTestId(`dialog-${dialogId}`);
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByTestId('dialog-submit').click();
    await waitForExpression(page, `Number(document.querySelector('[data-testid="hardship-file"]')?.getAttribute('data-version')) > ${before}`);
    expect(await dialog.count()).toBe(0);
  }

  /** The supervisor finds the file's request in the inbox, refused without an opinion, and approves it with one. */
  async function approveInInbox(kindLabel: string, detailTestId: string, detail: string, opinion: string, done: string): Promise<void> {
    await loginAs(SUPERVISOR);
    await page.getByTestId('nav-approvals').click();
    await page.getByTestId('approvals-page').waitFor();
    const request = page.locator(`[data-testid="approval"][data-case-id="${fileId}"]`);
    await eventually('approvals-refresh', async () => (await request.count()) > 0, `the ${kindLabel} request in the inbox`);
    expect(await request.innerText()).toContain(kindLabel);
    expect(await request.getByTestId(detailTestId).innerText()).toBe(detail);
    expect(await request.getByTestId('approval-case').getAttribute('href')).toBe(`#/hardship-files/${fileId}`);
    await request.getByTestId('approve').click();
    expect(await request.locator('.field-error').innerText()).toBe('请填写审批意见');
    await request.getByTestId('decision-reason').fill(opinion);
    await request.getByTestId('approve').click();
    await page.getByTestId('approvals-notice').waitFor();
    expect(await page.getByTestId('approvals-notice').innerText()).toBe(done);
    await request.getByTestId('approval-case').waitFor({ state: 'detached' });
  }

  async function openFile(tab = ''): Promise<void> {
    await page.goto(`${app.url}/#/hardship-files/${fileId}${tab}`);
    await file().waitFor();
  }

  it('lets an administrator set the year\'s poverty line, with its reason kept', async () => {
    await step('poverty-line', async () => {
      await loginAs(ADMIN);
      await page.getByTestId('nav-poverty-lines').click();
      await page.getByTestId('poverty-lines-page').waitFor();
      await page.getByTestId('line-add').click();
      const dialog = page.getByTestId('line-dialog');
      await dialog.locator('#line-year').fill(VISITED.slice(0, 4));
      await dialog.locator('#line-amount').fill('0');
      await dialog.locator('#line-reason').fill('郑州市民政局公布的城市低保标准');
      await dialog.getByTestId('line-submit').click();
      expect(await dialog.getByTestId('error-line-amount').innerText()).toBe('低保标准须为 1 至 10000000 之间的整数（分/人·月）');
      await dialog.locator('#line-amount').fill('1000');
      await dialog.getByTestId('line-submit').click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.locator(`[data-testid="line-row"][data-district="*"][data-year="${VISITED.slice(0, 4)}"]`);
      expect(await row.innerText()).toContain('全部区县');
      expect(await row.getByTestId('line-amount').innerText()).toBe('¥1,000.00');
      expect(await page.getByTestId('lines-history').innerText()).toContain('郑州市民政局公布的城市低保标准');
    });
  }, TEST_TIMEOUT);

  it('takes a family\'s application after a home visit, refusing an ID number whose check digit is wrong, and the cadre takes the family on', async () => {
    await step('application-refused', async () => {
      await loginAs(CADRE);
      await page.getByTestId('nav-hardship-new').click();
      await page.getByTestId('hs-register-form').waitFor();
      await page.locator('#hs-head-name').fill('陈某');
      await page.locator('#hs-head-id-number').fill('410105198001010018');
      await page.locator('#hs-head-phone').fill('13900001234');
      await page.locator('#hs-head-employer').fill('郑州某纺织厂');
      await page.getByTestId('member-0-name').fill('陈妻');
      await page.getByTestId('member-0-relation').fill('配偶');
      await page.getByTestId('member-0-age').fill('44');
      await page.getByTestId('member-0-health').fill('尿毒症');
      await page.getByTestId('member-add').click();
      await page.getByTestId('member-1-name').fill('陈子');
      await page.getByTestId('member-1-relation').fill('子');
      await page.getByTestId('member-1-age').fill('15');
      await page.getByTestId('member-1-schooling').fill('初中');
      await page.getByTestId('hs-causes-illness').check();
      await page.getByTestId('hs-causes-schooling').check();
      await page.locator('#hs-income').fill('2400');
      expect(await page.locator('#hs-district').inputValue()).toBe('410105');
      await page.getByTestId('hs-register-submit').click();
      expect(await page.getByTestId('error-hs-head-id-number').innerText()).toBe('身份证号码格式不正确，应为 18 位且校验位正确');
    });
    await step('application-received', async () => {
      await page.locator('#hs-head-id-number').fill('410105198001010017');
      await page.getByTestId('hs-register-submit').click();
      await file().waitFor();
      fileId = (await file().getAttribute('data-file-id')) ?? '';
      expect(page.url()).toBe(`${app.url}/#/hardship-files/${fileId}`);
      expect(await status()).toBe('已申请');
      expect(await page.getByTestId('head-id-number').innerText()).toBe('410105********0017');
      expect(await page.getByTestId('head-phone').innerText()).toBe('139****1234');
      expect(await page.getByTestId('fact-causes').innerText()).toBe('因病、因学');
      expect(await page.getByTestId('fact-household-size').innerText()).toBe('3 人');
      expect(await page.getByTestId('members-table').innerText()).toMatch(/陈妻\s+配偶\s+44\s+尿毒症[\s\S]*陈子\s+子\s+15/);
    });
    await step('cadre', async () => {
      await runStep('cadre-grassroots-assign', 'cadre', async (dialog) => {
        expect(await dialog.getByTestId('hs-field-level').inputValue()).toBe('grassroots');
      });
      expect(await page.getByTestId('cadre-grassroots-name').innerText()).toBe('徐芳');
    });
  }, TEST_TIMEOUT);

  it('records the home visit only with the family\'s consent, then the public notice and an objection; reminded that the notice has ended, the cadre asks for registration', async () => {
    await step('visit-without-consent', async () => {
      await page.getByTestId('action-home-visit').click();
      const dialog = page.getByTestId('dialog-home-visit');
      await dialog.getByTestId('hs-field-visitedOn').fill(VISITED);
      await dialog.getByTestId('hs-field-findings').fill('妻子每周透析三次，儿子读初二；户主月薪 2400 元');
      await dialog.getByTestId('hs-field-monthlyHouseholdIncome').fill('2400');
      await dialog.getByTestId('dialog-submit').click();
      expect(await dialog.getByTestId('error-hs-field-consentToIncomeCheck').innerText()).toBe('须取得家庭同意核查收入的授权，才能登记入户核查');
      expect(await status()).toBe('已申请');
      await dialog.getByTestId('dialog-cancel').click();
    });
    await step('visited', async () => {
      await runStep('action-home-visit', 'home-visit', async (dialog) => {
        await dialog.getByTestId('hs-field-visitedOn').fill(VISITED);
        await dialog.getByTestId('hs-field-findings').fill('妻子每周透析三次，儿子读初二；户主月薪 2400 元');
        await dialog.getByTestId('hs-field-monthlyHouseholdIncome').fill('2400');
        await dialog.getByTestId('hs-field-consentToIncomeCheck').check();
      });
      expect(await status()).toBe('已入户核查');
      expect(await page.getByTestId('income-per-head').innerText()).toBe('¥800.00');
      expect(await page.getByTestId('income-line').innerText()).toBe('¥1,000.00');
      expect(await page.getByTestId('income-standing').innerText()).toBe('不高于低保标准');
    });
    await step('notice-and-objection', async () => {
      await runStep('action-notice', 'notice', (dialog) => dialog.getByTestId('hs-field-startedOn').fill(NOTICE_STARTED));
      expect(await status()).toBe('公示中');
      expect(await page.getByTestId('notice-period').innerText()).toMatch(new RegExp(`^公示期 ${NOTICE_STARTED} 至 \\d{4}-\\d{2}-\\d{2}$`));
      await runStep('action-objection', 'objection', async (dialog) => {
        await dialog.getByTestId('hs-field-summary').fill('邻居反映户主另有经营收入');
        await dialog.getByTestId('hs-field-receivedOn').fill(NOTICE_STARTED);
      });
      await runStep('objection-resolve', 'resolve-objection', async (dialog) => {
        await dialog.getByTestId('hs-field-resolution').fill('经核实户主无其他经营收入，异议不成立');
        await dialog.getByTestId('hs-field-resolvedOn').fill(NOTICE_STARTED);
      });
      expect(await page.getByTestId('objection-row').innerText()).toContain('异议不成立');
    });
    await step('reminded', async () => {
      // Two weeks on, the notice ended days ago: the next sweep reminds the file's cadre that it is overdue.
      await session!.shiftClock(WEEKS_LATER * DAY);
      await app.runtime.projections.waitUntilCaughtUp();
      await app.reminders.runOnce();
      await page.getByTestId('nav-hardship-due').click();
      await page.getByTestId('hs-due').waitFor();
      const reminder = page.locator(`[data-testid="reminder"][data-file-id="${fileId}"]`);
      await eventually('due-refresh', async () => (await reminder.count()) > 0, 'the reminder of the notice\'s end');
      expect(await reminder.getAttribute('data-step')).toBe('notice_end');
      expect(await reminder.innerText()).toMatch(/公示期满\s*超期/);
      expect(await page.locator(`[data-testid="due-row"][data-file-id="${fileId}"]`).getAttribute('data-overdue')).toBe('true');
      await reminder.getByTestId('reminder-read').click();
      await page.locator(`[data-testid="reminder"][data-file-id="${fileId}"][data-read="true"]`).waitFor();
      await openFile();
    });
    await step('registration-requested', async () => {
      await runStep('action-request-registration', 'request-registration', async (dialog) => {
        expect(await dialog.getByTestId('hs-field-causes-illness').isChecked()).toBe(true);
        expect(await dialog.getByTestId('hs-field-causes-schooling').isChecked()).toBe(true);
        await dialog.getByTestId('hs-field-level').selectOption('deep');
      });
      expect(await status()).toBe('待审批建档');
      expect(await page.getByTestId('pending-registration').innerText()).toContain('建档申请（深度困难）待督导审批');
    });
  }, TEST_TIMEOUT);

  it('has the registration approved by the supervisor in the approvals inbox', async () => {
    await step('registration-approved', async () => {
      await approveInInbox('困难职工建档立卡', 'approval-level', '深度困难', '入户核查属实，公示无异议，同意按深度困难建档', '已批准建档立卡，档案转为在档');
      await openFile();
      expect(await status()).toBe('在档');
      expect(await page.getByTestId('hs-level').innerText()).toBe('深度困难');
      expect(await page.getByTestId('fact-registered-on').innerText()).toBe(TODAY);
    });
  }, TEST_TIMEOUT);

  it('delivers aid in cash and in kind, records the yearly review and asks to lift the family out', async () => {
    await step('aid', async () => {
      await loginAs(CADRE);
      await openFile();
      expect(await page.getByTestId('cadre-grassroots-name').innerText()).toBe('徐芳');
      await page.getByTestId('hs-tab-aid').click();
      await runStep('action-aid', 'aid', async (dialog) => {
        await dialog.getByTestId('hs-field-type').selectOption('school');
        await dialog.getByTestId('hs-field-amount').fill('2,000');
        await dialog.getByTestId('hs-field-fundingSource').fill('金秋助学专项');
        // 金秋助学 reaches the son at school, not the head (ticked by default).
        expect(await dialog.getByTestId('hs-field-reached-0').isChecked()).toBe(true);
        expect(await dialog.getByTestId('hs-field-reached').innerText()).toContain('陈子（子）');
        await dialog.getByTestId('hs-field-reached-0').uncheck();
        await dialog.getByTestId('hs-field-reached-2').check();
      });
      await runStep('action-aid', 'aid', async (dialog) => {
        await dialog.getByTestId('hs-field-type').selectOption('festival');
        await dialog.getByTestId('hs-field-fundingSource').fill('送温暖专项');
        await dialog.getByTestId('dialog-submit').click();
        expect(await dialog.getByTestId('error-hs-field-inKind').innerText()).toContain('实物内容');
        await dialog.getByTestId('hs-field-inKind').fill('米一袋、油一桶');
      });
      const row = (type: string) => page.locator(`[data-testid="aid-row"][data-type="${type}"]`);
      expect(await row('school').getByTestId('aid-amount').innerText()).toBe('¥2,000.00');
      expect(await row('school').innerText()).toContain('金秋助学');
      expect(await row('festival').getByTestId('aid-amount').innerText()).toBe('实物：米一袋、油一桶');
    });
    await step('family-visit', async () => {
      await page.getByTestId('hs-tab-file').click();
      await runStep('action-family-visit', 'family-visit', async (dialog) => {
        await dialog.getByTestId('hs-field-note').fill('中秋走访，送去月饼和慰问金');
        await dialog.getByTestId('hs-field-visitedBy').fill('工会主席王某、徐芳');
      });
      await page.getByTestId('hs-tab-history').click();
      const visit = page.locator('[data-event-type="FamilyVisitRecorded"]');
      await visit.waitFor();
      expect(await visit.innerText()).toMatch(/走访慰问[\s\S]*中秋走访，送去月饼和慰问金[\s\S]*工会主席王某、徐芳/);
      expect(await page.locator('[data-event-type="AidDelivered"]').first().innerText()).toContain('第 2 位成员');
    });
    await step('review-and-lift-out', async () => {
      await page.getByTestId('hs-tab-file').click();
      await runStep('action-review', 'review', (dialog) => dialog.getByTestId('hs-field-findings').fill('妻子病情稳定，户主在原单位转为长期合同'));
      expect(await page.getByTestId('fact-next-review').innerText()).toBe(`${Number(TODAY.slice(0, 4)) + 1}${TODAY.slice(4)}`.replace(/-02-29$/, '-02-28'));
      await runStep('action-lift-out', 'lift-out', async (dialog) => {
        await dialog.getByTestId('hs-field-basis').selectOption('stable_work');
        await dialog.getByTestId('hs-field-evidence').fill('户主与郑州某纺织厂签订三年劳动合同，月薪 4200 元');
      });
      expect(await page.getByTestId('pending-lift-out').innerText()).toContain('脱困申请（稳定就业）待督导审批');
      expect(await page.getByTestId('action-lift-out').count()).toBe(0);
    });
  }, TEST_TIMEOUT);

  it('has the lift-out approved in the inbox; the family is followed up, checked in, and falls back into hardship', async () => {
    await step('lift-out-approved', async () => {
      await approveInInbox('困难职工脱困', 'approval-basis', '稳定就业', '劳动合同属实，同意脱困', '已批准脱困，进入 12 个月返贫监测');
    });
    await step('followed-up', async () => {
      await loginAs(CADRE);
      await openFile();
      expect(await status()).toBe('已脱困');
      expect(await page.getByTestId('fact-ended').innerText()).toBe(TODAY);
      expect(await page.getByTestId('check-in').count()).toBe(4);
      await runStep('action-follow-up', 'follow-up', (dialog) => dialog.getByTestId('hs-field-note').fill('电话回访，户主工作正常'));
      expect(await page.locator('[data-testid="check-in"][data-done="true"]').count()).toBe(1);
      expect(await page.getByTestId('hs-follow-up').innerText()).toContain('已回访 1 / 4 次');
    });
    await step('relapsed', async () => {
      await runStep('action-relapse', 'relapse', async (dialog) => {
        await dialog.getByTestId('hs-field-reason').fill('纺织厂停产，户主失业');
        await dialog.getByTestId('hs-field-level').selectOption('relative');
      });
      expect(await status()).toBe('在档');
      expect(await page.getByTestId('hs-level').innerText()).toBe('相对困难');
      expect(await page.getByTestId('fact-relapses').innerText()).toBe('1');
      expect(await page.getByTestId('hs-follow-up').count()).toBe(0);
      await page.getByTestId('hs-tab-history').click();
      await page.locator('[data-event-type="FileRelapsed"]').waitFor();
      const types: (string | null)[] = [];
      for (const entry of await page.getByTestId('timeline-entry').all()) types.push(await entry.getAttribute('data-event-type'));
      expect(types.slice(-3)).toEqual(['FileLiftedOut', 'FollowUpCheckInRecorded', 'FileRelapsed']);
      expect(await page.locator('[data-event-type="FileRelapsed"]').innerText()).toMatch(/返困[\s\S]*纺织厂停产，户主失业/);
    });
  }, TEST_TIMEOUT);

  it('lists the file\'s yearly review among what is due within a year, and links it from the case list', async () => {
    await step('due-list', async () => {
      await page.getByTestId('nav-hardship-due').click();
      await page.getByTestId('hs-due').waitFor();
      await page.getByTestId('due-days').selectOption('366');
      const row = page.locator(`[data-testid="due-row"][data-file-id="${fileId}"]`);
      await eventually('due-refresh', async () => (await row.count()) > 0, 'the file in the follow-up list');
      expect(await row.getAttribute('data-step')).toBe('yearly_review');
      expect(await row.innerText()).toContain('年度复核');
      await page.getByTestId('due-days').selectOption('30');
      await row.waitFor({ state: 'detached' });
    });
    await step('case-list', async () => {
      await page.getByTestId('nav-cases').click();
      const row = page.locator(`[data-testid="case-row"][data-case-id="${fileId}"]`);
      await eventually('cases-refresh', async () => (await row.count()) > 0 && (await row.getByTestId('status').innerText()) === '在档', 'the active file in the case list');
      expect(await row.innerText()).not.toContain('陈某');
      expect(await row.getByTestId('hardship-progress').innerText()).toContain('帮扶 2 次，¥2,000.00');
      await row.locator('a').click();
      await file().waitFor();
      expect(await file().getAttribute('data-file-id')).toBe(fileId);
    });
  }, TEST_TIMEOUT);

  it('counts the family on the dashboard: registered, lifted and relapsed this month, the aid by type with the persons it reached, and the visits', async () => {
    await step('dashboard', async () => {
      await loginAs(SUPERVISOR);
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('dash-tab-hardship').click();
      const value = (name: string) => page.getByTestId(`kpi-hs-${name}-value`).innerText();
      await eventually('dash-refresh', async () => (await page.getByTestId('kpi-hs-relapses-value').count()) > 0 && (await value('relapses')) === '1', 'the relapse in the figures');
      expect([await value('registered'), await value('active'), await value('lifted'), await value('relapses'), await value('relieved'), await value('cancelled')])
        .toEqual(['1', '1', '1', '1', '0', '0']);
      expect(await value('rate')).toBe('0.0%'); // registered this month and active again at its end
      const bar = (chart: string, code: string) => page.locator(`[data-testid="chart-hs-${chart}-bar"][data-code="${code}"]`).getAttribute('data-count');
      expect(await bar('aid-amount', 'school')).toBe('2000');
      expect(await bar('aid-households', 'festival')).toBe('1');
      expect(await bar('level', 'relative')).toBe('1');
      // Relapses as households and reopenings; school aid's persons are the children helped; the visits.
      expect(await page.getByTestId('kpi-hs-relapses').innerText()).toContain('1 户，共返困 1 次');
      const aidRow = (type: string) => page.locator(`[data-testid="hs-aid-row"][data-type="${type}"]`);
      expect([await aidRow('school').getByTestId('hs-aid-persons-reached').innerText(), await aidRow('school').getByTestId('hs-aid-distinct-persons').innerText()]).toEqual(['1', '1']);
      expect(await aidRow('school').innerText()).toContain('金秋助学');
      const visitRow = (kind: string) => page.locator(`[data-testid="hs-visit-row"][data-kind="${kind}"]`).innerText();
      expect(await visitRow('family')).toMatch(/走访慰问\s+1\s+1/);
      expect(await visitRow('follow_up')).toMatch(/返贫监测回访\s+1\s+1/);
      expect(await page.getByTestId('kpi-hs-visits').innerText()).toContain('走访 1 户');
    });
    await step('dashboard-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('hs-aid-by-type').scrollIntoViewIfNeeded();
      // The tables of aid and visits stay inside the screen, scrolling inside their card (the shell keeps its sidebar at every width: a shell matter).
      for (const table of ['hs-aid-by-type', 'hs-visits-by-kind']) {
        const right = await page.getByTestId(table).evaluate((element) => element.closest('.card')!.getBoundingClientRect().right);
        expect(right).toBeLessThanOrEqual(390);
      }
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, TEST_TIMEOUT);

  it('imports nothing from a registry with a row of another district\'s union, and imports the good registry once', async () => {
    const upload = async (name: string, rows: string[]) => {
      await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from([REGISTRY_HEADER, ...rows].join('\n'), 'utf8') });
    };
    await step('import-refused', async () => {
      await page.getByTestId('nav-hardship-import').click();
      await page.getByTestId('hs-import').waitFor();
      await upload('台账-有误.csv', [...REGISTRY_ROWS, 'EQ-L-3,蒋某,,,某厂,是,410103,410103,1,800,其他,相对困难,2019-05-01,在档,,']);
      await page.getByTestId('import-report').waitFor();
      expect(await page.getByTestId('import-report-summary').innerText()).toBe('有 1 处不合格，未导入任何档案。请修改后重新上传。');
      const problem = page.getByTestId('import-problem');
      expect(await problem.getAttribute('data-row')).toBe('4');
      expect(await problem.innerText()).toMatch(/^第 4 行\s+建档单位\s+建档单位须为本单位或下级单位/);
      expect(await page.getByTestId('import-result').count()).toBe(0);
    });
    await step('imported', async () => {
      await upload('台账.csv', REGISTRY_ROWS);
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-result').innerText()).toBe('导入完成：新建档案 2 份，已存在 0 份（未重复导入），记录事件 5 条。');
      expect(await page.getByTestId('import-report').count()).toBe(0);
      await upload('台账.csv', REGISTRY_ROWS);
      await page.locator('[data-testid="import-result"]', { hasText: '新建档案 0 份，已存在 2 份' }).waitFor();
    });
  }, TEST_TIMEOUT);

  it('moves the file to another station of the district, whose cadres keep it from then on', async () => {
    await step('transferred', async () => {
      await openFile();
      await runStep('action-transfer', 'transfer', async (dialog) => {
        await dialog.getByTestId('hs-field-unitId').selectOption('410105002');
        await dialog.getByTestId('hs-field-reason').fill('家庭搬至花园路街道');
      });
      expect(await page.getByTestId('fact-unit').innerText()).toBe('花园路街道职工维权服务站');
      await page.getByTestId('hs-tab-history').click();
      expect(await page.locator('[data-event-type="FileTransferred"]').innerText()).toMatch(/移交单位\s+经八路街道职工维权服务站[\s\S]*接收单位\s+花园路街道职工维权服务站[\s\S]*家庭搬至花园路街道/);
    });
    await step('transferred-away-from-the-station', async () => {
      await loginAs(CADRE);
      await page.goto(`${app.url}/#/hardship-files/${fileId}`);
      await page.getByTestId('hs-not-found').waitFor();
      expect(await page.getByTestId('hs-not-found').innerText()).not.toContain('陈某');
    });
  }, TEST_TIMEOUT);
});
