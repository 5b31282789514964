import { DataSource } from 'typeorm';
import { poolStatements } from '#database';
import { createTestDatabase, type TestDatabase } from '#testing';
import { IDEMPOTENCY_SCHEMA_SQL, IdempotencyStore } from './idempotency.js';

describe('IdempotencyStore on PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: IdempotencyStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: the statement after a claim runs on the claim's session.
    dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 1 } }).initialize();
    await dataSource.query(IDEMPOTENCY_SCHEMA_SQL);
    // The test server runs with it off for speed; production's default is on.
    await dataSource.query('SET synchronous_commit = on');
    store = new IdempotencyStore(poolStatements(dataSource));
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('runs a command once for two identical requests at the same moment; both get its answer', async () => {
    let runs = 0;
    const execute = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { id: 'c-1', version: runs };
    };
    const answers = await Promise.all([store.once('u-1', 'k-1', execute, 'f'), store.once('u-1', 'k-1', execute, 'f')]);
    expect(runs).toBe(1);
    expect(answers).toEqual([{ id: 'c-1', version: 1 }, { id: 'c-1', version: 1 }]);
    expect(await store.once('u-1', 'k-1', execute, 'f')).toEqual({ id: 'c-1', version: 1 });
    expect(runs).toBe(1);
  });

  it('turns off the wait for the WAL flush for the claim alone, not for the session', async () => {
    await store.once('u-1', 'k-2', async () => ({ ok: true }), 'f');
    const [{ synchronous_commit }] = await dataSource.query('SHOW synchronous_commit');
    expect(synchronous_commit).toBe('on');
    const [row] = await dataSource.query(`SELECT result FROM command_results WHERE user_id = 'u-1' AND idempotency_key = 'k-2'`);
    expect(row.result).toEqual({ ok: true });
  });

  it('forgets a failed attempt, so that a retry runs the command again', async () => {
    await expect(store.once('u-1', 'k-3', async () => { throw new Error('store down'); }, 'f')).rejects.toThrow('store down');
    expect(await store.once('u-1', 'k-3', async () => 'second try', 'f')).toBe('second try');
  });

  it('refuses a key reused for a different request', async () => {
    await store.once('u-1', 'k-4', async () => 1, 'first');
    await expect(store.once('u-1', 'k-4', async () => 2, 'second')).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });
});
