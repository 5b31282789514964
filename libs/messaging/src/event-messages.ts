import type { RecordedEvent } from '#event-store';
import type { IncomingMessage, OutgoingMessage, TopicSpec } from './messaging.port.js';

/**
 * How a committed event travels on Kafka: one topic per context (`casework.hotline`, …), the stream id
 * as the key so that a stream's events stay in one partition and in order, and the event as the store
 * holds it — personal data still encrypted (ADR 0007): only a consumer holding the keys can read it.
 */
export const CONTEXT_TOPICS = {
  hotline: 'casework.hotline',
  wage: 'casework.wage',
  hardship: 'casework.hardship',
  mediation: 'casework.mediation',
} as const;

/** Streams of no known context (none today) still travel, on a topic of their own. */
export const OTHER_TOPIC = 'casework.other';

export const EVENT_TOPICS: readonly string[] = [...Object.values(CONTEXT_TOPICS), OTHER_TOPIC];

/** Partitions per event topic unless configured (`KAFKA_PARTITIONS`): the most projector instances that share a topic. */
export const DEFAULT_EVENT_PARTITIONS = 6;

/**
 * Event topics keep every message for ever: a consumer group reset to the start (after a rebuild, a
 * new projection) must find the whole history there, as in the store.
 */
export function eventTopicSpecs(partitions = DEFAULT_EVENT_PARTITIONS): TopicSpec[] {
  return EVENT_TOPICS.map((name) => ({ name, partitions, retentionMs: -1 }));
}

/** `hotline-complaint-…` → `casework.hotline`: a stream's context is the first part of its id. */
export function eventTopicOf(streamId: string): string {
  const context = streamId.slice(0, streamId.indexOf('-'));
  return (CONTEXT_TOPICS as Record<string, string>)[context] ?? OTHER_TOPIC;
}

/** The topics that carry the streams with these prefixes (all of them when there are none). */
export function eventTopicsFor(streamPrefixes?: readonly string[]): string[] {
  if (!streamPrefixes?.length) return [...EVENT_TOPICS];
  return [...new Set(streamPrefixes.map(eventTopicOf))];
}

interface EventMessageBody {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: RecordedEvent['metadata'];
  readonly streamId: string;
  readonly streamRevision: number;
  /** `"<commit>/<prepare>"`: JSON has no bigint. */
  readonly position: string;
  readonly recordedAt: string;
}

export function eventToMessage(event: RecordedEvent): OutgoingMessage {
  const body: EventMessageBody = {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    position: `${event.position.commit}/${event.position.prepare}`,
    recordedAt: event.recordedAt,
  };
  return { key: event.streamId, value: JSON.stringify(body), headers: { 'event-type': event.type, 'correlation-id': event.metadata.correlationId } };
}

export function eventFromMessage(message: Pick<IncomingMessage, 'value'>): RecordedEvent {
  const body = JSON.parse(message.value.toString('utf8')) as EventMessageBody;
  const [commit, prepare] = body.position.split('/');
  return { ...body, position: { commit: BigInt(commit), prepare: BigInt(prepare) } };
}
