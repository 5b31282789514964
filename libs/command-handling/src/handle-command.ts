import type { Decider, DecisionContext, DomainEvent } from '#decider';
import { type AppendResult, canReadStreams, type EventStore, type LogPosition, type NewEvent, type RecordedEvent, type StreamAppend, WrongExpectedRevisionError } from '#event-store';
import { ConcurrencyConflictError } from '#errors';
import type { CommandMeta } from './command-envelope.js';
import { deterministicUuid } from './deterministic-id.js';
import type { StreamStateCache } from './stream-state-cache.js';
import { inLanes } from './in-lanes.js';

export interface CommandResult {
  readonly streamId: string;
  /** Number of events in the stream after the command: what a client sends back in `If-Match`. */
  readonly version: number;
  readonly lastPosition: LogPosition | null;
  readonly events: readonly DomainEvent[];
}

export interface HandleOptions<Context extends DecisionContext, State = unknown> {
  /** Extra facts the decision needs (calendar, limits, candidates…), merged into the context. */
  readonly context?: Omit<Context, keyof DecisionContext>;
  /** The reason the domain asks for (closures, reversals…), recorded in the events' metadata. */
  readonly reason?: string;
  readonly schemaVersionOf?: (eventType: string) => number;
  /** Refuses the actor (by throwing) on the state just loaded, before anything else is said about the stream. */
  readonly authorize?: (state: State) => void;
  /**
   * The command starts a stream under a fresh id (a new complaint, a new case): it is decided on the
   * initial state without reading the stream and appended expecting no stream. A retry of the same
   * command appends the same event ids, which the store answers as the earlier append; any other
   * writer already there is a conflict (409).
   */
  readonly startsStream?: boolean;
  /** Folded states of streams seen before: only the events appended since are read (stream-state-cache.ts). */
  readonly cache?: StreamStateCache<State>;
  /**
   * Decide on the cached state without asking the store what followed it. The append still expects the
   * cached version, so a stream that moved on refuses it: for writers that usually hold the latest
   * state and can try again with a read (`handleCommandsTogether`).
   */
  readonly trustCache?: boolean;
  /**
   * Gives the case the stream starts its readable number (案件编号), recorded as `caseNumber` in its
   * first event's data. Asked only once the command is decided and starts the stream, so a refused
   * command takes no number.
   */
  readonly numberCase?: (creating: DomainEvent) => Promise<string>;
}

/**
 * Load → decide → append with the expected revision. The one place where a command meets the store.
 * Throws `ConcurrencyConflictError` (409) when `If-Match` is stale or another writer got in first.
 */
export async function handleCommand<Command, Event extends DomainEvent, State, Context extends DecisionContext>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context>,
  streamId: string,
  command: Command,
  meta: CommandMeta,
  options: HandleOptions<Context, State> = {},
): Promise<CommandResult> {
  const decided = await decideCommand(store, decider, streamId, command, meta, options);
  if ('result' in decided) return decided.result;
  const decision = options.numberCase && decided.loaded.version === 0 ? withCaseNumber(decided, await options.numberCase(decided.events[0])) : decided;
  try {
    return recorded(decision, await store.appendToStream(streamId, decision.append.events, decision.append.expected), decider, options.cache);
  } catch (error) {
    throw asConflict(error, streamId, options.cache);
  }
}

/** A command decided on its stream, waiting to be appended. */
export interface DecidedCommand<Event extends DomainEvent, State> {
  readonly append: StreamAppend;
  readonly events: readonly Event[];
  readonly loaded: LoadedStream<State>;
  readonly commandId: string;
}

/**
 * Load → authorize → decide, without the append: either the command's answer already (nothing to
 * append: no events, or a command already in the stream), or the append it needs.
 */
export async function decideCommand<Command, Event extends DomainEvent, State, Context extends DecisionContext>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context>,
  streamId: string,
  command: Command,
  meta: CommandMeta,
  options: HandleOptions<Context, State> = {},
): Promise<{ readonly result: CommandResult } | DecidedCommand<Event, State>> {
  const loaded = loadedWithoutRead(decider, streamId, options) ?? (await loadStream(store, decider, streamId, options.cache));
  return decideOnLoaded(loaded, decider, streamId, command, meta, options);
}

/** Authorize → decide on a stream already loaded (see `decideCommand`). */
export function decideOnLoaded<Command, Event extends DomainEvent, State, Context extends DecisionContext>(
  loaded: LoadedStream<State>,
  decider: Decider<Command, Event, State, Context>,
  streamId: string,
  command: Command,
  meta: CommandMeta,
  options: HandleOptions<Context, State> = {},
): { readonly result: CommandResult } | DecidedCommand<Event, State> {
  const { state, version: currentVersion } = loaded;
  options.authorize?.(state);
  if (meta.expectedVersion !== undefined && !isCurrentFor(loaded, meta.expectedVersion)) {
    throw new ConcurrencyConflictError(currentVersion);
  }
  // A command whose events are already in the stream (a process manager redelivered, a retry after a
  // lost answer) is not decided again.
  if (loaded.commandIds.has(meta.commandId)) {
    return { result: { streamId, version: currentVersion, lastPosition: loaded.lastPosition, events: [] } };
  }
  const context = { ...(options.context ?? {}), now: meta.now, actor: meta.actor } as Context;
  const events = decider.decide(command, state, context);
  if (events.length === 0) return { result: { streamId, version: currentVersion, lastPosition: null, events } };

  const toAppend: NewEvent[] = events.map((event, index) => ({
    eventId: deterministicUuid(meta.commandId, streamId, String(index)),
    type: event.type,
    schemaVersion: options.schemaVersionOf?.(event.type) ?? 1,
    data: event.data,
    metadata: {
      actor: meta.actor,
      occurredAt: meta.now.toISOString(),
      commandId: meta.commandId,
      correlationId: meta.correlationId,
      causationId: meta.causationId,
      ...(options.reason ? { reason: options.reason } : {}),
    },
  }));
  const expected = currentVersion === 0 ? 'no_stream' : currentVersion - 1;
  return { append: { streamId, events: toAppend, expected }, events, loaded, commandId: meta.commandId };
}

/** The decided command with `caseNumber` in its first event's data (the event it appends and the one it answers with). */
export function withCaseNumber<Event extends DomainEvent, State>(decision: DecidedCommand<Event, State>, caseNumber: string): DecidedCommand<Event, State> {
  const [first, ...rest] = decision.events;
  const [firstNew, ...restNew] = decision.append.events;
  return {
    ...decision,
    events: [{ ...first, data: { ...(first.data as object), caseNumber } } as Event, ...rest],
    append: { ...decision.append, events: [{ ...firstNew, data: { ...(firstNew.data as object), caseNumber } }, ...restNew] },
  };
}

/** The answer to a decided command once its append is stored; the cache learns the new state. */
export function recorded<Event extends DomainEvent, State>(
  decision: DecidedCommand<Event, State>,
  result: AppendResult,
  decider: Pick<Decider<unknown, Event, State, never>, 'evolve'>,
  cache: StreamStateCache<State> | undefined,
): CommandResult {
  const { append, events, loaded } = decision;
  const version = result.nextExpectedRevision + 1;
  if (cache && version === loaded.version + events.length) {
    cache.set(append.streamId, {
      state: events.reduce((s, e) => decider.evolve(s, e), loaded.state),
      version,
      lastPosition: result.lastPosition,
      commandIds: new Set([...loaded.commandIds, decision.commandId]),
      versionAfterLastPerson: isSystemActor(append.events[0]?.metadata.actor) ? loaded.versionAfterLastPerson : version,
    });
  } else cache?.delete(append.streamId);
  return { streamId: append.streamId, version, lastPosition: result.lastPosition, events };
}

/** A failed append: the cached state is no longer trusted; a lost expectation is a 409. */
function asConflict(error: unknown, streamId: string, cache: StreamStateCache<unknown> | undefined): unknown {
  cache?.delete(streamId);
  return error instanceof WrongExpectedRevisionError ? new ConcurrencyConflictError(error.actual + 1) : error;
}

export interface LoadedStream<State> {
  readonly state: State;
  readonly version: number;
  readonly lastPosition: LogPosition | null;
  readonly commandIds: ReadonlySet<string>;
  /**
   * The version right after the last event a person's command recorded: what follows it, if anything,
   * the system recorded on its own (a repeat-call flag, a payment mirrored from a linked case).
   */
  readonly versionAfterLastPerson: number;
}

/** Process managers, sweeps and imports act as `role: 'system'`; people never do. */
export function isSystemActor(actor: { readonly role?: string } | undefined): boolean {
  return actor?.role === 'system';
}

/**
 * A client's `If-Match` is current when nothing a person did has been recorded since it: events the
 * system recorded on its own after that version do not make the client's view stale (ADR 0013). The
 * command is still decided on the whole current state, so every rule holds against them.
 */
export function isCurrentFor(loaded: LoadedStream<unknown>, expectedVersion: number): boolean {
  return expectedVersion === loaded.version || (expectedVersion >= loaded.versionAfterLastPerson && expectedVersion < loaded.version);
}

function freshStream<State>(initialState: State): LoadedStream<State> {
  return { state: initialState, version: 0, lastPosition: null, commandIds: new Set(), versionAfterLastPerson: 0 };
}

/** The stream as the command is decided on it without a read: fresh for one that starts it, the cached state when trusted. */
export function loadedWithoutRead<State>(
  decider: Pick<Decider<unknown, DomainEvent, State, never>, 'initialState'>,
  streamId: string,
  options: Pick<HandleOptions<never, State>, 'startsStream' | 'trustCache' | 'cache'>,
): LoadedStream<State> | undefined {
  if (options.startsStream) return freshStream(decider.initialState);
  return options.trustCache ? options.cache?.get(streamId) : undefined;
}

/** The stream folded: from the cache plus what was appended since, or read in full. */
async function loadStream<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<unknown, Event, State, never>, 'initialState' | 'evolve'>,
  streamId: string,
  cache: StreamStateCache<State> | undefined,
): Promise<LoadedStream<State>> {
  const cached = cache?.get(streamId);
  const recorded = await store.readStream(streamId, cached ? { fromRevision: cached.version } : undefined);
  return foldRecorded(decider, streamId, cached ?? freshStream(decider.initialState), recorded, cache);
}

/** A stream to load, with the cache of folded states it may start from. */
export interface StreamToLoad<State> {
  readonly streamId: string;
  readonly cache?: StreamStateCache<State>;
}

/**
 * Several streams loaded as `loadStream` loads each, in the order given: in one read when the store
 * reads several streams at once (`MultiStreamReads`), otherwise `lanes` at a time.
 */
export async function loadStreams<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<unknown, Event, State, never>, 'initialState' | 'evolve'>,
  streams: readonly StreamToLoad<State>[],
  lanes: number,
): Promise<LoadedStream<State>[]> {
  const loaded = new Array<LoadedStream<State>>(streams.length);
  if (streams.length === 0) return loaded;
  if (!canReadStreams(store)) {
    await inLanes(streams.map((_, at) => at), lanes, async (at) => void (loaded[at] = await loadStream(store, decider, streams[at].streamId, streams[at].cache)));
    return loaded;
  }
  const starts = streams.map(({ streamId, cache }) => cache?.get(streamId) ?? freshStream(decider.initialState));
  const recorded = await store.readStreams(streams.map(({ streamId }, at) => ({ streamId, fromRevision: starts[at].version })));
  return streams.map(({ streamId, cache }, at) => foldRecorded(decider, streamId, starts[at], recorded[at], cache));
}

/** `start` with the events recorded after it folded in; the cache learns the result. */
function foldRecorded<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State, never>, 'evolve'>,
  streamId: string,
  start: LoadedStream<State>,
  recorded: readonly RecordedEvent[],
  cache: StreamStateCache<State> | undefined,
): LoadedStream<State> {
  if (recorded.length === 0) return start;
  const commandIds = new Set(start.commandIds);
  let state = start.state;
  let versionAfterLastPerson = start.versionAfterLastPerson;
  recorded.forEach((event, index) => {
    state = decider.evolve(state, { type: event.type, data: event.data } as Event);
    commandIds.add(event.metadata.commandId);
    if (!isSystemActor(event.metadata.actor)) versionAfterLastPerson = start.version + index + 1;
  });
  const loaded = { state, version: start.version + recorded.length, lastPosition: recorded[recorded.length - 1].position, commandIds, versionAfterLastPerson };
  cache?.set(streamId, loaded);
  return loaded;
}
