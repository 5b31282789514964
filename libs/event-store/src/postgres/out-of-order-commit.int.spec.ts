import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { START, compareLogPositions } from '../log-position.js';
import { pause } from '../testing/async-helpers.js';
import { aNewEvent, aStreamId, aTestContext } from '../testing/event-fixtures.js';
import { SubscriptionRecorder } from '../testing/subscription-recorder.js';
import { appendToStream } from './append-to-stream.js';
import { PostgresEventStore } from './postgres-event-store.js';

describe('PostgreSQL global log when transactions commit out of order', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let first: pg.Client;
  let second: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: database.url, pollIntervalMs: 50 });
    first = new pg.Client({ connectionString: database.url });
    second = new pg.Client({ connectionString: database.url });
    await Promise.all([first.connect(), second.connect()]);
  });

  afterAll(async () => {
    await Promise.all([first.end(), second.end()]);
    await store.close();
    await database.drop();
  });

  it('holds back a transaction that commits first until the one that wrote before it commits, so no reader skips either', async () => {
    const context = aTestContext();
    const streamPrefixes = [`${context}-`];
    const alreadyRunning = new SubscriptionRecorder(store, { streamPrefixes });
    const [eventA, eventB] = [aNewEvent(), aNewEvent()];

    await first.query('BEGIN');
    const appendedA = await appendToStream(first, aStreamId(context), [eventA], 'no_stream');
    await second.query('BEGIN');
    const appendedB = await appendToStream(second, aStreamId(context), [eventB], 'no_stream');
    await second.query('COMMIT');

    // B holds the higher sequence number and is committed: a reader ordering by sequence would take B and move past A.
    expect(appendedA.lastPosition.prepare).toBeLessThan(appendedB.lastPosition.prepare);
    const bySequence = await store.pool.query('SELECT event_id FROM event_store.events ORDER BY global_position');
    expect(bySequence.rows.map((row) => row.event_id)).toEqual([eventB.eventId]);

    await pause(300);
    expect(alreadyRunning.events).toEqual([]);
    expect(await store.readAll({ after: START, streamPrefixes })).toEqual([]);
    expect(compareLogPositions(await store.headPosition(), appendedA.lastPosition)).toBe(-1);

    await first.query('COMMIT');
    const fromStart = new SubscriptionRecorder(store, { after: START, streamPrefixes });
    await Promise.all([alreadyRunning.waitForCount(2), fromStart.waitForCount(2)]);
    await pause(300);
    await Promise.all([alreadyRunning.subscription.stop(), fromStart.subscription.stop()]);

    expect(alreadyRunning.eventIds).toEqual([eventA.eventId, eventB.eventId]);
    expect(fromStart.eventIds).toEqual([eventA.eventId, eventB.eventId]);
    expect((await store.readAll({ after: START, streamPrefixes })).map((event) => event.position)).toEqual([appendedA.lastPosition, appendedB.lastPosition]);
  });
});
