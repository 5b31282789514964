import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '#testing';
import { aNewEvent, aStreamId, aTestContext, someNewEvents } from '../testing/event-fixtures.js';
import { SubscriptionRecorder } from '../testing/subscription-recorder.js';
import { appendToStream } from './append-to-stream.js';
import { PostgresEventStore } from './postgres-event-store.js';

describe('PostgreSQL subscriptions', () => {
  let database: TestDatabase;
  let store: PostgresEventStore | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  afterAll(async () => {
    await database.drop();
  });

  async function listeningConnections(store: PostgresEventStore): Promise<number> {
    const { rows } = await store.pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`);
    return rows[0].n;
  }

  it('wakes on the notification of a commit, long before the next poll', async () => {
    store = await PostgresEventStore.connect({ connectionString: database.url, pollIntervalMs: 60_000 });
    const context = aTestContext();
    const recorder = new SubscriptionRecorder(store, { streamPrefixes: [`${context}-`] });
    await store.appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
    await recorder.waitForCount(1, 2_000);

    const appendedAt = Date.now();
    await store.appendToStream(aStreamId(context), someNewEvents(1), 'no_stream');
    await recorder.waitForCount(2, 2_000);

    expect(Date.now() - appendedAt).toBeLessThan(1_000);
  });

  it('still finds events whose notification never came, by polling', async () => {
    store = await PostgresEventStore.connect({ connectionString: database.url, pollIntervalMs: 50 });
    const context = aTestContext();
    const recorder = new SubscriptionRecorder(store, { streamPrefixes: [`${context}-`] });
    const eventId = randomUUID();

    // The append function alone: the store's notifier, which would wake the subscription, never runs.
    await appendToStream(store.pool, aStreamId(context), [aNewEvent({ eventId })], 'no_stream');
    await recorder.waitForCount(1, 2_000);

    expect(recorder.eventIds).toEqual([eventId]);
  });

  it('closes its listening connection when stopped, and close() stops the subscriptions still running', async () => {
    store = await PostgresEventStore.connect({ connectionString: database.url });
    const stopped = new SubscriptionRecorder(store);
    const stillRunning = new SubscriptionRecorder(store);
    await store.appendToStream(aStreamId(), someNewEvents(1), 'no_stream');
    await Promise.all([stopped.waitForCount(1), stillRunning.waitForCount(1)]);
    expect(await listeningConnections(store)).toBe(2);

    await stopped.subscription.stop();
    expect(await listeningConnections(store)).toBe(1);

    await store.close();
    store = undefined;
    await expect(stillRunning.subscription.done).resolves.toBeUndefined();
  });
});
