import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import type { AppendResult, BatchHandler, EventStore, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription } from '../event-store.port.js';
import type { ExpectedRevision } from '../expected-revision.js';
import type { ChainKeeping, ChainProblem, HashChainAudit, HashChainReport, StreamHead } from '../hash-chain-audit.port.js';
import { START, type LogPosition } from '../log-position.js';
import { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { appendToStream } from './append-to-stream.js';
import { checkChainHeads, readChainHeads, verifyChains } from './hash-chains.js';
import type { KurrentClient } from './kurrent-client.js';
import { countEventsAfter, headPosition, readLogBatch } from './read-log.js';
import { readStreamEvents } from './read-stream.js';
import { subscribeToAll } from './subscribe-to-all.js';

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false`, or any connection string the official client takes. */
  readonly connectionString: string;
  /** Applied to every event read; stored events keep the version they were written with. */
  readonly upcasters?: UpcasterRegistry;
  /** Longest wait of an idle subscription between reads when no wake-up comes. Default 500 ms. */
  readonly pollIntervalMs?: number;
}

/**
 * The event store on KurrentDB (EventStoreDB) through the official Node client. Streams, revisions and
 * `$all` positions are KurrentDB's own; what our contract asks beyond them — event ids unique across
 * streams, retries judged strictly — is done with one claim stream per event id (event-id-claims.ts).
 * The connecting user must be able to read `$all` (in a secure cluster: an admin, or `$all`'s ACL).
 */
export class KurrentDbEventStore implements EventStore, HashChainAudit {
  /** KurrentDB cannot edit an event in place: the chain is folded when read, over the events as stored (hash-chains.ts). */
  readonly chainKeeping: ChainKeeping = 'computed-on-read';
  private readonly subscriptions = new Set<Subscription>();
  private readonly upcasters: UpcasterRegistry;
  private readonly pollIntervalMs: number;

  /** Over any client with the official one's API; `connect` is the usual way in. */
  constructor(
    private readonly client: KurrentClient,
    options: Omit<KurrentDbEventStoreOptions, 'connectionString'> = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
  }

  /** Opens the client and reads the head of `$all` once, so that a wrong address or missing rights fail here. */
  static async connect(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const client = KurrentDBClient.connectionString(options.connectionString);
    const store = new KurrentDbEventStore(client, options);
    try {
      await store.headPosition();
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return store;
  }

  appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return appendToStream(this.client, streamId, events, expected);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (await readStreamEvents(this.client, streamId, options)).map((event) => this.upcasters.upcast(event));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const batch = await readLogBatch(
      this.client,
      { after: options.after ?? START, maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER, streamPrefixes: options.streamPrefixes },
      this.upcasters,
    );
    return [...batch.events];
  }

  headPosition(): Promise<LogPosition> {
    return headPosition(this.client);
  }

  /** The head: KurrentDB shows an append in `$all`, in order, as soon as it acknowledges it; nothing is held back. */
  lastCommittedPosition(): Promise<LogPosition> {
    return headPosition(this.client);
  }

  countEventsAfter(position: LogPosition): Promise<number> {
    return countEventsAfter(this.client, position);
  }

  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    const subscription = subscribeToAll({ client: this.client, upcasters: this.upcasters, pollIntervalMs: this.pollIntervalMs }, handler, options);
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Reads the whole log (or the one stream) once: its cost grows with the store, as PostgreSQL's one statement does. */
  verifyHashChains(streamId?: string): Promise<HashChainReport> {
    return verifyChains(this.client, streamId);
  }

  readStreamHeads(): Promise<StreamHead[]> {
    return readChainHeads(this.client);
  }

  checkStreamHeads(heads: readonly StreamHead[]): Promise<ChainProblem[]> {
    return checkChainHeads(this.client, heads);
  }

  /** Stops the subscriptions, then closes the client. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }
}
