import { Kafka, type Admin, type ISocketFactory } from 'kafkajs';
import type { ConsumerGroupOptions, GroupConsumer, MessageBatchHandler, MessageBroker, Publisher, TopicSpec } from '../messaging.port.js';
import { startGroupConsumer } from './kafka-group-consumer.js';
import { groupLag } from './kafka-lag.js';
import { KAFKA_LOG_LEVELS, kafkaLogLine, type KafkaLogLevel } from './kafka-log.js';
import { connectPublisher } from './kafka-publisher.js';

export interface KafkaConnectOptions {
  /** Bootstrap addresses, `host:port`. */
  readonly brokers: readonly string[];
  /** Names this process in the broker's logs and quotas (the app's name). */
  readonly clientId: string;
  /** kafkajs's own log lines; errors only by default. Message keys and values are never logged. */
  readonly logLevel?: KafkaLogLevel;
  /**
   * How long a consumer may go silent before its group hands its partitions to the other members
   * (default 30 s). Shorter notices a dead member sooner; the broker's floor is
   * group.min.session.timeout.ms (1 s in infra/kafka, 6 s by default).
   */
  readonly sessionTimeoutMs?: number;
  /** How connections are opened (kafkajs's default: plain TCP); tests use it to cut a member off as a crash would. */
  readonly socketFactory?: ISocketFactory;
}

/** The messaging port over Kafka, through kafkajs. One per process; it owns its publishers and consumers. */
export class KafkaMessageBroker implements MessageBroker {
  private readonly open = new Set<{ close(): Promise<void> }>();

  private constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly sessionTimeoutMs: number,
  ) {}

  /** Connects an admin client (topics, lag); rejects when no broker answers. */
  static async connect(options: KafkaConnectOptions): Promise<KafkaMessageBroker> {
    const kafka = new Kafka({
      brokers: [...options.brokers],
      clientId: options.clientId,
      logLevel: KAFKA_LOG_LEVELS[options.logLevel ?? 'error'],
      logCreator: kafkaLogLine,
      socketFactory: options.socketFactory,
    });
    const admin = kafka.admin();
    await admin.connect();
    return new KafkaMessageBroker(kafka, admin, options.sessionTimeoutMs ?? 30_000);
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return;
    // Resolves false rather than failing when another process created one of them meanwhile.
    await this.admin.createTopics({
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        ...(topic.retentionMs !== undefined ? { configEntries: [{ name: 'retention.ms', value: String(topic.retentionMs) }] } : {}),
      })),
      waitForLeaders: true,
    });
  }

  async publisher(): Promise<Publisher> {
    const publisher = await connectPublisher(this.kafka, () => this.open.delete(publisher));
    this.open.add(publisher);
    return publisher;
  }

  async consume(options: ConsumerGroupOptions, handler: MessageBatchHandler): Promise<GroupConsumer> {
    const consumer = await startGroupConsumer(this.kafka, this.admin, options, handler, { sessionTimeoutMs: this.sessionTimeoutMs });
    const closable = { close: () => consumer.stop() };
    this.open.add(closable);
    void consumer.done.finally(() => this.open.delete(closable)).catch(() => {});
    return consumer;
  }

  groupLag(groupId: string, topics: readonly string[]): Promise<Record<string, number>> {
    return groupLag(this.admin, groupId, topics, true);
  }

  /** Stops every consumer (leaving their groups), closes every publisher, then the admin client. */
  async close(): Promise<void> {
    await Promise.all([...this.open].map((client) => client.close()));
    await this.admin.disconnect();
  }
}
