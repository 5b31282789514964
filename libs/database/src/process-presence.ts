import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * This process, as every process on the same database can tell whether it still runs: it holds a
 * session-level advisory lock keyed by its instance id (random per start) on a connection of its own
 * for as long as it lives. When the process dies — `kill -9` included — the kernel closes its socket,
 * PostgreSQL ends the session and the lock goes with it. Another process asks with
 * `processEndedSql`: taking the same lock for a moment succeeds only once the holder is gone.
 *
 * A lost connection (the server restarting) is reconnected and the lock taken again; in between the
 * process looks ended to the others, which is why whatever they take over from it must be safe to do
 * twice (ADR 0005).
 */
export class ProcessPresence {
  private client: pg.Client | undefined;
  private stopped = false;
  private reconnecting: NodeJS.Timeout | undefined;

  private constructor(
    private readonly connectionString: string,
    /** A positive 63-bit integer, in decimal: the key of the advisory lock. */
    readonly instanceId: string,
  ) {}

  static async start(connectionString: string): Promise<ProcessPresence> {
    const presence = new ProcessPresence(connectionString, (randomBytes(8).readBigUInt64BE() >> 1n).toString());
    await presence.connect();
    return presence;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnecting);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1::bigint)', [this.instanceId]);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) await client.end().catch(() => {});
    else this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    const retry = () => {
      this.reconnecting = setTimeout(() => this.connect().catch(retry), 1000);
      this.reconnecting.unref();
    };
    retry();
  }
}

/**
 * SQL that is true when the process with the instance id in `instanceIdSql` (text) no longer holds its
 * presence. It briefly takes the lock itself, until the end of the statement's transaction: run it in a
 * transaction of its own (a single statement on a pool).
 */
export const processEndedSql = (instanceIdSql: string) => `pg_try_advisory_xact_lock((${instanceIdSql})::bigint)`;
