import { BACKWARDS, END, FORWARDS, StreamNotFoundError, type ReadStreamOptions as ClientReadStreamOptions } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import type { ReadStreamOptions } from '../event-store.port.js';
import { toRecordedEvent } from './envelope-mapping.js';
import type { KurrentClient } from './kurrent-client.js';

/** How one `readStream` of ours is asked of KurrentDB, and which of the events it returns are kept. */
export interface StreamReadPlan {
  /** Undefined when the options select nothing, so the server need not be asked. */
  readonly request: ClientReadStreamOptions | undefined;
  /** Revisions kept, both included: the read stops at the first event beyond them. */
  readonly lowest: number;
  readonly highest: number;
  /** Events recorded after this instant (ms since the epoch) are left out. */
  readonly recordedUpTo: number | undefined;
  readonly maxCount: number;
}

/**
 * KurrentDB reads a stream from one revision in one direction, at most `maxCount` events; it has no lower
 * bound nor time limit. So the bounds become the count where they can, and the rest is checked per event.
 * `recordedUpTo` compares `created` as the milliseconds we report in `recordedAt` (the server keeps 100 ns).
 */
export function planStreamRead(options: ReadStreamOptions): StreamReadPlan {
  const backwards = options.direction === 'backwards';
  const lowest = Math.max(0, (backwards ? options.toRevision : options.fromRevision) ?? 0);
  const highest = (backwards ? options.fromRevision : options.toRevision) ?? Number.MAX_SAFE_INTEGER;
  const recordedUpTo = options.recordedUpTo === undefined ? undefined : Date.parse(options.recordedUpTo);
  const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  const plan = { lowest, highest, recordedUpTo, maxCount };
  if (maxCount <= 0 || highest < lowest) return { ...plan, request: undefined };
  const bounded = (backwards ? options.fromRevision : options.toRevision) !== undefined;
  const span = bounded ? highest - lowest + 1 : Number.MAX_SAFE_INTEGER;
  // Events left out by time still count against the server's maxCount: with a time limit, only the span bounds the read.
  const count = recordedUpTo === undefined ? Math.min(span, maxCount) : span;
  const fromRevision = backwards ? (options.fromRevision === undefined ? END : BigInt(highest)) : BigInt(lowest);
  return { ...plan, request: { direction: backwards ? BACKWARDS : FORWARDS, fromRevision, maxCount: count } };
}

/** One stream's envelopes as read, not upcast; an absent stream is empty. */
export async function readStreamEvents(client: KurrentClient, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const plan = planStreamRead(options);
  if (!plan.request) return [];
  const backwards = plan.request.direction === BACKWARDS;
  const events: RecordedEvent[] = [];
  try {
    for await (const { event } of client.readStream(streamId, plan.request)) {
      if (!event) continue;
      const revision = Number(event.revision);
      if (backwards ? revision < plan.lowest : revision > plan.highest) break;
      if (backwards ? revision > plan.highest : revision < plan.lowest) continue;
      if (plan.recordedUpTo !== undefined && event.created.getTime() > plan.recordedUpTo) continue;
      events.push(toRecordedEvent(event));
      if (events.length === plan.maxCount) break;
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

/** The revision of a stream's last event, -1 when it does not exist. */
export async function streamRevision(client: KurrentClient, streamId: string): Promise<number> {
  const [last] = await readStreamEvents(client, streamId, { direction: 'backwards', maxCount: 1 });
  return last?.streamRevision ?? -1;
}
