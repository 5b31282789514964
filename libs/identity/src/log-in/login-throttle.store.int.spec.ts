import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#testing';
import { IDENTITY_SCHEMA_SQL } from '../identity.schema.js';
import { LoginThrottleStore, type LoginAttempt } from './login-throttle.store.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 9, 1, 0) + seconds * 1000);

describe('the login throttle in PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let throttle: LoginThrottleStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 12 } }).initialize();
    await dataSource.query(IDENTITY_SCHEMA_SQL);
    throttle = new LoginThrottleStore(dataSource, 'test-secret');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** An attempt admitted and then failed; the admission as answered. */
  const fail = async (attempt: LoginAttempt, when: Date) => {
    const answer = await throttle.admit(attempt, when);
    if (answer.kind === 'admit') await throttle.failed(attempt, when);
    return answer;
  };

  it('admits five failing attempts, then answers the wait until it has passed', async () => {
    for (let i = 0; i < 5; i++) expect(await fail({ username: 'zhang' }, at(i))).toEqual({ kind: 'admit' });
    expect(await throttle.admit({ username: 'zhang' }, at(5))).toEqual({ kind: 'wait', seconds: 59 });
    expect(await throttle.admit({ username: 'zhang' }, at(63))).toEqual({ kind: 'wait', seconds: 1 });
    expect(await fail({ username: 'zhang' }, at(64))).toEqual({ kind: 'admit' });
    expect(await throttle.admit({ username: 'zhang' }, at(65))).toEqual({ kind: 'wait', seconds: 119 });
  });

  it('counts the name as typed, whatever its case or surrounding spaces, and keeps no name or address in clear', async () => {
    for (let i = 0; i < 5; i++) await fail({ username: i % 2 ? ' Wang.Fang ' : 'wang.fang', address: '10.1.2.3' }, at(i));
    expect((await throttle.admit({ username: 'WANG.FANG' }, at(6))).kind).toBe('wait');
    const rows: Array<{ username_key: string }> = await dataSource.query('SELECT username_key FROM login_throttle');
    expect(rows.map((k) => k.username_key).join()).not.toMatch(/wang|zhang|10\.1/i);
  });

  it('forgets the username\'s failures after a success', async () => {
    for (let i = 0; i < 4; i++) await fail({ username: 'li' }, at(i));
    expect(await throttle.admit({ username: 'li' }, at(5))).toEqual({ kind: 'admit' });
    await throttle.succeeded({ username: 'li' }, at(5));
    for (let i = 0; i < 4; i++) expect(await fail({ username: 'li' }, at(10 + i))).toEqual({ kind: 'admit' });
  });

  it('checks no more than five of a burst of parallel attempts at once; the rest are told to wait their turn', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => throttle.admit({ username: 'burst' }, at(0))));
    expect(answers.filter((answer) => answer.kind === 'admit')).toHaveLength(5);
    expect(answers.filter((answer) => answer.kind === 'busy')).toHaveLength(7);
    for (let i = 0; i < 5; i++) await throttle.failed({ username: 'burst' }, at(0));
    expect(await throttle.admit({ username: 'burst' }, at(1))).toEqual({ kind: 'wait', seconds: 59 });
  });

  it('lets a burst of correct log-ins through, a few at a time, without counting any', async () => {
    let done = 0;
    const logIn = async () => {
      for (;;) {
        const answer = await throttle.admit({ username: 'busy.user', address: '10.0.0.9' }, at(0));
        if (answer.kind === 'admit') break;
        expect(answer.kind).toBe('busy');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await throttle.succeeded({ username: 'busy.user', address: '10.0.0.9' }, at(0));
      done++;
    };
    await Promise.all(Array.from({ length: 16 }, logIn));
    expect(done).toBe(16);
    expect(await throttle.admit({ username: 'busy.user', address: '10.0.0.9' }, at(1))).toEqual({ kind: 'admit' });
  });

  it('slows an address that fails over many usernames, each of them below its own limit', async () => {
    const answers = [];
    for (let user = 0; user < 12; user++) for (let i = 0; i < 2; i++) answers.push((await fail({ username: `spray${user}`, address: '10.9.9.9' }, at(user))).kind);
    expect(answers.slice(0, 20).every((kind) => kind === 'admit')).toBe(true);
    expect(answers.slice(20)).toEqual(['wait', 'wait', 'wait', 'wait']);
    expect((await throttle.admit({ username: 'somebody.else', address: '10.9.9.9' }, at(13))).kind).toBe('wait');
    expect((await throttle.admit({ username: 'somebody.else', address: '10.9.9.8' }, at(13))).kind).toBe('admit');
  });
});
