import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '#database';
import { loadMasterKey } from '#personal-data';

/** Settings that decide what a commit costs; printed with the results so they can be compared. */
const REPORTED_SETTINGS = [
  'server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'commit_delay',
  'wal_level', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'max_connections', 'work_mem',
];

export interface BenchServer {
  /** The database `startCasework` uses (created by the embedded server on first start). */
  readonly caseworkUrl: string;
  /** The system's DATA_DIR (its master key), shared by the catch-up's projector and the running system. */
  readonly appDataDir: string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  settings(): Promise<Record<string, string>>;
  /**
   * Waits until the server is quiet: no autovacuum worker running (up to 15 s), then a CHECKPOINT, so
   * the work one run left behind (dirty pages, vacuum of its tables) is not billed to the next run.
   */
  quiesce(): Promise<void>;
  /** The server's main process, to tell its CPU time from other processes'. */
  postmasterPid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The project's own embedded PostgreSQL (`startEmbeddedPostgres`), with its default settings, in a
 * fresh temporary directory that is removed afterwards.
 */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casework-bench-'));
  // Run as root, the server runs as the `postgres` user, which must be able to reach the cluster below.
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir);
  const appDataDir = join(dataDir, 'app');
  mkdirSync(appDataDir, { recursive: true });
  loadMasterKey({ file: join(appDataDir, 'master.key'), createIfMissing: true });
  const urlFor = (database: string) => {
    const url = new URL(server.url);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const withClient = async <T>(body: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return await body(client);
    } finally {
      await client.end();
    }
  };
  return {
    caseworkUrl: server.url,
    appDataDir,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
      await withClient((client) => client.query(`CREATE DATABASE ${name}`));
      return urlFor(name);
    },
    settings: () =>
      withClient(async (client) => {
        const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
          'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name',
          [REPORTED_SETTINGS],
        );
        const version = await client.query<{ server_version: string }>('SHOW server_version');
        return Object.fromEntries([
          ['server_version', version.rows[0].server_version],
          ...rows.filter((row) => row.name !== 'server_version').map((row) => [row.name, row.unit ? `${row.setting} (${row.unit})` : row.setting]),
          ['data_directory', join(dataDir, 'postgres')],
        ]);
      }),
    quiesce: () =>
      withClient(async (client) => {
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline) {
          const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await client.query('CHECKPOINT');
      }),
    postmasterPid() {
      try {
        return Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
