/**
 * A projection never stops for good (issue 15, docs/adr/0004 "Parked events"), over the whole system
 * and in Debian's Chromium. A poisoned event is appended straight into the store, as a bug or an old
 * client could have written it: a complaint received on a channel no form offers. The hotline
 * figures' table refuses it (a CHECK this test adds stands for the projection's bug: PostgreSQL
 * refusing a row, as it refused year 0000 in the issue), so `hotline-figures` parks it and goes on.
 * /health turns degraded, /metrics and the console show it, the figures say they are incomplete;
 * once the bug is fixed (the CHECK dropped) the administrator replays it from the console.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { RecordedEvent } from '#event-store';
import { browserSuite as suite, logInThroughConsole, openConsoleSession, screenshotSteps, type ConsoleSession } from '#casework-testing';
import type { RunningCasework } from '#casework-runtime';
import { ApiClient } from '#casework-testing';
import { complaintFrom } from '#casework-testing';

const ADMIN = { username: 'admin', password: 'e2e-Warden-Passw0rd!' };
const CENTRE = { username: 'li.centre', password: 'e2e-Centre-passw0rd', displayName: '李敏', role: 'caseworker', orgUnitId: '410100' };
const POISON_CHANNEL = 'e2e_poison_channel';
const TEST_TIMEOUT = 90_000;

suite('parked events: one bad event is parked, everything else goes on, and replay applies it once fixed', () => {
  let session: ConsoleSession | undefined;
  let app: RunningCasework;
  let page: Page;
  let admin: ApiClient;
  let centre: ApiClient;
  const pageErrors: string[] = [];
  const poisonId = randomUUID();

  beforeAll(async () => {
    session = await openConsoleSession({ name: 'parked', adminPassword: ADMIN.password, pageErrors, viewport: { width: 1440, height: 900 }, prepare: async (started) => {
      app = started;
      admin = await ApiClient.login(started.url, ADMIN.username, ADMIN.password);
      const created = await admin.post('/api/users', CENTRE);
      if (created.status !== 201) throw new Error(`could not create ${CENTRE.username}: ${created.status}`);
      centre = await ApiClient.login(started.url, CENTRE.username, CENTRE.password);
    } });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.close(), 60_000);

  const { step } = screenshotSteps('parked', () => page, pageErrors);
  const sql = (text: string, params: unknown[] = []) => app.runtime.dataSource.query(text, params);
  const receiveComplaint = async (employer: string): Promise<string> => {
    const created = await centre.post('/api/complaints', complaintFrom({ phone: '13700005555' }, employer));
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const hotlineFigures = async () => (await centre.get('/api/stats/hotline')).body;
  const health = async (): Promise<any> => (await fetch(`${app.url}/health`)).json();
  /** The complaints the hotline figures count (their own table: the figures' period and "as of" aside). */
  const counted = async () => (await sql('SELECT complaint_id FROM hotline_complaints ORDER BY complaint_id')).map((row: { complaint_id: string }) => row.complaint_id);

  it('parks the poisoned event, turns /health degraded, shows it in /metrics and to administrators, and applies every later event', async () => {
    const firstId = await receiveComplaint('郑州市甲建筑劳务有限公司');
    await app.runtime.projections.waitUntilCaughtUp();
    expect(await hotlineFigures()).toMatchObject({ incomplete: false, parkedEvents: 0 });
    expect(await counted()).toEqual([firstId]);

    // The bug: the figures' table cannot take a channel no form offers.
    await sql(`ALTER TABLE hotline_complaints ADD CONSTRAINT e2e_known_channels CHECK (channel <> '${POISON_CHANNEL}')`);
    const [received] = await app.runtime.store.readStream(`hotline-complaint-${firstId}`, { maxCount: 1 });
    const poisoned: RecordedEvent = received;
    await app.runtime.store.appendToStream(`hotline-complaint-${poisonId}`, [{
      eventId: randomUUID(),
      type: poisoned.type,
      schemaVersion: poisoned.schemaVersion,
      data: { ...(poisoned.data as object), complaintId: poisonId, channel: POISON_CHANNEL },
      metadata: { ...poisoned.metadata, commandId: randomUUID() },
    }], 'no_stream');
    await app.runtime.projections.waitUntilCaughtUp();

    // The repeat-call detector flagged the copy (same phone and employer); the figures fold that flag onto
    // the same refused row, so the stream's next event is parked too — and both are replayed together.
    const status = await health();
    expect(status).toMatchObject({ status: 'degraded', parkedEvents: 2 });
    expect(status.projections.find((p: { name: string }) => p.name === 'hotline-figures')).toMatchObject({ state: 'running', parkedEvents: 2, lagEvents: 0 });
    expect(status.projections.find((p: { name: string }) => p.name === 'case-list')).toMatchObject({ state: 'running', parkedEvents: 0 });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('casework_projection_parked_events{projection="hotline-figures"} 2');
    expect(metrics).toContain('casework_projection_parked_events{projection="case-list"} 0');

    const { status: code, body: parked } = await admin.get('/api/admin/parked-events');
    expect(code).toBe(200);
    expect(parked).toMatchObject({ total: 2, byProjection: { 'hotline-figures': 2 } });
    expect(parked.items).toEqual([
      expect.objectContaining({
        projection: 'hotline-figures', eventType: 'ComplaintReceived', streamId: `hotline-complaint-${poisonId}`, streamRevision: 0,
        errorClass: 'QueryFailedError 23514', status: 'parked', attempts: 1,
      }),
      expect.objectContaining({ projection: 'hotline-figures', eventType: 'ComplaintFlaggedAsRepeat', streamId: `hotline-complaint-${poisonId}`, streamRevision: 1 }),
    ]);
    // The driver's message names the constraint; no value of the event is quoted.
    expect(parked.items[0].errorMessage).toContain('constraint e2e_known_channels');
    expect(parked.items[0].errorMessage).not.toContain(POISON_CHANNEL);
    expect((await centre.get('/api/admin/parked-events')).status).toBe(403);
    expect((await admin.get('/api/admin/parked-events?projection=no-such-projection')).body).toMatchObject({ code: 'validation_failed' });

    // The same projection goes on with the next events: a later complaint is listed and counted.
    const laterId = await receiveComplaint('郑州市乙物业服务有限公司');
    await app.runtime.projections.waitUntilCaughtUp();
    const { body: cases } = await centre.get('/api/cases');
    expect(cases.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([firstId, laterId]));
    expect(await counted()).toEqual([firstId, laterId].sort());
    expect(await hotlineFigures()).toMatchObject({ incomplete: true, parkedEvents: 2 });
    expect((await centre.get('/api/stats/wage')).body).toMatchObject({ incomplete: false, parkedEvents: 0 });
  }, TEST_TIMEOUT);

  it('shows the parked event to the administrator in the console, at desktop and phone widths', async () => {
    await step('parked-event-listed', async () => {
      await logInThroughConsole(page, app.url, ADMIN);
      await page.getByTestId('nav-parked').click();
      const row = page.locator('[data-testid="parked-row"][data-projection="hotline-figures"]').first();
      await row.waitFor();
      expect(await row.textContent()).toContain('ComplaintReceived');
      expect(await row.textContent()).toContain(`hotline-complaint-${poisonId}`);
      expect(await row.getByTestId('parked-error').textContent()).toContain('QueryFailedError 23514');
      expect(await page.getByTestId('parked-total').textContent()).toContain('共 2 个事件被搁置');
    });
    await step('parked-event-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      // Each event becomes a card with its fields labelled: the table's columns do not fit a phone.
      await page.locator('[data-testid="parked-row"]:not(tr)').first().waitFor();
      expect(await page.getByTestId('parked-row').first().textContent()).toContain('QueryFailedError 23514');
    });
    await page.setViewportSize({ width: 1440, height: 900 });
  }, TEST_TIMEOUT);

  it('replays the event from the console once the bug is fixed: it is applied, counted, and nothing is parked', async () => {
    await sql('ALTER TABLE hotline_complaints DROP CONSTRAINT e2e_known_channels');
    await step('replayed', async () => {
      await page.getByTestId('parked-replay-all').click();
      await page.getByTestId('parked-empty').waitFor();
      expect(await page.getByTestId('parked-notice').textContent()).toContain('重放完成：2 个事件已应用，0 个仍被搁置');
    });

    expect(await health()).toMatchObject({ status: 'ok', parkedEvents: 0 });
    expect((await admin.get('/api/admin/parked-events')).body).toMatchObject({ total: 0, items: [] });
    expect((await admin.get('/api/admin/parked-events?includeReplayed=true')).body.items).toEqual([
      expect.objectContaining({ eventType: 'ComplaintReceived', status: 'replayed', replayedAt: expect.any(String) }),
      expect.objectContaining({ eventType: 'ComplaintFlaggedAsRepeat', status: 'replayed', replayedAt: expect.any(String) }),
    ]);
    expect(await hotlineFigures()).toMatchObject({ incomplete: false, parkedEvents: 0 });
    expect(await counted()).toContain(poisonId);
    expect(await counted()).toHaveLength(3);
    // The live projection carries on from the swapped-in tables.
    const lastId = await receiveComplaint('郑州市丙餐饮管理有限公司');
    await app.runtime.projections.waitUntilCaughtUp();
    expect(await counted()).toContain(lastId);
    expect(await counted()).toHaveLength(4);
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);
});
