import { RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { actors, at, complaintDecider, events, history, JINSHUI_STATION } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-27T10:00:00+08:00', actors.receiver));
const reopen = (reason = '来电人反映工资仍未足额发放') => ({ type: 'ReopenComplaint', data: { reason } }) as const;
const reopened = (resolveDueAt = '2026-04-20T15:59:59.999Z') =>
  ({
    type: 'ComplaintReopened',
    data: { reason: '来电人反映工资仍未足额发放', reopenedAt: '2026-03-27T02:00:00.000Z', unitId: JINSHUI_STATION, resolveDueAt },
  }) as const;

describe('reopening a complaint after a dissatisfied follow-up (重办)', () => {
  it('goes back to the same unit with a fresh 15-working-day deadline, across Qingming', () => {
    spec.given(history.followedUp('dissatisfied')).when(reopen()).then([reopened()]);
  });

  it('may happen after a supervisor closed it over the dissatisfaction', () => {
    spec.given([...history.followedUp('dissatisfied'), events.closed({ reason: '诉求超出法定标准' })]).when(reopen()).then([reopened()]);
  });

  it('an urgent order gets the urgent 5 working days again', () => {
    const urgentAssignment = events.assigned({ urgent: true, urgentReasons: ['collective'] });
    const urgent = history.followedUp('dissatisfied').map((e) => (e.type === 'ComplaintAssigned' ? urgentAssignment : e));
    spec.given(urgent).when(reopen()).then([reopened('2026-04-03T15:59:59.999Z')]);
  });

  describe('a reopened order is in progress again', () => {
    const afterReopen = [...history.followedUp('dissatisfied'), reopened()];
    const station = (instant = '2026-03-27T10:00:00+08:00') => at(instant, actors.stationWorker);

    it('the unit records further contacts with the caller', () => {
      const contact = { type: 'RecordCallerContact', data: { reached: true, summary: '再次联系' } } as const;
      spec.given(afterReopen).when(contact, station()).then([
        events.contacted({ summary: '再次联系', contactedAt: '2026-03-27T02:00:00.000Z', firstAttempt: false, onTime: null }),
      ]);
    });

    it('a supervisor may extend the new deadline, though the first round was extended already', () => {
      const extendedBefore = [...history.contacted, events.extended(), events.resolved(), events.followedUp({ satisfaction: 'dissatisfied' }), reopened()];
      const extend = { type: 'ExtendResolutionDeadline', data: { workingDays: 2, reason: '需再次协调' } } as const;
      spec.given(extendedBefore).when(extend, { actor: actors.supervisor }).then([
        events.extended({
          workingDays: 2,
          reason: '需再次协调',
          previousDueAt: '2026-04-20T15:59:59.999Z',
          resolveDueAt: '2026-04-22T15:59:59.999Z',
          extendedAt: '2026-03-27T02:00:00.000Z',
        }),
      ]);
    });

    it('the resolution is measured against the new deadline', () => {
      const resolve = { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '补发剩余工资' } } as const;
      spec.given(afterReopen).when(resolve, station('2026-04-20T10:00:00+08:00')).then([
        events.resolved({
          summary: '补发剩余工资',
          resolvedAt: '2026-04-20T02:00:00.000Z',
          resolveDueAt: '2026-04-20T15:59:59.999Z',
          onTime: true,
          followUpDueAt: '2026-04-23T15:59:59.999Z',
        }),
      ]);
    });
  });

  it('a satisfied or basically satisfied complaint is not reopened', () => {
    spec.given(history.followedUp('satisfied')).when(reopen()).thenThrows(RuleBrokenError, 'reopen_requires_dissatisfied_follow_up');
    spec.given(history.followedUp('basically_satisfied')).when(reopen()).thenThrows(RuleBrokenError, 'reopen_requires_dissatisfied_follow_up');
    spec.given(history.closed).when(reopen()).thenThrows(RuleBrokenError, 'reopen_requires_dissatisfied_follow_up');
  });

  it('a complaint still being handled is not reopened', () => {
    spec.given(history.contacted).when(reopen()).thenThrows(RuleBrokenError, 'reopen_requires_dissatisfied_follow_up');
  });

  it('a merged complaint is not reopened', () => {
    spec.given([...history.classified, events.flaggedAsRepeat(), events.merged()]).when(reopen()).thenThrows(RuleBrokenError, 'complaint_merged');
  });

  it('a reopen needs a reason', () => {
    spec.given(history.followedUp('dissatisfied')).when(reopen('')).thenThrows(ValidationError, 'validation_failed');
  });
});
