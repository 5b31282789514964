import { compareLogPositions, formatLogPosition, type EventStore, type LogPosition, type RecordedEvent, type Subscription } from '#event-store';
import type { MessageBroker, OutgoingMessage, Publisher } from '../messaging.port.js';
import { eventToMessage, eventTopicOf, eventTopicSpecs } from '../event-messages.js';
import type { RelayCheckpoint, RelayCheckpoints } from './relay-checkpoints.js';

export interface EventRelayOptions {
  /** The checkpoint's name: one per relay of one store (default `kafka`). */
  readonly name?: string;
  /** Events per read of the log and per round of sends (default 2,000). */
  readonly batchSize?: number;
  /** Partitions of each event topic when the relay creates it. */
  readonly partitions?: number;
  /** After each acknowledged batch (for metrics and logs). */
  readonly onPublished?: (events: number, checkpoint: RelayCheckpoint) => void;
}

export interface RelayStatus {
  readonly state: 'starting' | 'running' | 'stopped' | 'failed';
  /** Last position acknowledged by Kafka and checkpointed. */
  readonly position: string;
  readonly eventsPublished: number;
  /** Events committed in the store and not yet published. */
  readonly lagEvents: number;
  readonly error?: string;
}

/**
 * Publishes every committed event to Kafka, in log order, from a checkpoint (the transactional-outbox
 * relay of ARCHITECTURE.md). Each batch is sent and acknowledged before the checkpoint moves past it,
 * and the checkpoint is written while the next batch goes (`saveLatest`),
 * so a relay killed in the middle of a batch resends that batch when it starts again: nothing is lost,
 * some events may arrive twice, and a stream never goes backwards past an event it was already past
 * (the resent events come again in their order, after the first copies). Consumers drop the copies by
 * stream revision (libs/projections, `applyMessageBatch`).
 *
 * It reads the store below the encryption: events travel with their personal data still encrypted.
 */
export class EventRelay {
  private subscription: Subscription | undefined;
  private publisher: Publisher | undefined;
  /** Acknowledged by Kafka: where the next batch starts. */
  private checkpoint: RelayCheckpoint | undefined;
  /** Written to the store: where a restarted relay starts. At or behind `checkpoint`. */
  private stored: RelayCheckpoint | undefined;
  private saving: Promise<void> | undefined;
  private saveFailure: unknown;
  private state: RelayStatus['state'] = 'starting';
  private error: string | undefined;
  private readonly name: string;

  constructor(
    private readonly store: EventStore,
    private readonly broker: MessageBroker,
    private readonly checkpoints: RelayCheckpoints,
    private readonly options: EventRelayOptions = {},
  ) {
    this.name = options.name ?? 'kafka';
  }

  async start(): Promise<void> {
    await this.broker.ensureTopics(eventTopicSpecs(this.options.partitions));
    this.publisher = await this.broker.publisher();
    this.checkpoint = await this.checkpoints.read(this.name);
    this.stored = this.checkpoint;
    this.state = 'running';
    this.subscription = this.store.subscribeToAll((events) => this.publish(events), {
      after: this.checkpoint.position,
      batchSize: this.options.batchSize ?? 2_000,
    });
    this.subscription.done.catch((error: unknown) => {
      this.state = 'failed';
      this.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    });
  }

  /** Settles when the relay stops: rejects when publishing failed (the process should exit and restart). */
  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  private async publish(events: readonly RecordedEvent[]): Promise<void> {
    if (this.saveFailure) throw this.saveFailure;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const event of events) {
      const topic = eventTopicOf(event.streamId);
      let messages = byTopic.get(topic);
      if (!messages) byTopic.set(topic, (messages = []));
      messages.push(eventToMessage(event));
    }
    // Topics are independent; within one, kafkajs keeps the order of `messages` per partition.
    await Promise.all([...byTopic].map(([topic, messages]) => this.publisher!.publish(topic, messages)));
    const next: RelayCheckpoint = { position: events[events.length - 1].position, eventsPublished: this.checkpoint!.eventsPublished + events.length };
    this.checkpoint = next;
    this.saving ??= this.saveLatest().finally(() => (this.saving = undefined));
    this.options.onPublished?.(events.length, next);
  }

  /**
   * Writes the latest acknowledged checkpoint while the next batch is read and sent: the durable commit
   * is off the path of every event. One write at a time, always of the latest; a relay that dies before
   * it lands resends a little more (copies that consumers drop), never less. A failed write fails the
   * relay at its next batch.
   */
  private async saveLatest(): Promise<void> {
    while (this.stored !== this.checkpoint) {
      const latest = this.checkpoint!;
      try {
        await this.checkpoints.write(this.name, latest);
      } catch (error) {
        this.saveFailure = error;
        this.state = 'failed';
        this.error = `The checkpoint could not be written: ${error instanceof Error ? error.message : String(error)}`;
        return;
      }
      this.stored = latest;
    }
  }

  /** Resolves once everything committed before the call is published and checkpointed. */
  async waitUntilPublished(timeoutMs = 10_000): Promise<void> {
    const target = await this.store.lastCommittedPosition();
    const deadline = Date.now() + timeoutMs;
    while (!this.stored || compareLogPositions(this.stored.position, target) < 0) {
      if (this.state === 'failed') throw new Error(`The relay failed: ${this.error}`);
      if (Date.now() > deadline) throw new Error('The relay did not publish everything in time');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async status(): Promise<RelayStatus> {
    const position: LogPosition | undefined = this.stored?.position;
    return {
      state: this.state,
      position: position ? formatLogPosition(position) : '-1/-1',
      eventsPublished: this.stored?.eventsPublished ?? 0,
      lagEvents: position ? await this.store.countEventsAfter(position) : 0,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.saving;
    await this.publisher?.close();
    if (this.state === 'running') this.state = 'stopped';
  }
}
