import type { NewEvent, RecordedEvent } from './event-envelope.js';
import type { ExpectedRevision } from './expected-revision.js';
import type { LogPosition } from './log-position.js';

export interface AppendResult {
  /** Revision of the stream's last event after the append (on an idempotent retry: after the earlier write). */
  readonly nextExpectedRevision: number;
  /** Log position of the last event written by this append (or of the matching earlier write on an idempotent retry). */
  readonly lastPosition: LogPosition;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Forwards: first revision to read (default 0). Backwards: last revision to read (default: the end). */
  readonly fromRevision?: number;
  /** Stop after this revision (inclusive): forwards the highest revision to read, backwards the lowest. */
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
  /**
   * Settles when the subscription ends: resolves on stop(), rejects if the handler (or the adapter's
   * connection) fails. Observe it: an unobserved rejection is swallowed so that one failing consumer
   * cannot crash the process.
   */
  readonly done: Promise<void>;
}

export type BatchHandler = (events: readonly RecordedEvent[]) => Promise<void>;

/**
 * The event store port. Adapters: PostgreSQL (default, embedded), in-memory (tests of one piece),
 * KurrentDB. Every adapter passes `eventStoreContract` in `testing/`.
 */
export interface EventStore {
  /**
   * Appends atomically (at least one event, else `RangeError`). Throws `WrongExpectedRevisionError` when
   * the expectation fails. A retry of an earlier append (same event ids, same order, same stream, an
   * expectation that held for it) is accepted, writes nothing and returns the earlier result; an event id
   * used in any other way throws `DuplicateEventIdError`.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Reads one stream; an absent stream yields an empty array. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Reads the global log in commit-visible order, never skipping an event that a later read could reveal.
   * So an event just appended may be held back a moment while an older transaction is still in flight:
   * to read it, wait until `headPosition()` has reached its position.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last event a reader can safely see now (`START` when none). */
  headPosition(): Promise<LogPosition>;
  /**
   * The position of the last committed event, even one a reader cannot see yet because an older
   * transaction is still in flight: what a projection must reach before everything written so far
   * is in it (read-your-writes, "caught up").
   */
  lastCommittedPosition(): Promise<LogPosition>;
  /**
   * How many events are committed after this position, including any an older transaction in flight
   * still holds back from readers (for lag and progress: held back is not yet applied).
   */
  countEventsAfter(position: LogPosition): Promise<number>;
  /** Delivers batches of events after the checkpoint, in order, then keeps following new commits. */
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

/** One stream's part of a write to several streams. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

/**
 * What a store can do beyond the port: write to several streams in ONE atomic, durable commit. For a
 * writer with many small independent appends at once (a process manager's commands for one batch of
 * the log), one commit instead of one per stream.
 *
 * All or none: each append is judged as `appendToStream` would judge it alone (a repeat of an earlier
 * identical append is answered with that one's result and writes nothing), and the first that fails
 * fails the whole write with its error, leaving every stream as it was. A stream may appear once; event
 * ids must differ across the whole write. Results are in the order of the appends.
 *
 * PostgreSQL and in-memory stores have it. KurrentDB's `multiStreamAppend` (server 25.1+) could carry
 * it, but the adapter's event-id claims are not atomic with a write, so it is not offered there yet.
 */
export interface MultiStreamAppends {
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
}

export function canAppendToStreams(store: EventStore): store is EventStore & MultiStreamAppends {
  return typeof (store as Partial<MultiStreamAppends>).appendToStreams === 'function';
}

/** One stream's part of a read of several streams: its events from `fromRevision` (default 0) on. */
export interface StreamRead {
  readonly streamId: string;
  readonly fromRevision?: number;
}

/**
 * What a store can do beyond the port: read several streams in ONE round trip. For a writer deciding
 * many commands at once (a process manager's for one batch of the log), one read instead of one per
 * stream. Each result is what `readStream(streamId, { fromRevision })` would return (an absent stream
 * is empty), in the order of the reads.
 *
 * PostgreSQL and in-memory stores have it; KurrentDB reads one stream per call.
 */
export interface MultiStreamReads {
  readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]>;
}

export function canReadStreams(store: EventStore): store is EventStore & MultiStreamReads {
  return typeof (store as Partial<MultiStreamReads>).readStreams === 'function';
}
