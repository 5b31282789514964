import type { RecordedEvent } from '../event-envelope.js';
import { START, type LogPosition } from '../log-position.js';
import type { LogBatch } from '../subscription/catch-up-subscription.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { toRecordedEvent } from './envelope-mapping.js';
import type { KurrentClient } from './kurrent-client.js';
import { ENVELOPE_STREAMS_FILTER, isLogEvent, logFilter } from './log-filter.js';
import { scanLog } from './scan-log.js';

/** Events asked of the server per request when reading the log. */
const PAGE_SIZE = 500;
/** Backwards, the newest of our events is usually within the first few records. */
const HEAD_PAGE_SIZE = 32;

export interface ReadLogOptions {
  readonly after: LogPosition;
  readonly maxCount: number;
  readonly streamPrefixes?: readonly string[];
}

/**
 * Our events after a position, in log order, and how far the read looked. KurrentDB has no transaction
 * still in flight to wait for: an append is in `$all`, in order, once the server has acknowledged it.
 */
export async function readLogBatch(client: KurrentClient, options: ReadLogOptions, upcasters: UpcasterRegistry): Promise<LogBatch> {
  const events: RecordedEvent[] = [];
  let head = options.after;
  // No prefix matches nothing (as in PostgreSQL); KurrentDB's filter would not say what it does with none.
  if (options.maxCount <= 0 || options.streamPrefixes?.length === 0) return { events, head };
  // One more than wanted: the first page starts with the event at `after`, which is skipped.
  const pageSize = Math.min(PAGE_SIZE, options.maxCount + 1);
  for await (const event of scanLog(client, { direction: 'forwards', from: options.after, filter: logFilter(options.streamPrefixes), pageSize })) {
    head = event.position;
    if (!isLogEvent(event, options.streamPrefixes)) continue;
    events.push(upcasters.upcast(toRecordedEvent(event)));
    if (events.length === options.maxCount) break;
  }
  return { events, head };
}

/** The position of our newest event (`START` when none): `$all` read backwards past KurrentDB's own events and the claims. */
export async function headPosition(client: KurrentClient): Promise<LogPosition> {
  for await (const event of scanLog(client, { direction: 'backwards', filter: ENVELOPE_STREAMS_FILTER, pageSize: HEAD_PAGE_SIZE })) {
    if (isLogEvent(event)) return event.position;
  }
  return START;
}

/**
 * Counts by reading every event after the position: KurrentDB keeps no count of `$all`. The cost grows
 * with the lag it measures (a projection far behind pays for a long read), which is acceptable for a
 * progress figure read now and then, not for a hot path.
 */
export async function countEventsAfter(client: KurrentClient, position: LogPosition): Promise<number> {
  let count = 0;
  for await (const event of scanLog(client, { direction: 'forwards', from: position, filter: ENVELOPE_STREAMS_FILTER, pageSize: PAGE_SIZE })) {
    if (isLogEvent(event)) count += 1;
  }
  return count;
}
