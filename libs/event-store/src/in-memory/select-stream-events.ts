import type { RecordedEvent } from '../event-envelope.js';
import type { ReadStreamOptions } from '../event-store.port.js';

/** A stream's events as `readStream` options choose them; `stream` is in revision order. */
export function selectStreamEvents(stream: readonly RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  const backwards = options.direction === 'backwards';
  const upTo = options.recordedUpTo === undefined ? undefined : Date.parse(options.recordedUpTo);
  const lowest = (backwards ? options.toRevision : options.fromRevision) ?? 0;
  const highest = (backwards ? options.fromRevision : options.toRevision) ?? Number.MAX_SAFE_INTEGER;
  const chosen = stream.filter(
    (event) =>
      event.streamRevision >= lowest &&
      event.streamRevision <= highest &&
      (upTo === undefined || Date.parse(event.recordedAt) <= upTo),
  );
  if (backwards) chosen.reverse();
  return chosen.slice(0, options.maxCount ?? chosen.length);
}
