import type { Actor } from '#event-store';

/** What the application layer knows about a command besides its payload. */
export interface CommandMeta {
  readonly actor: Actor;
  /** The `Idempotency-Key`, or a fresh id when the client sent none. */
  readonly commandId: string;
  readonly correlationId: string;
  /** The event or command that caused this one; the command itself when it came from a person. */
  readonly causationId: string;
  /** The version (number of events) the client saw, from `If-Match`. */
  readonly expectedVersion?: number;
  readonly now: Date;
}
