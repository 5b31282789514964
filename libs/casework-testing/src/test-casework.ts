import { shanghaiDateOf } from '#calendar';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type CaseworkOptions, type RunningCasework } from '#casework-runtime';
import { ApiClient } from './api-client.js';

export const TEST_ADMIN_PASSWORD = 'test-Warden-passw0rd';
/** The password `userClient` gives every user it creates: strong enough for the password policy, and no username in it. */
export const TEST_USER_PASSWORD = 'Lantern-harbour-passw0rd';

/**
 * The instant a system under test starts at, unless the test names its own: a Wednesday morning in a
 * year whose holidays chinese-days knows. The system's clock runs on from it with the real time, so
 * a test never depends on the day it happens to run (a deadline or a limitation 30 days ahead flips
 * on some day nobody chose otherwise).
 */
export const TEST_START = '2026-11-25T09:00:00+08:00';

/** A clock that starts at `start` and runs with the real time, moved by `shift`. */
export function testClock(start: string = TEST_START): { now(): Date; shift(ms: number): void } {
  const startedAt = Date.now();
  let offset = Date.parse(start) - startedAt;
  return {
    now: () => new Date(Date.now() + offset),
    shift: (ms) => {
      offset += ms;
    },
  };
}

export interface TestCasework {
  readonly app: RunningCasework;
  readonly admin: ApiClient;
  /** Moves the system clock (deadlines, overdue lists) forward or back by this many ms. */
  shiftClock(ms: number): void;
  /** The system's day now (Shanghai), as moved by `shiftClock`. */
  today(): string;
  /** Creates a user through the API and returns a client logged in as them. */
  userClient(user: { username: string; role: string; orgUnitId: string }): Promise<ApiClient>;
  stop(): Promise<void>;
}

/** The whole system on a fresh database of the run's real PostgreSQL server, with an admin client. */
export async function startTestCasework(
  options: Pick<CaseworkOptions, 'sessionLifetimeSeconds' | 'povertyLinesFile' | 'webRoot' | 'exposure'> & { readonly startAt?: string } = {},
): Promise<TestCasework> {
  const db: TestDatabase = await createTestDatabase();
  const { startAt, ...caseworkOptions } = options;
  const clock = testClock(startAt);
  const app = await startCasework({
    databaseUrl: db.url,
    dataDir: mkdtempSync(join(tmpdir(), 'casework-test-')),
    port: 0,
    adminPassword: TEST_ADMIN_PASSWORD,
    log: false,
    clock: clock.now,
    // The specs read the API documents (the fuzzer walks them) and /metrics.
    exposure: { apiDocs: true, metrics: true },
    ...caseworkOptions,
  });
  const admin = await ApiClient.login(app.url, 'admin', TEST_ADMIN_PASSWORD);
  return {
    app,
    admin,
    shiftClock: clock.shift,
    today: () => shanghaiDateOf(clock.now()),
    async userClient({ username, role, orgUnitId }) {
      const password = TEST_USER_PASSWORD;
      const created = await admin.post('/api/users', { username, password, displayName: username, role, orgUnitId });
      if (created.status !== 201) throw new Error(`Could not create ${username}: ${JSON.stringify(created.body)}`);
      return ApiClient.login(app.url, username, password);
    },
    async stop() {
      await app.stop();
      await db.drop();
    },
  };
}
