import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import type { AppendResult } from '../event-store.port.js';
import { isExpectationMet, type ExpectedRevision } from '../expected-revision.js';

export type EarlierAppend =
  | { readonly kind: 'none' }
  /** The same events were written before by an append this one repeats. */
  | { readonly kind: 'same_append'; readonly result: AppendResult }
  /** At least one event id is taken by something this append does not repeat. */
  | { readonly kind: 'other_use'; readonly eventId: string };

/** Whether this append repeats an earlier one: same ids, in order, in this stream, where the expectation held. */
export function matchEarlierAppend(
  byEventId: ReadonlyMap<string, RecordedEvent>,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): EarlierAppend {
  const repeatedInBatch = events.find((event, index) => events.findIndex((other) => other.eventId === event.eventId) !== index);
  if (repeatedInBatch) return { kind: 'other_use', eventId: repeatedInBatch.eventId };
  const earlier = events.map((event) => byEventId.get(event.eventId));
  const takenAt = earlier.findIndex((event) => event !== undefined);
  if (takenAt === -1) return { kind: 'none' };
  const first = earlier[0];
  const repeats =
    first !== undefined &&
    isExpectationMet(expected, first.streamRevision - 1) &&
    earlier.every((event, index) => event?.streamId === streamId && event.streamRevision === first.streamRevision + index);
  if (!repeats) return { kind: 'other_use', eventId: events[takenAt].eventId };
  const last = earlier[earlier.length - 1]!;
  return { kind: 'same_append', result: { nextExpectedRevision: last.streamRevision, lastPosition: last.position } };
}
