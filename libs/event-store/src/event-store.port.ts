import type { NewEvent, RecordedEvent } from './event-envelope.js';
import type { ExpectedRevision } from './expected-revision.js';
import type { LogPosition } from './log-position.js';

export interface AppendResult {
  /** Revision of the stream's last event after the append (-1 if still empty). */
  readonly nextExpectedRevision: number;
  /** Log position of the last event written by this append (or of the matching earlier write on an idempotent retry). */
  readonly lastPosition: LogPosition;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Forwards: first revision to read (default 0). Backwards: last revision to read (default: the end). */
  readonly fromRevision?: number;
  /** Forwards only: stop after this revision (inclusive). */
  readonly toRevision?: number;
  /** Only events recorded at or before this instant (ISO-8601): the stream as it was then. */
  readonly recordedUpTo?: string;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position (default: from the beginning). */
  readonly after?: LogPosition;
  readonly maxCount?: number;
  /** Only events whose stream id starts with one of these prefixes, e.g. `hotline-`. */
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after this position (default: from the beginning). */
  readonly after?: LogPosition;
  readonly batchSize?: number;
  readonly streamPrefixes?: readonly string[];
}

export interface Subscription {
  /** Stops delivering; resolves once the handler is no longer running. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop(), rejects if the handler throws. */
  readonly done: Promise<void>;
}

export type BatchHandler = (events: readonly RecordedEvent[]) => Promise<void>;

/**
 * The event store port. Adapters: PostgreSQL (default, embedded), in-memory (tests of one piece),
 * KurrentDB. Every adapter passes `eventStoreContract` in `testing/`.
 */
export interface EventStore {
  /**
   * Appends atomically. Throws `WrongExpectedRevisionError` when the expectation fails. A retry whose
   * event ids were all written before to this stream is accepted and writes nothing.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Reads one stream; an absent stream yields an empty array. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads the global log in commit-visible order, never skipping an event that a later read could reveal. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last event a reader can safely see now (`START` when none). */
  headPosition(): Promise<LogPosition>;
  /** Delivers batches of events after the checkpoint, in order, then keeps following new commits. */
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
