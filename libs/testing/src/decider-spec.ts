import { fold, type Decider } from '#decider';

/** A class of error to expect; abstract classes such as `CaseworkError` are fine. */
export type ErrorClass<T extends Error> = abstract new (...args: never[]) => T;

export interface DeciderSpecification<Command, Event, Context> {
  /** The events already in the stream (oldest first); `[]` for a new stream. */
  given(events: readonly Event[]): {
    /** The command to decide; `context` overrides parts of the default context (actor, clock). */
    when(command: Command, context?: Partial<Context>): DecisionOutcome<Event>;
  };
}

export interface DecisionOutcome<Event> {
  /** Asserts exactly these events, in order, and that they evolve the state without error. */
  then(expected: readonly Event[]): void;
  /** Asserts the decision succeeded and hands its events to a custom assertion. */
  thenEvents(assert: (events: readonly Event[]) => void): void;
  /** Asserts the decision failed with this error class (and `code`, if given); returns the error for more checks. */
  thenThrows<T extends Error>(errorClass: ErrorClass<T>, code?: string): T;
}

/**
 * Given/when/then for any `Decider`: `deciderSpec(decider, context).given(events).when(command).then(events)`.
 * No I/O and no store: it folds the given events with `evolve` and calls `decide`.
 */
export function deciderSpec<Command, Event, State, Context extends object>(
  decider: Decider<Command, Event, State, Context>,
  defaultContext: Context,
): DeciderSpecification<Command, Event, Context> {
  return {
    given: (history) => ({
      when(command, context) {
        const state = fold(decider, history);
        const decide = () => decider.decide(command, state, { ...defaultContext, ...context });
        return {
          then(expected) {
            const events = decide();
            expect(events).toEqual(expected);
            expect(() => events.reduce(decider.evolve, state)).not.toThrow();
          },
          thenEvents(assert) {
            assert(decide());
          },
          thenThrows<T extends Error>(errorClass: ErrorClass<T>, code?: string): T {
            let events: readonly Event[];
            try {
              events = decide();
            } catch (error) {
              expect(error).toBeInstanceOf(errorClass);
              if (code !== undefined) expect({ code: (error as { code?: unknown }).code }).toEqual({ code });
              return error as T;
            }
            throw new Error(`Expected ${errorClass.name}${code ? ` (${code})` : ''}, but the decision produced ${JSON.stringify(events)}`);
          },
        };
      },
    }),
  };
}
