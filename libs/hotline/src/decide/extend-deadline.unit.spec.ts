import { ForbiddenError, RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { hotlineTimeLimits } from '../time-limits.js';
import { actors, at, complaintDecider, events, history } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-25T10:00:00+08:00', actors.supervisor));
const extend = (workingDays = 5, reason = '涉及多名工人，需协调总包单位') => ({ type: 'ExtendResolutionDeadline', data: { workingDays, reason } }) as const;

describe('extending the resolution deadline (延期)', () => {
  it('a supervisor adds working days to the current deadline, here across Qingming 2026 (4–6 April)', () => {
    spec.given(history.contacted).when(extend()).then([events.extended()]);
  });

  it('only a supervisor may extend it', () => {
    spec.given(history.contacted).when(extend(), { actor: actors.stationWorker }).thenThrows(ForbiddenError, 'extension_requires_supervisor');
  });

  it('the deadline is extended only once per handling round', () => {
    spec.given([...history.contacted, events.extended()]).when(extend(3)).thenThrows(RuleBrokenError, 'extension_already_used');
  });

  it('a configuration may allow a second extension', () => {
    const twice = deciderSpec(complaintDecider(hotlineTimeLimits({ extension: { maxTimes: 2 } })), at('2026-04-01T10:00:00+08:00', actors.supervisor));
    twice.given([...history.contacted, events.extended()]).when(extend(1)).then([
      events.extended({ workingDays: 1, previousDueAt: '2026-04-07T15:59:59.999Z', resolveDueAt: '2026-04-08T15:59:59.999Z', extendedAt: '2026-04-01T02:00:00.000Z' }),
    ]);
  });

  it('an extension is at most 15 working days', () => {
    spec.given(history.contacted).when(extend(16)).thenThrows(RuleBrokenError, 'extension_too_long');
  });

  it('an extension must be granted before the deadline has passed', () => {
    spec.given(history.contacted).when(extend(), at('2026-03-31T09:00:00+08:00', actors.supervisor)).thenThrows(RuleBrokenError, 'resolve_deadline_passed');
  });

  it('an order not yet signed for, or already resolved, is not extended', () => {
    spec.given(history.assigned).when(extend()).thenThrows(RuleBrokenError, 'complaint_not_signed_for');
    spec.given(history.resolved).when(extend()).thenThrows(RuleBrokenError, 'complaint_already_resolved');
  });

  it('an extension needs a whole number of working days and a reason', () => {
    const error = spec.given(history.contacted).when(extend(1.5, '')).thenThrows(ValidationError);
    expect(error.violations.map((v) => [v.field, v.rule])).toEqual([
      ['workingDays', 'integer_min'],
      ['reason', 'required'],
    ]);
  });
});
