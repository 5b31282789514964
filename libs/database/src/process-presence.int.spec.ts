import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#testing';
import { poolStatements } from './pool-statements.js';
import { processEndedSql, ProcessPresence } from './process-presence.js';

describe('the presence of a process on the database', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const ended = async (instanceId: string) =>
    (await poolStatements(dataSource).query<{ ended: boolean }>(`SELECT ${processEndedSql('$1::text')} AS ended`, [instanceId]))[0].ended;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('shows a process as running while it lives, and as ended once its connection is gone', async () => {
    const first = await ProcessPresence.start(db.url);
    const second = await ProcessPresence.start(db.url);
    expect(first.instanceId).not.toBe(second.instanceId);
    expect(await ended(first.instanceId)).toBe(false);
    expect(await ended(second.instanceId)).toBe(false);
    await first.stop();
    expect(await ended(first.instanceId)).toBe(true);
    expect(await ended(second.instanceId)).toBe(false);
    await second.stop();
  });

  it('shows a process as ended when the server ended its session (the process was killed)', async () => {
    const presence = await ProcessPresence.start(db.url);
    // What PostgreSQL does when the socket of a killed process closes: the session ends, its locks with it.
    await dataSource.query(
      `SELECT pg_terminate_backend(pid, 5000) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
         AND ((classid::bigint << 32) | objid::bigint) = $1::bigint`,
      [presence.instanceId],
    );
    expect(await ended(presence.instanceId)).toBe(true);
    await presence.stop();
  });

  it('takes its presence again after losing its connection', async () => {
    const presence = await ProcessPresence.start(db.url);
    await dataSource.query(
      `SELECT pg_terminate_backend(pid, 5000) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
         AND ((classid::bigint << 32) | objid::bigint) = $1::bigint`,
      [presence.instanceId],
    );
    const deadline = Date.now() + 5000;
    while (await ended(presence.instanceId)) {
      if (Date.now() > deadline) throw new Error('the presence was not taken again');
      await new Promise((r) => setTimeout(r, 100));
    }
    await presence.stop();
    expect(await ended(presence.instanceId)).toBe(true);
  });
});
