import type { Batch, IHeaders, Message } from 'kafkajs';
import type { IncomingMessage, MessageBatch, OutgoingMessage } from '../messaging.port.js';

export function toKafkaMessage(message: OutgoingMessage): Message {
  return { key: message.key, value: message.value, headers: message.headers ? { ...message.headers } : undefined };
}

export function toMessageBatch(batch: Batch): MessageBatch {
  const { topic, partition } = batch;
  const messages = batch.messages.map((message): IncomingMessage => ({
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: message.value ?? Buffer.alloc(0),
    headers: headersAsText(message.headers),
  }));
  return { topic, partition, messages };
}

/** Kafka allows a header to repeat; the port's headers are one text per name, so the last one wins. */
function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = last.toString();
  }
  return text;
}
