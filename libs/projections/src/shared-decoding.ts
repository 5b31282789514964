import type { RecordedEvent } from '#event-store';
import { eventFromMessage, type IncomingMessage } from '#messaging';

export interface SharedDecodingLimits {
  /** Decoded events kept at most (default 20,000); the oldest go first. */
  readonly maxEntries?: number;
  /** How long a decoded event is kept (default 10 s). */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/**
 * Turns Kafka messages into events as the store's readers see them (parsed, decrypted, upcast) once
 * per process, however many consumer groups of the process read them: every read model and process
 * manager has its own group over the same topics, and each decoding every message was most of what
 * they cost together. A message is known by its topic, partition and offset. Decoded events are kept
 * briefly (bounded in count and age), so decrypted personal data does not linger in memory; a group
 * further behind simply decodes again. Consumers share the events and must not change them, as with
 * the runner that hands one batch to every projection.
 */
export class SharedDecoding {
  private readonly decoded = new Map<string, { readonly at: number; readonly event: Promise<RecordedEvent> }>();

  constructor(
    private readonly readable: (events: readonly RecordedEvent[]) => Promise<RecordedEvent[]>,
    private readonly limits: SharedDecodingLimits = {},
  ) {}

  /** The messages' events, in order: those not decoded yet in one call of `readable`. */
  events(messages: readonly IncomingMessage[]): Promise<RecordedEvent[]> {
    const at = this.limits.now?.() ?? Date.now();
    this.dropOlderThan(at - (this.limits.ttlMs ?? 10_000));
    const events: Promise<RecordedEvent>[] = [];
    const missing: { readonly key: string; readonly message: IncomingMessage; readonly index: number }[] = [];
    messages.forEach((message, index) => {
      const key = `${message.topic}/${message.partition}/${message.offset}`;
      const known = this.decoded.get(key);
      if (known) events[index] = known.event;
      else missing.push({ key, message, index });
    });
    if (missing.length > 0) {
      const decoding = this.readable(missing.map(({ message }) => eventFromMessage(message)));
      missing.forEach(({ key, index }, position) => {
        const event = decoding.then((decoded) => decoded[position]);
        // A failed decoding is not kept; whoever awaits it sees the failure.
        event.catch(() => this.decoded.delete(key));
        this.decoded.set(key, { at, event });
        events[index] = event;
      });
      const max = this.limits.maxEntries ?? 20_000;
      for (const key of this.decoded.keys()) {
        if (this.decoded.size <= max) break;
        this.decoded.delete(key);
      }
    }
    return Promise.all(events);
  }

  private dropOlderThan(oldest: number): void {
    // Kept in the order they were decoded: the old ones are first.
    for (const [key, entry] of this.decoded) {
      if (entry.at >= oldest) return;
      this.decoded.delete(key);
    }
  }
}
