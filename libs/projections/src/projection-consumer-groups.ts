import { CATCH_UP_TIMEOUT_MS } from './projection-runner.js';
import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '#event-store';
import { DEFAULT_EVENT_PARTITIONS, eventTopicsFor, eventTopicSpecs, type GroupConsumer, type MessageBroker } from '#messaging';
import type { Projection } from './projection.js';
import { CHECKPOINTS_SCHEMA_SQL, readCheckpoint, type Checkpoint } from './checkpoints.js';
import { STREAM_REVISIONS_SCHEMA_SQL } from './stream-revisions.js';
import { applyMessagesOrPark } from './apply-message-batch.js';
import { describeFailure, type ApplyFailure, type RetryPolicy } from './apply-failure.js';
import { countParked } from './parked-events.js';
import { BatchCoalescer } from './batch-coalescer.js';
import { createSchemaOnce } from './create-schema-once.js';
import { SharedDecoding } from './shared-decoding.js';
import type { ProjectionStatus } from './projection-runner.js';
import type { ReadModelProgress } from './read-model-progress.js';
import { ensureSchemas } from './schema-versions.js';
import { rebuildInBackground, type BackgroundRebuilds } from './rebuild-reshaped.js';
import { rebuildProgressOf, type RebuildProgress } from './rebuild-projection.js';

export interface ConsumerGroupsOptions {
  /** Makes events as the store's readers see them: decrypts personal data, upcasts (default: as they came). */
  readonly readable?: (events: readonly RecordedEvent[]) => Promise<RecordedEvent[]>;
  /**
   * Called when a batch fails for no event's fault (the database away) after retries: the consumer
   * shows `retrying` and tries the same batch again after a growing pause; or when its Kafka consumer
   * itself ends (it is then `failed`).
   */
  readonly onError?: (projection: string, error: unknown) => void;
  /** Called with each event parked: the consumer goes on with the next one. */
  readonly onParked?: (projection: string, event: RecordedEvent, failure: ApplyFailure) => void;
  readonly retry?: RetryPolicy;
  /** The longest pause between two tries of a batch the database refused (default 30 s). */
  readonly maxPauseMs?: number;
  /** After a batch is applied and committed in the read model (metrics, benchmarks): the events it held. */
  readonly onApplied?: (projection: string, events: readonly RecordedEvent[]) => void;
  /** Partitions of each event topic if this process is the first to need it (default: the relay's default). */
  readonly partitions?: number;
  /** Called with the partitions this instance holds for a projection after each rebalance. */
  readonly onAssignment?: (projection: string, partitions: ReadonlyArray<{ topic: string; partition: number }>) => void;
  /**
   * The store (as its readers see it) that a read model whose schema version changed is rebuilt from
   * — Kafka may no longer hold the whole log, and the rebuild reads it in log order. Without it such a
   * read model waits, `rebuilding`, for a rebuild run elsewhere (`npm run projections:rebuild`).
   */
  readonly store?: EventStore;
  /** Told after each batch how far that rebuild has come (logs); the rebuild goes on once it settles. */
  readonly onRebuildProgress?: (projection: string, progress: RebuildProgress) => unknown;
}

interface Member {
  readonly projection: Projection;
  consumer?: GroupConsumer;
  state: ProjectionStatus['state'];
  error?: string;
}

/** The Kafka consumer group of a projection or process manager: one group per consumer, so each keeps its own pace. */
export const consumerGroupOf = (projection: Pick<Projection, 'name'>): string => `casework.${projection.name}`;

/** Messages on a consumer's topics its group has not committed yet, asked of the broker (so a stopped member still shows its backlog). */
export async function consumerLag(broker: MessageBroker, consumer: Pick<Projection, 'name' | 'streamPrefixes'>): Promise<number> {
  const perTopic = await broker.groupLag(consumerGroupOf(consumer), eventTopicsFor(consumer.streamPrefixes));
  return Object.values(perTopic).reduce((sum, n) => sum + n, 0);
}

/** A consumer fed by Kafka as health and metrics show it: no log position, its group's lag, the age of what it last applied. */
export function kafkaConsumerStatus(name: string, state: ProjectionStatus['state'], checkpoint: Checkpoint, lag: number, parkedEvents: number, error?: string): ProjectionStatus {
  return {
    name,
    state,
    position: 'kafka',
    eventsApplied: checkpoint.eventsApplied,
    lagEvents: lag,
    lagMs: lag > 0 && checkpoint.lastRecordedAt ? Math.max(0, Date.now() - Date.parse(checkpoint.lastRecordedAt)) : 0,
    parkedEvents,
    ...(error ? { error } : {}),
  };
}

/**
 * Feeds projections and process managers from Kafka instead of from the store's log (the distributed
 * runtime). Each is its own consumer group over the topics of its streams; instances of the projector
 * started with the same projections split the partitions between them, and when one dies the others
 * take its partitions over. Effects are applied once whatever Kafka redelivers (`applyMessageBatch`).
 *
 * A read model whose schema version changed joins its group only once tables of its new shape are
 * live: meanwhile its old tables answer as they were, and it is rebuilt from the store by one process
 * (the rebuild lock; the other instances wait for it). The swap's checkpoint is the group's floor, so
 * the group then skips what the rebuild covered and applies the rest from its committed offsets.
 */
export class ProjectionConsumerGroups implements ReadModelProgress {
  private readonly members: Member[];
  /** Each message decoded (parsed, decrypted) once for all the groups of this process. */
  private readonly decoding: SharedDecoding;
  private stopping = false;
  private rebuilds: BackgroundRebuilds | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: MessageBroker,
    projections: readonly Projection[],
    private readonly options: ConsumerGroupsOptions = {},
  ) {
    this.members = projections.map((projection) => ({ projection, state: 'starting' }));
    this.decoding = new SharedDecoding(options.readable ?? (async (events) => [...events]));
  }

  async start(): Promise<void> {
    let reshaped: readonly Projection[] = [];
    await createSchemaOnce(this.dataSource, CHECKPOINTS_SCHEMA_SQL + STREAM_REVISIONS_SCHEMA_SQL, async () => {
      reshaped = await ensureSchemas(this.dataSource, this.members.map((member) => member.projection));
    });
    // The relay creates the topics too; whoever starts first does, so no consumer joins a topic that is not there.
    await this.broker.ensureTopics(eventTopicSpecs(this.options.partitions));
    for (const member of this.members) if (reshaped.includes(member.projection)) member.state = 'rebuilding';
    await Promise.all(this.members.filter((member) => member.state !== 'rebuilding').map((member) => this.join(member)));
    this.rebuildThenJoin(this.members.filter((member) => member.state === 'rebuilding'));
  }

  /** Each reshaped read model joins its group once rebuilt (here or by another process) and swapped in. */
  private rebuildThenJoin(members: readonly Member[]): void {
    if (members.length === 0) return;
    const memberOf = (projection: Projection) => this.members.find((member) => member.projection === projection)!;
    this.rebuilds = rebuildInBackground(this.dataSource, this.options.store, members.map((member) => member.projection), {
      maxPauseMs: this.options.maxPauseMs,
      onProgress: this.options.onRebuildProgress,
      onError: (projection, error) => {
        memberOf(projection).error = describe(error);
        this.options.onError?.(projection.name, error);
      },
      then: async (projection) => {
        const member = memberOf(projection);
        member.error = undefined;
        if (this.stopping) return;
        await this.join(member).catch((error: unknown) => {
          member.state = 'failed';
          member.error = describe(error);
          this.options.onError?.(projection.name, error);
        });
      },
    });
  }

  private async join(member: Member): Promise<void> {
    const { projection } = member;
    const topics = eventTopicsFor(projection.streamPrefixes);
    // Every partition it holds is fetched and decrypted at once; what arrives while a transaction runs
    // goes in the next one (each stream stays in one partition, in order, so order within it holds).
    const transactions = new BatchCoalescer<RecordedEvent>(async (events) => {
      await this.applyUntilDone(member, events);
      this.options.onApplied?.(projection.name, events);
    });
    member.consumer = await this.broker.consume(
      {
        groupId: consumerGroupOf(projection),
        topics,
        fromBeginning: true,
        onAssignment: (partitions) => this.options.onAssignment?.(projection.name, partitions),
        partitionsAtOnce: topics.length * (this.options.partitions ?? DEFAULT_EVENT_PARTITIONS),
      },
      async (batch) => transactions.submit(await this.decoding.events(batch.messages)),
    );
    member.state = 'running';
    member.consumer.done.catch((error: unknown) => {
      member.state = 'failed';
      member.error = describe(error);
      this.options.onError?.(projection.name, error);
    });
  }

  /**
   * A bad event is parked and the group goes on; what is left is no event's fault, so the same batch is
   * tried again after a growing pause (its offsets are not committed meanwhile). It never stops for good.
   */
  private async applyUntilDone(member: Member, events: readonly RecordedEvent[]): Promise<void> {
    for (let pause = 250; ; pause = Math.min(pause * 2, this.options.maxPauseMs ?? 30_000)) {
      try {
        await applyMessagesOrPark(this.dataSource, member.projection, events, { retry: this.options.retry, onParked: this.options.onParked });
        if (member.state === 'retrying') member.state = 'running';
        member.error = undefined;
        return;
      } catch (error) {
        if (this.stopping) throw error;
        member.state = 'retrying';
        member.error = describe(error);
        this.options.onError?.(member.projection.name, error);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /** Messages not yet consumed, per projection (the sum over its topics). */
  async lag(): Promise<Record<string, number>> {
    const lags = await Promise.all(this.members.map(async (member) => [member.projection.name, await consumerLag(this.broker, member.projection)] as const));
    return Object.fromEntries(lags);
  }

  /**
   * Resolves once every group has consumed everything on its topics — what the relay has published so
   * far. A read model being rebuilt is behind until its new tables are swapped in and its group joined.
   */
  async waitUntilCaughtUp(timeoutMs = CATCH_UP_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failed = this.members.find((member) => member.state === 'failed');
      if (failed) throw new Error(`${failed.projection.name} failed: ${failed.error}`);
      const lags = await this.lag();
      const rebuilding = this.members.some((member) => member.state === 'rebuilding');
      if (!rebuilding && Object.values(lags).every((n) => n === 0)) return;
      if (Date.now() > deadline) throw new Error(`Consumers did not catch up in time: ${JSON.stringify(lags)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    const lags = await this.lag();
    const parked = await countParked(this.dataSource, this.members.map((member) => member.projection.name));
    return Promise.all(
      this.members.map(async (member) => {
        const { name } = member.projection;
        const status = kafkaConsumerStatus(name, member.state, await readCheckpoint(this.dataSource, name), lags[name] ?? 0, parked.get(name) ?? 0, member.error);
        const { store } = this.options;
        return member.state === 'rebuilding' && store ? { ...status, rebuild: await rebuildProgressOf(this.dataSource, store, name) } : status;
      }),
    );
  }

  /** Leaves the groups; a rebuild not yet swapped in stops too, leaving the old tables and version live. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.rebuilds?.stop();
    await Promise.all(this.members.map((member) => member.consumer?.stop()));
    for (const member of this.members) if (member.state === 'running' || member.state === 'retrying' || member.state === 'rebuilding') member.state = 'stopped';
  }
}

function describe(error: unknown): string {
  const failure = describeFailure(error);
  return `${failure.errorClass}: ${failure.message}`;
}
