import { PassThrough } from 'node:stream';
import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendStreamState,
  type AppendToStreamOptions,
  type EventData,
  type Filter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { compareLogPositions } from '../log-position.js';
import type { KurrentClient } from './kurrent-client.js';

const STATS_STREAM = '$stats-127.0.0.1:2113';

interface StoredRecord {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly created: Date;
  readonly isJson: true;
  readonly data: string;
  readonly metadata: string | undefined;
  readonly position: Position;
}

/**
 * A KurrentDB server in memory, for the adapter's unit tests: it behaves as this adapter assumes the real
 * one does, and no more — the contract run against a real server (KURRENTDB_URL) is what proves those
 * assumptions. Modelled: expected versions and KurrentDB's idempotent retries (ids compared at the
 * expected revision; for `any`, the first id looked up among the stream's events); `$all` reads starting
 * at their position *inclusive*, in both directions, with prefix and regex filters on stream names;
 * system events (`$stats-…`) written between ours; `StreamNotFoundError` for absent streams; live
 * subscriptions from the end. Data and metadata go through JSON, as on the wire.
 */
export class SimulatedKurrentDb implements KurrentClient {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly live = new Set<{ readonly filter?: Filter; readonly output: PassThrough }>();
  /** Streams truncated by `truncateBefore`: the revision their reads start at. */
  private readonly truncated = new Map<string, bigint>();
  private nextPosition = 1_000n;
  private appends = 0;

  appendToStream = async (streamName: string, event: EventData | EventData[], options: AppendToStreamOptions = {}): Promise<AppendResult> => {
    await new Promise((resolve) => setImmediate(resolve));
    const events = Array.isArray(event) ? event : [event];
    const state = options.streamState ?? ANY;
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const repeat = this.idempotentRepeat(stream, events, state);
    if (repeat !== undefined) return { success: true, nextExpectedRevision: repeat, position: undefined };
    if (!this.meets(state, current)) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected: state, current: current < 0 ? NO_STREAM : BigInt(current) });
    }
    for (const proposed of events) this.record(streamName, stream, proposed);
    this.streams.set(streamName, stream);
    if (++this.appends % 3 === 0) this.record(STATS_STREAM, this.streams.get(STATS_STREAM) ?? [], { type: '$statsCollected', data: {} });
    const last = stream[stream.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position.commit + 7n, prepare: last.position.prepare + 7n } };
  };

  readStream = (streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> => {
    const streams = this.streams;
    const truncatedBefore = this.truncated.get(streamName) ?? 0n;
    return (async function* () {
      await new Promise((resolve) => setImmediate(resolve));
      const stream = streams.get(streamName);
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision ?? (backwards ? END : START);
      const ordered = backwards ? [...stream].reverse() : stream;
      const chosen = ordered.filter((record) =>
        record.revision < truncatedBefore ? false : from === START || from === END ? true : backwards ? record.revision <= from : record.revision >= from,
      );
      for (const record of chosen.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield { event: asRecordedEvent(record) } as ResolvedEvent;
    })();
  };

  readAll = (options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> => {
    const log = this.log;
    return (async function* () {
      await new Promise((resolve) => setImmediate(resolve));
      const backwards = options.direction === BACKWARDS;
      const from = options.fromPosition ?? (backwards ? END : START);
      const ordered = backwards ? [...log].reverse() : log;
      const chosen = ordered.filter((record) => {
        if (!passes(options.filter, record)) return false;
        if (from === START || from === END) return true;
        const order = compareLogPositions(record.position, from);
        return backwards ? order <= 0 : order >= 0;
      });
      for (const record of chosen.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield { event: asRecordedEvent(record) } as AllStreamResolvedEvent;
    })();
  };

  subscribeToAll = (options: SubscribeToAllOptions = {}): AllStreamSubscription => {
    if (options.fromPosition !== END) throw new Error('The simulation subscribes from the end only');
    const entry = { filter: options.filter, output: new PassThrough({ objectMode: true }) };
    this.live.add(entry);
    return Object.assign(entry.output, {
      unsubscribe: async () => {
        this.live.delete(entry);
        entry.output.end();
      },
    }) as unknown as AllStreamSubscription;
  };

  dispose = async (): Promise<void> => undefined;

  /** Ends every live subscription with an error, as a dropped connection would. */
  dropSubscriptions(error: Error): void {
    for (const entry of this.live) entry.output.destroy(error);
    this.live.clear();
  }

  /**
   * What no client can do, for tests of tamper evidence: the bytes of one stored event changed underneath
   * the server (its database files edited), or a stream deleted and written again with other content.
   */
  rewriteStoredEvent(streamName: string, revision: number, data: unknown): void {
    const stream = this.streams.get(streamName) ?? [];
    const record = stream[revision];
    if (!record) throw new Error(`No event ${streamName}@${revision} to rewrite`);
    const rewritten = { ...record, data: JSON.stringify(data) };
    stream[revision] = rewritten;
    this.log[this.log.indexOf(record)] = rewritten;
  }

  /** A stream's events before `revision` gone, as after setting its `$tb` (truncate before) and a scavenge. */
  truncateBefore(streamName: string, revision: number): void {
    const gone = new Set((this.streams.get(streamName) ?? []).filter((record) => record.revision < BigInt(revision)));
    // The stream keeps its revisions: what remains is read from `revision` on.
    this.truncated.set(streamName, BigInt(revision));
    const kept = this.log.filter((record) => !gone.has(record));
    this.log.length = 0;
    for (const record of kept) this.log.push(record);
  }

  private record(streamId: string, stream: StoredRecord[], proposed: { id?: string; type: string; data: unknown; metadata?: unknown }): void {
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 100n + BigInt(JSON.stringify(proposed.data).length);
    const record: StoredRecord = {
      streamId,
      id: proposed.id ?? crypto.randomUUID(),
      type: proposed.type,
      revision: BigInt(stream.length),
      created: new Date(),
      isJson: true,
      data: JSON.stringify(proposed.data),
      metadata: proposed.metadata === undefined ? undefined : JSON.stringify(proposed.metadata),
      position,
    };
    stream.push(record);
    this.streams.set(streamId, stream);
    this.log.push(record);
    for (const entry of this.live) if (passes(entry.filter, record)) entry.output.write({ event: asRecordedEvent(record) });
  }

  private meets(state: AppendStreamState, current: number): boolean {
    if (state === ANY) return true;
    if (state === NO_STREAM) return current === -1;
    if (state === STREAM_EXISTS) return current >= 0;
    return BigInt(current) === state;
  }

  /** KurrentDB's idempotency: the same ids already at the revisions this append would take (for `any`: wherever the first one is). */
  private idempotentRepeat(stream: readonly StoredRecord[], events: readonly EventData[], state: AppendStreamState): bigint | undefined {
    let first: number;
    if (state === ANY) first = stream.findIndex((record) => record.id === events[0].id);
    else if (state === NO_STREAM) first = 0;
    else if (state === STREAM_EXISTS) return undefined;
    else first = Number(state) + 1;
    if (first < 0 || first >= stream.length) return undefined;
    const same = events.every((event, index) => stream[first + index]?.id === event.id);
    return same ? stream[first + events.length - 1].revision : undefined;
  }
}

function passes(filter: Filter | undefined, record: StoredRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  return 'prefixes' in filter ? filter.prefixes.some((prefix) => subject.startsWith(prefix)) : new RegExp(filter.regex).test(subject);
}

function asRecordedEvent(record: StoredRecord) {
  return { ...record, data: JSON.parse(record.data) as unknown, metadata: record.metadata === undefined ? undefined : (JSON.parse(record.metadata) as unknown) };
}
