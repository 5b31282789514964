import { deterministicUuid } from '#command-handling';
import type { Decider, DecisionContext, DomainEvent } from '#decider';
import type { Actor, NewEvent } from '#event-store';
import type { PlannedAppend } from './hotline-history.js';

export interface PlannedStep<Command> {
  readonly command: Command;
  readonly actor: Actor;
  /** When it is decided (ms since the epoch). */
  readonly at: number;
}

/**
 * One stream's history as the real decider records it: each step decided on the state the steps
 * before left, one append per step. A step the state no longer allows is left out and the history
 * goes on without it (generated histories cannot foresee every turn).
 */
export function decidedAppends<Command, Event extends DomainEvent<string, unknown>, State>(
  decider: Decider<Command, Event, State, DecisionContext>,
  streamId: string,
  steps: readonly PlannedStep<Command>[],
): PlannedAppend[] {
  const appends: PlannedAppend[] = [];
  let state = decider.initialState;
  let revision = -1;
  for (const { command, actor, at } of steps) {
    let decided: Event[];
    try {
      decided = decider.decide(command, state, { now: new Date(at), actor });
    } catch {
      continue;
    }
    const commandId = deterministicUuid(streamId, String(at));
    const events: NewEvent[] = decided.map((event, index) => {
      state = decider.evolve(state, event);
      return { eventId: deterministicUuid(commandId, String(index)), type: event.type, schemaVersion: 1, data: event.data, metadata: { actor, occurredAt: new Date(at).toISOString(), commandId, correlationId: commandId, causationId: commandId } };
    });
    if (events.length === 0) continue;
    appends.push({ streamId, at, expectedRevision: revision, events });
    revision += events.length;
  }
  return appends;
}
