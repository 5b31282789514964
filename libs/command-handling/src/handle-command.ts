import type { Decider, DecisionContext, DomainEvent } from '#decider';
import { type EventStore, type LogPosition, type NewEvent, WrongExpectedRevisionError } from '#event-store';
import { ConcurrencyConflictError } from '#errors';
import type { CommandMeta } from './command-envelope.js';
import { deterministicUuid } from './deterministic-id.js';
import type { StreamStateCache } from './stream-state-cache.js';

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
  const loaded = options.startsStream ? freshStream(decider.initialState) : await loadStream(store, decider, streamId, options.cache);
  const { state, version: currentVersion } = loaded;
  options.authorize?.(state);
  if (meta.expectedVersion !== undefined && meta.expectedVersion !== currentVersion) {
    throw new ConcurrencyConflictError(currentVersion);
  }
  // A command whose events are already in the stream (a process manager redelivered, a retry after a
  // lost answer) is not decided again.
  if (loaded.commandIds.has(meta.commandId)) {
    return { streamId, version: currentVersion, lastPosition: loaded.lastPosition, events: [] };
  }
  const context = { ...(options.context ?? {}), now: meta.now, actor: meta.actor } as Context;
  const events = decider.decide(command, state, context);
  if (events.length === 0) return { streamId, version: currentVersion, lastPosition: null, events };

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
  try {
    const result = await store.appendToStream(streamId, toAppend, currentVersion === 0 ? 'no_stream' : currentVersion - 1);
    const version = result.nextExpectedRevision + 1;
    if (options.cache && version === currentVersion + events.length) {
      options.cache.set(streamId, {
        state: events.reduce((s, e) => decider.evolve(s, e), state),
        version,
        lastPosition: result.lastPosition,
        commandIds: new Set([...loaded.commandIds, meta.commandId]),
      });
    } else options.cache?.delete(streamId);
    return { streamId, version, lastPosition: result.lastPosition, events };
  } catch (error) {
    options.cache?.delete(streamId);
    if (error instanceof WrongExpectedRevisionError) throw new ConcurrencyConflictError(error.actual + 1);
    throw error;
  }
}

interface LoadedStream<State> {
  readonly state: State;
  readonly version: number;
  readonly lastPosition: LogPosition | null;
  readonly commandIds: ReadonlySet<string>;
}

function freshStream<State>(initialState: State): LoadedStream<State> {
  return { state: initialState, version: 0, lastPosition: null, commandIds: new Set() };
}

/** The stream folded: from the cache plus what was appended since, or read in full. */
async function loadStream<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<unknown, Event, State, never>, 'initialState' | 'evolve'>,
  streamId: string,
  cache: StreamStateCache<State> | undefined,
): Promise<LoadedStream<State>> {
  const cached = cache?.get(streamId);
  const start = cached ?? freshStream(decider.initialState);
  const recorded = await store.readStream(streamId, cached ? { fromRevision: cached.version } : undefined);
  if (recorded.length === 0) return start;
  const commandIds = new Set(start.commandIds);
  let state = start.state;
  for (const event of recorded) {
    state = decider.evolve(state, { type: event.type, data: event.data } as Event);
    commandIds.add(event.metadata.commandId);
  }
  const loaded = { state, version: start.version + recorded.length, lastPosition: recorded[recorded.length - 1].position, commandIds };
  cache?.set(streamId, loaded);
  return loaded;
}
