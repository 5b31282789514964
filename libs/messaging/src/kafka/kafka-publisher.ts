import { Partitioners, type Kafka } from 'kafkajs';
import type { OutgoingMessage, Publisher } from '../messaging.port.js';
import { toKafkaMessage } from './kafka-messages.js';

/**
 * An idempotent producer: the broker drops the copies its own retries would add, and one request
 * in flight keeps each partition in send order. The partitioner is Kafka's murmur2 (the Java
 * client's), so a stream id lands on the same partition whichever client wrote it. The idempotent
 * producer retries without limit, so a publish waits through a broker outage rather than failing.
 */
export async function connectPublisher(kafka: Kafka, onClose: () => void): Promise<Publisher> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return {
    async publish(topic: string, messages: readonly OutgoingMessage[]) {
      if (messages.length === 0) return;
      await producer.send({ topic, acks: -1, messages: messages.map(toKafkaMessage) });
    },
    async close() {
      onClose();
      await producer.disconnect();
    },
  };
}
