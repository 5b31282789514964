import type { RecordedEvent } from '#event-store';
import { describeFailure, isTransient, type ApplyFailure } from './apply-failure.js';

/**
 * Applies `events` in log order through `attempt`, finding the ones that fail by halving: a half that
 * applies is committed (with its checkpoint), a half that fails is halved again, and a single event
 * that fails is handed to `park`, which moves the checkpoint past it. One bad event among 8,000 costs
 * about 26 transactions, not 8,000, and never the whole batch. A transient error is not the event's
 * fault: it is thrown (the caller waits and tries again), never parked.
 */
export async function isolatePoison(
  events: readonly RecordedEvent[],
  attempt: (events: readonly RecordedEvent[]) => Promise<void>,
  park: (event: RecordedEvent, failure: ApplyFailure) => Promise<void>,
): Promise<void> {
  if (events.length === 0) return;
  try {
    await attempt(events);
  } catch (error) {
    if (isTransient(error)) throw error;
    if (events.length === 1) return park(events[0], describeFailure(error));
    const middle = events.length >>> 1;
    await isolatePoison(events.slice(0, middle), attempt, park);
    await isolatePoison(events.slice(middle), attempt, park);
  }
}
