import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#testing';
import { IDENTITY_SCHEMA_SQL } from '../identity.schema.js';
import { LoginThrottleStore } from './login-throttle.store.js';

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

  it('admits five attempts, then answers the wait until it has passed', async () => {
    for (let i = 0; i < 5; i++) expect(await throttle.admit('zhang', at(i))).toBe(0);
    expect(await throttle.admit('zhang', at(5))).toBe(59);
    expect(await throttle.admit('zhang', at(63))).toBe(1);
    expect(await throttle.admit('zhang', at(64))).toBe(0);
    expect(await throttle.admit('zhang', at(65))).toBe(119);
  });

  it('counts the name as typed, whatever its case or surrounding spaces, and keeps no name in clear', async () => {
    for (let i = 0; i < 5; i++) await throttle.admit(i % 2 ? ' Wang.Fang ' : 'wang.fang', at(i));
    expect(await throttle.admit('WANG.FANG', at(6))).toBeGreaterThan(0);
    const keys: Array<{ username_key: string }> = await dataSource.query('SELECT username_key FROM login_throttle');
    expect(keys.map((k) => k.username_key).join()).not.toMatch(/wang|zhang/i);
  });

  it('forgets the failures after a success', async () => {
    for (let i = 0; i < 4; i++) await throttle.admit('li', at(i));
    await throttle.clear('li');
    for (let i = 0; i < 4; i++) expect(await throttle.admit('li', at(10 + i))).toBe(0);
  });

  it('lets no more than five of a burst of parallel attempts through', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => throttle.admit('burst', at(0))));
    expect(answers.filter((wait) => wait === 0)).toHaveLength(5);
    expect(answers.filter((wait) => wait === 60)).toHaveLength(7);
  });
});
