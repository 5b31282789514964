import { DataSource } from 'typeorm';
import { poolStatements, ProcessPresence } from '#database';
import { createTestDatabase, type TestDatabase } from '#testing';
import { IDEMPOTENCY_SCHEMA_SQL, IdempotencyStore } from './idempotency.js';

/** A promise and the function that settles it: a command that runs until the test lets it finish. */
function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('IdempotencyStore on PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: IdempotencyStore;
  let presence: ProcessPresence;
  /** The store of another process of the installation, with its own presence (alive until stopped). */
  const otherProcess = async (waitMs?: number) => {
    const other = await ProcessPresence.start(db.url);
    return { presence: other, store: new IdempotencyStore(poolStatements(dataSource), { instanceId: other.instanceId, waitMs }) };
  };
  const claimed = async (userId: string, key: string) => {
    for (let tries = 0; tries < 200; tries++) {
      if ((await dataSource.query('SELECT 1 FROM command_results WHERE user_id = $1 AND idempotency_key = $2', [userId, key])).length > 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${key} was never claimed`);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: the statement after a claim runs on the claim's session.
    dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 1 } }).initialize();
    await dataSource.query(IDEMPOTENCY_SCHEMA_SQL);
    // The test server runs with it off for speed; production's default is on.
    await dataSource.query('SET synchronous_commit = on');
    presence = await ProcessPresence.start(db.url);
    store = new IdempotencyStore(poolStatements(dataSource), { instanceId: presence.instanceId });
  });

  afterAll(async () => {
    await presence.stop();
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

  it('takes over the key of a process that died before its command was written, and runs the command', async () => {
    const crashed = await otherProcess();
    void crashed.store.once('u-2', 'k-10', () => gate<string>().promise, 'f');
    await claimed('u-2', 'k-10');
    await crashed.presence.stop(); // the process is gone; its claim stays behind without an answer

    const startedAt = Date.now();
    let runs = 0;
    const answer = await store.once('u-2', 'k-10', async () => `ran ${++runs}`, 'f', async () => undefined);
    expect(answer).toBe('ran 1');
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(await store.once('u-2', 'k-10', async () => `ran ${++runs}`, 'f')).toBe('ran 1');
    expect(runs).toBe(1);
  });

  it('answers a taken-over key with what its command wrote, without running it again', async () => {
    const crashed = await otherProcess();
    void crashed.store.once('u-2', 'k-11', () => gate<object>().promise, 'f');
    await claimed('u-2', 'k-11');
    await crashed.presence.stop();

    let runs = 0;
    const execute = async () => ({ id: 'c-11', version: ++runs });
    expect(await store.once('u-2', 'k-11', execute, 'f', async () => ({ id: 'c-11', version: 7 }))).toEqual({ id: 'c-11', version: 7 });
    expect(await store.once('u-2', 'k-11', execute, 'f', async () => undefined)).toEqual({ id: 'c-11', version: 7 });
    expect(runs).toBe(0);
  });

  it('lets a duplicate wait for a process that is still running the command, and answers 409 asking for a retry if it takes too long', async () => {
    const running = gate<string>();
    const first = store.once('u-2', 'k-12', () => running.promise, 'f');
    await claimed('u-2', 'k-12');
    const impatient = await otherProcess(300);
    await expect(impatient.store.once('u-2', 'k-12', async () => 'ran twice', 'f')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'idempotency_key_in_progress',
      message: expect.stringMatching(/仍在处理.*重试/),
    });
    running.open('first answer');
    expect(await first).toBe('first answer');
    expect(await impatient.store.once('u-2', 'k-12', async () => 'ran twice', 'f')).toBe('first answer');
    await impatient.presence.stop();
  });

  it('takes over a claim recorded without its process (by an earlier version) once it is a minute old', async () => {
    await dataSource.query(`INSERT INTO command_results (user_id, idempotency_key, request_fingerprint, created_at) VALUES ('u-2', 'k-13', 'f', now() - interval '2 minutes')`);
    expect(await store.once('u-2', 'k-13', async () => 'ran', 'f')).toBe('ran');
  });

  it('does not release a claim that another process took over when its own late attempt fails', async () => {
    const slow = await otherProcess();
    const failing = gate<never>();
    const late = slow.store.once('u-2', 'k-14', () => failing.promise.then(() => { throw new Error('too late'); }), 'f');
    await claimed('u-2', 'k-14');
    await slow.presence.stop(); // looks dead: its connection is gone, but the process goes on
    const takeover = gate<string>();
    const taken = store.once('u-2', 'k-14', () => takeover.promise, 'f', async () => undefined);
    await new Promise((r) => setTimeout(r, 100));
    failing.open(undefined as never);
    await expect(late).rejects.toThrow('too late');
    const [row] = await dataSource.query(`SELECT result FROM command_results WHERE user_id = 'u-2' AND idempotency_key = 'k-14'`);
    expect(row).toEqual({ result: null });
    takeover.open('taken over');
    expect(await taken).toBe('taken over');
  });
});
