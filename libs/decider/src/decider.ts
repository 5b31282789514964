/**
 * The shape of every aggregate's logic, in plain functions (after Jérémie Chassaing's "decider"):
 * `decide` turns a command and the current state into new events or throws a `DomainError`;
 * `evolve` folds an event into the state. No I/O, no framework.
 */
export interface Decider<Command, Event, State, Context = DecisionContext> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: Context): Event[];
}

/** What a decision may depend on besides the state: the clock and who is acting. */
export interface DecisionContext {
  /** The instant of the decision (UTC). */
  readonly now: Date;
  readonly actor: { readonly userId: string; readonly role: string; readonly orgUnitId: string };
}

/** An event as the domain sees it: a type and its data. The envelope is added by the application layer. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export function fold<Event, State>(decider: Pick<Decider<never, Event, State, never>, 'initialState' | 'evolve'>, events: readonly Event[]): State {
  return events.reduce(decider.evolve, decider.initialState);
}
