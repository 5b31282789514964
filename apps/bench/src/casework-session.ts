import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCasework, type RunningCasework } from '../../casework/src/bootstrap.js';
import { HttpClient } from './http-client.js';

const ADMIN_PASSWORD = 'bench-admin-Passw0rd';

export interface CaseworkSession {
  readonly casework: RunningCasework;
  /** The administrator's bearer token, from `POST /api/auth/login`. */
  readonly token: string;
  stop(): Promise<void>;
}

/** The whole system in this process, on the bench's database, with the administrator logged in over HTTP. */
export async function startCaseworkSession(databaseUrl: string): Promise<CaseworkSession> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casework-bench-app-'));
  const casework = await startCasework({ databaseUrl, dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false });
  const client = new HttpClient(casework.url, 1);
  try {
    await client.login('admin', ADMIN_PASSWORD);
  } finally {
    client.close();
  }
  return {
    casework,
    token: client.accessToken!,
    async stop() {
      await casework.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
