import { startCasework, type RunningCasework } from '#casework-runtime';
import { HttpClient } from './http-client.js';

const ADMIN_PASSWORD = 'bench-warden-Passw0rd';
/** A 12351 receiver (接线员) at the city centre: administrators manage users but read no cases. */
const RECEIVER = { username: 'bench.receiver', password: 'bench-receiver-Passw0rd', displayName: '压测接线员', role: 'caseworker', orgUnitId: '410100' };

export interface CaseworkSession {
  readonly casework: RunningCasework;
  /** Bearer token of the city centre's receiver, who takes calls and sees every unit's cases. */
  readonly token: string;
  stop(): Promise<void>;
}

/**
 * The whole system in this process, on the bench's database. The administrator logs in over HTTP
 * (`POST /api/auth/login`), creates the receiver (`POST /api/users`) unless an earlier item did, who then logs in too.
 */
export async function startCaseworkSession(databaseUrl: string, dataDir: string): Promise<CaseworkSession> {
  const casework = await startCasework({ databaseUrl, dataDir, port: 0, adminPassword: ADMIN_PASSWORD, log: false });
  const admin = new HttpClient(casework.url, 1);
  const receiver = new HttpClient(casework.url, 1);
  try {
    await admin.login('admin', ADMIN_PASSWORD);
    const created = await admin.request('POST', '/api/users', RECEIVER);
    // A later item on the same database (items 10 and 11 run one after the other) finds the receiver there.
    const exists = created.status === 400 && String(created.body).includes('"rule":"unique"');
    if (created.status !== 201 && created.status !== 200 && !exists) throw new Error(`Creating the receiver failed: ${created.status} ${created.body}`);
    await receiver.login(RECEIVER.username, RECEIVER.password);
  } catch (error) {
    await casework.stop();
    throw error;
  } finally {
    admin.close();
    receiver.close();
  }
  return {
    casework,
    token: receiver.accessToken!,
    async stop() {
      await casework.stop();
    },
  };
}
