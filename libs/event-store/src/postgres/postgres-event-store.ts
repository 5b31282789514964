import { availableParallelism } from 'node:os';
import pg from 'pg';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import type { AppendResult, BatchHandler, EventStore, MultiStreamAppends, MultiStreamReads, ReadAllOptions, ReadStreamOptions, StreamAppend, StreamRead, SubscribeOptions, Subscription } from '../event-store.port.js';
import type { ExpectedRevision } from '../expected-revision.js';
import type { ChainKeeping, ChainProblem, HashChainAudit, HashChainReport, StreamHead } from '../hash-chain-audit.port.js';
import { START, type LogPosition } from '../log-position.js';
import { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { AppendNotifier } from './append-notifier.js';
import { appendToStream } from './append-to-stream.js';
import { appendToStreams } from './append-to-streams.js';
import { countEventsAfter, headPosition, lastCommittedPosition } from './head-position.js';
import { readAllBatch } from './read-all.js';
import { readStream, readStreams } from './read-stream.js';
import { ensureSchema } from './schema.js';
import { checkStreamHeads, readStreamHeads } from './stream-heads.js';
import { subscribeToAll } from './subscribe-to-all.js';
import { verifyHashChains } from './verify-hash-chains.js';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /**
   * Connections for appends and reads; each subscription opens one more for LISTEN. Default: twice this
   * machine's CPUs, at least 8. Measured on 2 cores: fewer connections starve group commit under
   * durable settings, many more only make the backends compete for the CPU.
   */
  readonly poolSize?: number;
  /** Applied to every event read; stored events keep the version they were written with. */
  readonly upcasters?: UpcasterRegistry;
  /** Longest wait of an idle subscription between reads when no notification comes. Default 250 ms. */
  readonly pollIntervalMs?: number;
}

/** The default event store: PostgreSQL through `pg`, one round trip per append (docs/adr/0002-global-log-ordering.md). */
export class PostgresEventStore implements EventStore, MultiStreamAppends, MultiStreamReads, HashChainAudit {
  /** Each event's hash is computed by the append function and stored in its row (ADR 0008). */
  readonly chainKeeping: ChainKeeping = 'stored';
  private readonly subscriptions = new Set<Subscription>();
  private readonly upcasters: UpcasterRegistry;
  private readonly notifier: AppendNotifier;

  private constructor(
    /** For appending inside a transaction of one's own, pass a client from this pool to `appendToStream`. */
    readonly pool: pg.Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.notifier = new AppendNotifier(pool);
  }

  /** Opens the pool and creates or updates the schema. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? Math.max(8, 2 * availableParallelism()) });
    // An idle connection that breaks is dropped by the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    try {
      await ensureSchema(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, options);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const result = await appendToStream(this.pool, streamId, events, expected);
    this.notifier.appended();
    return result;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results = await appendToStreams(this.pool, appends);
    this.notifier.appended();
    return results;
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return readStream(this.pool, streamId, options, this.upcasters);
  }

  readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    return readStreams(this.pool, reads, this.upcasters);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const batch = await readAllBatch(this.pool, { after: options.after ?? START, maxCount: options.maxCount ?? null, streamPrefixes: options.streamPrefixes }, this.upcasters);
    return [...batch.events];
  }

  headPosition(): Promise<LogPosition> {
    return headPosition(this.pool);
  }

  lastCommittedPosition(): Promise<LogPosition> {
    return lastCommittedPosition(this.pool);
  }

  countEventsAfter(position: LogPosition): Promise<number> {
    return countEventsAfter(this.pool, position);
  }

  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    const deps = { pool: this.pool, connection: { connectionString: this.options.connectionString }, upcasters: this.upcasters, pollIntervalMs: this.options.pollIntervalMs ?? 250 };
    const subscription = subscribeToAll(deps, handler, options);
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** One SQL statement over the stored hashes (one snapshot): the same check as `GET /api/audit/verify`. */
  verifyHashChains(streamId?: string): Promise<HashChainReport> {
    return verifyHashChains(this.pool, streamId);
  }

  readStreamHeads(): Promise<StreamHead[]> {
    return readStreamHeads(this.pool);
  }

  checkStreamHeads(heads: readonly StreamHead[]): Promise<ChainProblem[]> {
    return checkStreamHeads(this.pool, heads);
  }

  /** Stops the subscriptions, then ends the pool. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.notifier.flush();
    await this.pool.end();
  }
}
