import type { Decider, DecisionContext } from '#decider';
import { RuleBrokenError } from '#errors';
import { deciderSpec } from './decider-spec.js';

type Command = { type: 'Add'; amount: number };
type Event = { type: 'Added'; data: { amount: number; at: string } };

/** A counter that may not exceed 10, to exercise the kit. */
const counter: Decider<Command, Event, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.amount,
  decide(command, total, context) {
    if (total + command.amount > 10) throw new RuleBrokenError('limit_exceeded', '超过上限');
    return [{ type: 'Added', data: { amount: command.amount, at: context.now.toISOString() } }];
  },
};
const context: DecisionContext = { now: new Date('2026-03-09T00:00:00Z'), actor: { userId: 'u', role: 'caseworker', orgUnitId: 'o' } };
const spec = deciderSpec(counter, context);
const added = (amount: number, at = '2026-03-09T00:00:00.000Z'): Event => ({ type: 'Added', data: { amount, at } });

describe('the given/when/then kit', () => {
  it('then passes when the decision produces exactly the expected events', () => {
    spec.given([added(4)]).when({ type: 'Add', amount: 6 }).then([added(6)]);
  });

  it('then fails when the events differ', () => {
    expect(() => spec.given([]).when({ type: 'Add', amount: 1 }).then([added(2)])).toThrow();
  });

  it('when accepts a partial context that overrides the default', () => {
    spec.given([]).when({ type: 'Add', amount: 1 }, { now: new Date('2026-03-10T00:00:00Z') }).then([added(1, '2026-03-10T00:00:00.000Z')]);
  });

  it('thenThrows returns the error of the expected class and code', () => {
    const error = spec.given([added(10)]).when({ type: 'Add', amount: 1 }).thenThrows(RuleBrokenError, 'limit_exceeded');
    expect(error.message).toBe('超过上限');
  });

  it('thenThrows fails on another code, and when the decision succeeds', () => {
    expect(() => spec.given([added(10)]).when({ type: 'Add', amount: 1 }).thenThrows(RuleBrokenError, 'other_code')).toThrow();
    expect(() => spec.given([]).when({ type: 'Add', amount: 1 }).thenThrows(RuleBrokenError)).toThrow(/Expected RuleBrokenError.*Added/);
  });

  it('thenEvents hands the events to a custom assertion', () => {
    const seen: Event[] = [];
    spec.given([]).when({ type: 'Add', amount: 3 }).thenEvents((events) => seen.push(...events));
    expect(seen).toEqual([added(3)]);
  });
});
