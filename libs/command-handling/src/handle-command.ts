import type { Decider, DecisionContext, DomainEvent } from '#decider';
import { type EventStore, type LogPosition, type NewEvent, WrongExpectedRevisionError } from '#event-store';
import { ConcurrencyConflictError } from '#errors';
import type { CommandMeta } from './command-envelope.js';
import { deterministicUuid } from './deterministic-id.js';

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
  const recorded = options.startsStream ? [] : await store.readStream(streamId);
  const currentVersion = recorded.length;
  const state = recorded.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event), decider.initialState);
  options.authorize?.(state);
  if (meta.expectedVersion !== undefined && meta.expectedVersion !== currentVersion) {
    throw new ConcurrencyConflictError(currentVersion);
  }
  // A command whose events are already in the stream (a process manager redelivered, a retry after a
  // lost answer) is not decided again.
  if (recorded.some((event) => event.metadata.commandId === meta.commandId)) {
    return { streamId, version: currentVersion, lastPosition: recorded[currentVersion - 1].position, events: [] };
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
    return { streamId, version: result.nextExpectedRevision + 1, lastPosition: result.lastPosition, events };
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) throw new ConcurrencyConflictError(error.actual + 1);
    throw error;
  }
}
