import type { RecordedEvent } from '../event-envelope.js';

/** Turns the data of one schema version of an event type into the next version's data. */
export type Upcaster<From = any, To = unknown> = (data: From) => To;

/**
 * The upcasters of every event type, chained on read: a stored v1 event with upcasters 1→2 and 2→3
 * reaches consumers as v3. Adapters take the registry as their `upcasters` option and apply it to
 * every read (streams, the global log, subscriptions); what is stored is never rewritten.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  register<From = any, To = unknown>(type: string, fromVersion: number, upcast: Upcaster<From, To>): this {
    if (!Number.isSafeInteger(fromVersion) || fromVersion < 1) {
      throw new RangeError(`Schema versions start at 1: cannot register an upcaster for ${type} from v${fromVersion}`);
    }
    const key = stepKey(type, fromVersion);
    if (this.steps.has(key)) throw new Error(`An upcaster for ${type} from v${fromVersion} is already registered`);
    this.steps.set(key, upcast as Upcaster);
    return this;
  }

  /** The event at the latest schema version the registry knows for its type. */
  upcast<Event extends RecordedEvent>(event: Event): Event {
    if (this.steps.size === 0) return event;
    let { data, schemaVersion } = event;
    for (let step = this.steps.get(stepKey(event.type, schemaVersion)); step; step = this.steps.get(stepKey(event.type, schemaVersion))) {
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}

function stepKey(type: string, fromVersion: number): string {
  return `${fromVersion}:${type}`;
}
