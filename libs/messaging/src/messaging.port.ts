/**
 * The messaging port: how committed events move between processes on many machines
 * (ARCHITECTURE.md, "Distributed"). Kafka through kafkajs is the adapter today; a maintained client
 * with the same shape (Confluent's) replaces it in one place (docs/adr/0011-messaging-port-and-kafka-client.md).
 *
 * Delivery is at least once: a consumer's offsets are committed only after its handler resolved for
 * the batch, so a crash redelivers what was not finished. Every effect behind a handler must be
 * idempotent. Order is kept per key within a partition; keys are stream ids.
 */

export interface OutgoingMessage {
  /** The partitioning key: messages with one key stay in order (a stream id). */
  readonly key: string;
  readonly value: Buffer | string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offset as a decimal string. */
  readonly offset: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** The messages of one topic partition, in offset order. */
export interface MessageBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly IncomingMessage[];
}

/**
 * Handles one batch. When it resolves, the batch's offsets are committed; when it rejects, the
 * consumer stops (its `done` rejects) and nothing after the last committed offset counts as done.
 */
export type MessageBatchHandler = (batch: MessageBatch) => Promise<void>;

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** How long messages are kept, in ms; -1 keeps them for ever (the broker's default when absent). */
  readonly retentionMs?: number;
}

export interface ConsumerGroupOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts: the beginning (default) or only new messages. */
  readonly fromBeginning?: boolean;
  /** Called with the partitions this member holds after each rebalance (for logs, metrics, tests). */
  readonly onAssignment?: (assigned: ReadonlyArray<{ topic: string; partition: number }>) => void;
  /**
   * Batches of different partitions handed to the handler at once (default 1). Each partition's
   * batches still come one after another, in order; raise it when the handler can take batches of
   * several partitions together (and commits them together, see `BatchCoalescer`).
   */
  readonly partitionsAtOnce?: number;
}

export interface GroupConsumer {
  /** Leaves the group cleanly (its partitions go to the other members); resolves once no handler runs. */
  stop(): Promise<void>;
  /** Settles when the consumer ends: resolves on stop(), rejects when the handler or the client fails. */
  readonly done: Promise<void>;
  /** Messages not yet consumed by this group on its partitions (consumer lag), per topic. */
  lag(): Promise<Record<string, number>>;
}

export interface Publisher {
  /**
   * Sends the messages to one topic and resolves once the broker acknowledged all of them
   * (acks from all in-sync replicas; the producer is idempotent, so its own retries add no copies).
   */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface MessageBroker {
  /** Creates the topics that do not exist yet (existing ones are left as they are). */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  publisher(): Promise<Publisher>;
  consume(options: ConsumerGroupOptions, handler: MessageBatchHandler): Promise<GroupConsumer>;
  /**
   * Messages on these topics that the group has not committed yet (end offsets minus committed
   * offsets, a partition never committed counting from its start), per topic — asked of the broker,
   * so any process can watch any group (readiness, "caught up", metrics).
   */
  groupLag(groupId: string, topics: readonly string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}
