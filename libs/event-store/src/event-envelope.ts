import type { LogPosition } from './log-position.js';

/** Who did it: recorded on every event. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly orgUnitId: string;
}

/** Metadata every event carries (docs/adr/0003-event-envelope.md). */
export interface EventMetadata {
  readonly actor: Actor;
  /** When it happened in the world (ISO-8601, UTC). May be earlier than recordedAt (imports, late entry). */
  readonly occurredAt: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** Required by the domain for corrections, reversals, closures and overrides. */
  readonly reason?: string;
}

/** An event as the domain proposes it, before the store has given it a place. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as the store holds it. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  readonly streamId: string;
  /** 0-based position of the event inside its stream. */
  readonly streamRevision: number;
  /** Place in the global log; strictly increasing in the order readers see events. */
  readonly position: LogPosition;
  /** When the store committed it (ISO-8601, UTC). */
  readonly recordedAt: string;
}
