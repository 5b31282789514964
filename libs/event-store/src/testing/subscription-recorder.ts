import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore, SubscribeOptions, Subscription } from '../event-store.port.js';
import { pause } from './async-helpers.js';

/** Subscribes and keeps every batch it is given, so a test can wait for deliveries and inspect them. */
export class SubscriptionRecorder {
  readonly batches: RecordedEvent[][] = [];
  readonly subscription: Subscription;

  constructor(store: EventStore, options?: SubscribeOptions, onBatch?: (events: readonly RecordedEvent[]) => Promise<void>) {
    this.subscription = store.subscribeToAll(async (events) => {
      this.batches.push([...events]);
      await onBatch?.(events);
    }, options);
  }

  get events(): RecordedEvent[] {
    return this.batches.flat();
  }

  get eventIds(): string[] {
    return this.events.map((event) => event.eventId);
  }

  async waitForCount(count: number, timeoutMs = 5_000): Promise<RecordedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} events from the subscription within ${timeoutMs} ms, got ${this.events.length}`);
      await pause(5);
    }
    return this.events;
  }
}
