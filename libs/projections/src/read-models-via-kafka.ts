import type { DataSource } from 'typeorm';
import { compareLogPositions, type EventStore, type LogPosition } from '#event-store';
import { PostgresRelayCheckpoints, RELAY_CHECKPOINTS_SCHEMA_SQL, type MessageBroker } from '#messaging';
import type { Projection } from './projection.js';
import { CHECKPOINTS_SCHEMA_SQL, readCheckpoint } from './checkpoints.js';
import { createSchemaOnce } from './create-schema-once.js';
import { consumerLag, kafkaConsumerStatus } from './projection-consumer-groups.js';
import type { ProjectionStatus } from './projection-runner.js';
import type { ReadModelProgress } from './read-model-progress.js';
import { countParked } from './parked-events.js';
import { replayParkedEvents, type ReplayReport } from './replay-parked.js';
import { reshapedReadModels } from './schema-versions.js';
import { rebuildProgressOf } from './rebuild-projection.js';

/**
 * The read models as seen from a process that does not build them (gateway, context services) when a
 * projector consumes Kafka: "caught up" means the relay has published everything committed, and every
 * consumer group has consumed everything published — both asked of where they are kept (the relay's
 * checkpoint table, the broker's committed offsets), so any number of processes can ask.
 */
export class ReadModelsViaKafka implements ReadModelProgress {
  private readonly relayCheckpoints: PostgresRelayCheckpoints;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly broker: MessageBroker,
    private readonly consumers: readonly Projection[],
    private readonly relayName = 'kafka',
  ) {
    this.relayCheckpoints = new PostgresRelayCheckpoints(dataSource);
  }

  /** Makes the tables it reads if no projector or relay has yet (several processes may start at once). */
  static async connect(dataSource: DataSource, store: EventStore, broker: MessageBroker, consumers: readonly Projection[]): Promise<ReadModelsViaKafka> {
    await createSchemaOnce(dataSource, CHECKPOINTS_SCHEMA_SQL + RELAY_CHECKPOINTS_SCHEMA_SQL);
    return new ReadModelsViaKafka(dataSource, store, broker, consumers);
  }

  private async relayedUpTo(): Promise<LogPosition> {
    return (await this.relayCheckpoints.read(this.relayName)).position;
  }

  private lagOf(consumer: Pick<Projection, 'name' | 'streamPrefixes'>): Promise<number> {
    return consumerLag(this.broker, consumer);
  }

  /** Loops until the log stops moving: process managers append while the others catch up. */
  async waitUntilCaughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    let previous: LogPosition | undefined;
    for (let target = await this.store.lastCommittedPosition(); !previous || compareLogPositions(target, previous) !== 0; target = await this.store.lastCommittedPosition()) {
      previous = target;
      while (compareLogPositions(await this.relayedUpTo(), target) < 0) {
        if (Date.now() > deadline) throw new Error('The relay did not publish everything in time');
        await pause();
      }
      for (const consumer of this.consumers) {
        // A read model being rebuilt is behind until its new tables are swapped in.
        while ((await reshapedReadModels(this.dataSource, [consumer])).size > 0 || (await this.lagOf(consumer)) > 0) {
          if (Date.now() > deadline) throw new Error(`${consumer.name} did not catch up in time`);
          await pause();
        }
      }
    }
  }

  /**
   * Built elsewhere: "running" means its group is reachable and being consumed; "rebuilding" that its
   * live tables are of another schema version than this code's, so a projector is rebuilding them
   * (or has yet to) and they answer as they were until the swap.
   */
  async status(): Promise<ProjectionStatus[]> {
    const names = this.consumers.map((consumer) => consumer.name);
    const [parked, reshaped] = await Promise.all([countParked(this.dataSource, names), reshapedReadModels(this.dataSource, this.consumers)]);
    return Promise.all(
      this.consumers.map(async (consumer) => {
        const [checkpoint, lag] = await Promise.all([readCheckpoint(this.dataSource, consumer.name), this.lagOf(consumer).catch(() => -1)]);
        const parkedEvents = parked.get(consumer.name) ?? 0;
        if (lag < 0) return kafkaConsumerStatus(consumer.name, 'failed', checkpoint, 0, parkedEvents, 'Kafka did not answer');
        if (!reshaped.has(consumer.name)) return kafkaConsumerStatus(consumer.name, 'running', checkpoint, lag, parkedEvents);
        return { ...kafkaConsumerStatus(consumer.name, 'rebuilding', checkpoint, lag, parkedEvents), rebuild: await rebuildProgressOf(this.dataSource, this.store, consumer.name) };
      }),
    );
  }

  /** Replays parked events from the log (a rebuild reads the store, not Kafka; the consumers skip what it covered). */
  replayParked(projection?: string): Promise<ReplayReport[]> {
    return replayParkedEvents(this.dataSource, this.store, this.consumers, { projection });
  }

  async stop(): Promise<void> {}
}
