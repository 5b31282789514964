import type { Admin, EachBatchPayload, Kafka } from 'kafkajs';
import type { ConsumerGroupOptions, GroupConsumer, MessageBatchHandler } from '../messaging.port.js';
import { groupLag } from './kafka-lag.js';
import { toMessageBatch } from './kafka-messages.js';

export interface GroupTimings {
  /** How long the member may go silent before the group hands its partitions to the others. */
  readonly sessionTimeoutMs: number;
}

/**
 * The handler failed. Not retriable, so kafkajs neither retries the batch in place nor restarts the
 * consumer: it leaves the group and reports a crash, and `done` rejects with the handler's error.
 * (A client failure kafkajs can retry restarts the consumer instead, as kafkajs does by default.)
 */
class HandlerFailed extends Error {
  readonly retriable = false;
  constructor(readonly failure: unknown) {
    super(`message handler failed: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
}

/**
 * Joins the group and consumes until stopped. A batch's offsets are resolved only after the handler
 * resolved for it, and kafkajs commits resolved offsets after each batch (autoCommit with no interval
 * nor threshold), so a member that dies mid-batch leaves that batch to be delivered again.
 * Resolves once the member has joined the group and received its partitions.
 */
export async function startGroupConsumer(kafka: Kafka, admin: Admin, options: ConsumerGroupOptions, handler: MessageBatchHandler, timings: GroupTimings): Promise<GroupConsumer> {
  const { groupId, topics, fromBeginning = true, onAssignment, partitionsAtOnce = 1 } = options;
  // Kafka's own rule of thumb (heartbeat at a tenth of the session, at most 3 s); kafkajs
  // heartbeats only between fetches, so a fetch must not wait longer than a few heartbeats.
  const heartbeatInterval = Math.min(3000, Math.floor(timings.sessionTimeoutMs / 10));
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: timings.sessionTimeoutMs,
    heartbeatInterval,
    maxWaitTimeInMs: Math.min(5000, Math.floor(timings.sessionTimeoutMs / 5)),
    allowAutoTopicCreation: false,
  });

  let settle: { resolve(): void; reject(error: unknown): void } | undefined;
  const done = new Promise<void>((resolve, reject) => { settle = { resolve, reject }; });
  // Whoever holds the consumer may await `done` or not; an unwatched failure is still logged by kafkajs.
  done.catch(() => {});

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    onAssignment?.(Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition }))));
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart) return;
    const cause = causeOf(payload.error);
    settle?.reject(cause instanceof HandlerFailed ? cause.failure : payload.error);
  });

  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning });
  } catch (error) {
    await consumer.disconnect().catch(() => {});
    throw error;
  }
  await consumer.run({
    partitionsConsumedConcurrently: partitionsAtOnce,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat }: EachBatchPayload) => {
      await whileBeating(heartbeat, heartbeatInterval, async () => {
        try {
          await handler(toMessageBatch(batch));
        } catch (error) {
          throw new HandlerFailed(error);
        }
      });
      resolveOffset(batch.lastOffset());
      await heartbeat();
    },
  });

  return {
    done,
    async stop() {
      await consumer.disconnect();
      settle?.resolve();
    },
    lag: () => groupLag(admin, groupId, topics, fromBeginning),
  };
}

/** A slow handler must not cost the member its partitions: heartbeats go on while it runs. */
async function whileBeating(heartbeat: () => Promise<void>, intervalMs: number, work: () => Promise<void>): Promise<void> {
  const beating = setInterval(() => heartbeat().catch(() => {}), intervalMs);
  beating.unref(); // never what keeps a stopping process alive
  try {
    await work();
  } finally {
    clearInterval(beating);
  }
}

/** kafkajs wraps what a consumer threw (KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded). */
function causeOf(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && !(current instanceof HandlerFailed) && (current as { cause?: unknown }).cause) {
    current = (current as { cause?: unknown }).cause;
  }
  return current;
}
