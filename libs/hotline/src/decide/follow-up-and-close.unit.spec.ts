import { ForbiddenError, RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { actors, at, complaintDecider, events, history } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-23T10:00:00+08:00', actors.receiver));
const followUp = (data: { reached: boolean; satisfaction?: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string }) =>
  ({ type: 'RecordFollowUp', data }) as const;
const close = (reason?: string) => ({ type: 'CloseComplaint', data: { reason } }) as const;
const unreached = events.followedUp({ reached: false, satisfaction: undefined });

describe('following up with the caller (回访)', () => {
  it('reaching the caller records the satisfaction and that the follow-up was on time', () => {
    spec.given(history.resolved).when(followUp({ reached: true, satisfaction: 'satisfied' })).then([events.followedUp()]);
  });

  it('an unanswered call is recorded, and a later attempt is not measured against the limit', () => {
    spec.given(history.resolved).when(followUp({ reached: false })).then([unreached]);
    spec.given([...history.resolved, unreached]).when(followUp({ reached: true, satisfaction: 'dissatisfied', comment: '工资只发了一半' })).then([
      events.followedUp({ satisfaction: 'dissatisfied', comment: '工资只发了一半', firstAttempt: false, onTime: null }),
    ]);
  });

  it('a first follow-up after 3 working days is late', () => {
    spec.given(history.resolved).when(followUp({ reached: true, satisfaction: 'basically_satisfied' }), at('2026-03-26T10:00:00+08:00')).then([
      events.followedUp({ satisfaction: 'basically_satisfied', followedUpAt: '2026-03-26T02:00:00.000Z', onTime: false }),
    ]);
  });

  it('a reached caller must give a satisfaction; an unreached one cannot', () => {
    const missing = spec.given(history.resolved).when(followUp({ reached: true })).thenThrows(ValidationError);
    expect(missing.violations).toEqual([expect.objectContaining({ field: 'satisfaction', rule: 'one_of' })]);
    const extra = spec.given(history.resolved).when(followUp({ reached: false, satisfaction: 'satisfied' })).thenThrows(ValidationError);
    expect(extra.violations).toEqual([expect.objectContaining({ field: 'satisfaction', rule: 'not_reached' })]);
  });

  it('the unit that handled the complaint does not follow up its own work: the receiving centre does', () => {
    const error = spec.given(history.resolved).when(followUp({ reached: true, satisfaction: 'satisfied' }), { actor: actors.stationWorker }).thenThrows(ForbiddenError, 'follow_up_by_handling_unit');
    expect(error.message).toMatch(/承办单位不能回访/);
    const stationSupervisor = { ...actors.stationWorker, userId: 'user-station-supervisor', role: 'supervisor' };
    spec.given(history.resolved).when(followUp({ reached: false }), { actor: stationSupervisor }).thenThrows(ForbiddenError, 'follow_up_by_handling_unit');
    spec.given(history.resolved).when(followUp({ reached: true, satisfaction: 'satisfied' }), { actor: actors.supervisor }).then([events.followedUp()]);
  });

  it('only a resolved complaint is followed up, and only until the caller is reached', () => {
    spec.given(history.contacted).when(followUp({ reached: false })).thenThrows(RuleBrokenError, 'complaint_not_resolved');
    spec.given(history.followedUp()).when(followUp({ reached: false })).thenThrows(RuleBrokenError, 'follow_up_already_recorded');
    spec.given(history.closed).when(followUp({ reached: false })).thenThrows(RuleBrokenError, 'complaint_closed');
  });
});

describe('closing a complaint (结案)', () => {
  const closed = (via: 'after_follow_up' | 'caller_unreachable' | 'no_contact_details', reason?: string) =>
    events.closed({ closedAt: '2026-03-23T02:00:00.000Z', via, reason });

  it('a complaint followed up with a satisfied caller is closed', () => {
    spec.given(history.followedUp('satisfied')).when(close()).then([closed('after_follow_up')]);
  });

  it('a caller who could not be reached on follow-up does not keep the order open', () => {
    spec.given([...history.resolved, unreached]).when(close('三次回访均未接通')).then([closed('caller_unreachable', '三次回访均未接通')]);
  });

  it('a complaint whose caller left no phone number is closed straight after resolution', () => {
    const noPhone = [
      events.received({ caller: { anonymous: true } }),
      events.classified(),
      events.assigned({ firstContactDueAt: null }),
      events.signedFor(),
      events.resolved({ followUpDueAt: null }),
    ];
    spec.given(noPhone).when(close()).then([closed('no_contact_details')]);
  });

  it('a resolved complaint must be followed up before it is closed', () => {
    spec.given(history.resolved).when(close()).thenThrows(RuleBrokenError, 'follow_up_required');
  });

  it('an unresolved complaint cannot be closed, nor a closed one closed again', () => {
    spec.given(history.contacted).when(close()).thenThrows(RuleBrokenError, 'complaint_not_resolved');
    spec.given(history.closed).when(close()).thenThrows(RuleBrokenError, 'complaint_already_closed');
  });

  it('closing over a dissatisfied follow-up is for a supervisor only', () => {
    spec.given(history.followedUp('dissatisfied')).when(close('诉求超出法定标准')).thenThrows(ForbiddenError, 'close_dissatisfied_requires_supervisor');
  });

  it('a supervisor closing over a dissatisfied follow-up must give a reason', () => {
    spec.given(history.followedUp('dissatisfied')).when(close(' '), { actor: actors.supervisor }).thenThrows(RuleBrokenError, 'close_reason_required');
    spec.given(history.followedUp('dissatisfied')).when(close('诉求超出法定标准'), { actor: actors.supervisor }).then([
      closed('after_follow_up', '诉求超出法定标准'),
    ]);
  });
});
