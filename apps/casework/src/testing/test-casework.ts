import { shanghaiDateOf } from '#calendar';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing';
import { startCasework, type CaseworkOptions, type RunningCasework } from '../bootstrap.js';
import { ApiClient } from './api-client.js';

export const TEST_ADMIN_PASSWORD = 'test-Admin-passw0rd';

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
export async function startTestCasework(options: Pick<CaseworkOptions, 'sessionLifetimeSeconds' | 'povertyLinesFile' | 'webRoot'> = {}): Promise<TestCasework> {
  const db: TestDatabase = await createTestDatabase();
  let offset = 0;
  const app = await startCasework({
    databaseUrl: db.url,
    dataDir: mkdtempSync(join(tmpdir(), 'casework-test-')),
    port: 0,
    adminPassword: TEST_ADMIN_PASSWORD,
    log: false,
    clock: () => new Date(Date.now() + offset),
    ...options,
  });
  const admin = await ApiClient.login(app.url, 'admin', TEST_ADMIN_PASSWORD);
  return {
    app,
    admin,
    shiftClock: (ms) => {
      offset += ms;
    },
    today: () => shanghaiDateOf(new Date(Date.now() + offset)),
    async userClient({ username, role, orgUnitId }) {
      const password = `${username}-passw0rd`;
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
