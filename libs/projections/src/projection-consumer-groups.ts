import { CATCH_UP_TIMEOUT_MS } from './projection-runner.js';
import type { DataSource } from 'typeorm';
import type { RecordedEvent } from '#event-store';
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
import { ProjectionRunner, type ProjectionStatus } from './projection-runner.js';
import type { ReadModelProgress } from './read-model-progress.js';

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
 */
export class ProjectionConsumerGroups implements ReadModelProgress {
  private readonly members: Member[];
  /** Each message decoded (parsed, decrypted) once for all the groups of this process. */
  private readonly decoding: SharedDecoding;
  private stopping = false;

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
    await createSchemaOnce(this.dataSource, CHECKPOINTS_SCHEMA_SQL + STREAM_REVISIONS_SCHEMA_SQL, () =>
      ProjectionRunner.ensureSchemas(this.dataSource, this.members.map((member) => member.projection)));
    // The relay creates the topics too; whoever starts first does, so no consumer joins a topic that is not there.
    await this.broker.ensureTopics(eventTopicSpecs(this.options.partitions));
    await Promise.all(this.members.map((member) => this.join(member)));
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
      const failure = describeFailure(error);
      member.error = `${failure.errorClass}: ${failure.message}`;
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
        const failure = describeFailure(error);
        member.error = `${failure.errorClass}: ${failure.message}`;
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

  /** Resolves once every group has consumed everything on its topics — what the relay has published so far. */
  async waitUntilCaughtUp(timeoutMs = CATCH_UP_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failed = this.members.find((member) => member.state === 'failed');
      if (failed) throw new Error(`${failed.projection.name} failed: ${failed.error}`);
      const lags = await this.lag();
      if (Object.values(lags).every((n) => n === 0)) return;
      if (Date.now() > deadline) throw new Error(`Consumers did not catch up in time: ${JSON.stringify(lags)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    const lags = await this.lag();
    const parked = await countParked(this.dataSource, this.members.map((member) => member.projection.name));
    return Promise.all(
      this.members.map(async (member) =>
        kafkaConsumerStatus(member.projection.name, member.state, await readCheckpoint(this.dataSource, member.projection.name), lags[member.projection.name] ?? 0, parked.get(member.projection.name) ?? 0, member.error)),
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.members.map((member) => member.consumer?.stop()));
    for (const member of this.members) if (member.state === 'running' || member.state === 'retrying') member.state = 'stopped';
  }
}
