import { assertAppendable, assertAppendableTogether } from '../append-validation.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult, BatchHandler, EventStore, MultiStreamAppends, MultiStreamReads, ReadAllOptions, ReadStreamOptions, StreamAppend, StreamRead, SubscribeOptions, Subscription } from '../event-store.port.js';
import { isExpectationMet, type ExpectedRevision } from '../expected-revision.js';
import { START, compareLogPositions, type LogPosition } from '../log-position.js';
import { CatchUpSubscription, type LogBatch } from '../subscription/catch-up-subscription.js';
import { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { matchEarlierAppend } from './match-earlier-append.js';
import { selectStreamEvents } from './select-stream-events.js';

export interface InMemoryEventStoreOptions {
  /** Applied to every event read; stored events keep the version they were written with. */
  readonly upcasters?: UpcasterRegistry;
}

/** The whole store in one process's memory: for unit tests of single pieces. Passes the same contract as PostgreSQL. */
export class InMemoryEventStore implements EventStore, MultiStreamAppends, MultiStreamReads {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byEventId = new Map<string, RecordedEvent>();
  private readonly watchers = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly upcasters: UpcasterRegistry;
  private lastCommit = 0n;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    assertAppendable(streamId, events, expected);
    const judged = this.judge({ streamId, events, expected });
    return 'repeats' in judged ? judged.repeats : this.write(streamId, judged.stream, events);
  }

  /** Every part is judged before anything is written, so a refusal leaves every stream as it was. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertAppendableTogether(appends);
    const judged = appends.map((append) => this.judge(append));
    return judged.map((verdict, index) => ('repeats' in verdict ? verdict.repeats : this.write(appends[index].streamId, verdict.stream, appends[index].events)));
  }

  /** Throws what the append would be refused for; else the stream to write to, or the earlier append it repeats. */
  private judge({ streamId, events, expected }: StreamAppend): { stream: RecordedEvent[] } | { repeats: AppendResult } {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    const earlier = matchEarlierAppend(this.byEventId, streamId, events, expected);
    // A repeat never meets an exact or no_stream expectation (its own write moved the stream on).
    if (earlier.kind === 'same_append') return { repeats: earlier.result };
    if (!isExpectationMet(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
    if (earlier.kind !== 'none') throw new DuplicateEventIdError(streamId, earlier.eventId);
    return { stream };
  }

  private write(streamId: string, stream: RecordedEvent[], events: readonly NewEvent[]): AppendResult {
    const commit = ++this.lastCommit;
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      const recorded: RecordedEvent = {
        ...asStored(event),
        streamId,
        streamRevision: stream.length,
        position: { commit, prepare: BigInt(this.log.length + 1) },
        recordedAt,
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byEventId.set(recorded.eventId, recorded);
    }
    this.streams.set(streamId, stream);
    for (const wake of this.watchers) wake();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.streamRevision, lastPosition: last.position };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return selectStreamEvents(this.streams.get(streamId) ?? [], options).map((event) => this.readable(event));
  }

  async readStreams(reads: readonly StreamRead[]): Promise<RecordedEvent[][]> {
    return reads.map(({ streamId, fromRevision }) => selectStreamEvents(this.streams.get(streamId) ?? [], { fromRevision }).map((event) => this.readable(event)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return [...this.readBatch(options.after ?? START, options.maxCount ?? Number.MAX_SAFE_INTEGER, options.streamPrefixes).events];
  }

  async headPosition(): Promise<LogPosition> {
    return this.log.at(-1)?.position ?? START;
  }

  async lastCommittedPosition(): Promise<LogPosition> {
    return this.headPosition();
  }

  async countEventsAfter(position: LogPosition): Promise<number> {
    return this.log.filter((event) => compareLogPositions(event.position, position) > 0).length;
  }

  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    const source = {
      readBatch: async (after: LogPosition, maxCount: number, prefixes?: readonly string[]) => this.readBatch(after, maxCount, prefixes),
      watch: async (wake: () => void) => {
        this.watchers.add(wake);
        return async () => void this.watchers.delete(wake);
      },
      pollIntervalMs: 1_000,
    };
    const subscription = new CatchUpSubscription(source, handler, options);
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  private readBatch(after: LogPosition, maxCount: number, prefixes?: readonly string[]): LogBatch {
    const matches = (event: RecordedEvent) => !prefixes || prefixes.some((prefix) => event.streamId.startsWith(prefix));
    const events = this.log
      .filter((event) => compareLogPositions(event.position, after) > 0 && matches(event))
      .slice(0, maxCount)
      .map((event) => this.readable(event));
    return { events, head: this.log.at(-1)?.position ?? START };
  }

  /** A copy, so that a reader changing what it got cannot change the store. */
  private readable(event: RecordedEvent): RecordedEvent {
    return this.upcasters.upcast(structuredClone(event));
  }
}

/** What PostgreSQL's jsonb would keep: no shared references, no `undefined`, dates as strings. */
function asStored(event: NewEvent): NewEvent {
  return JSON.parse(JSON.stringify(event)) as NewEvent;
}
