import { RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { actors, at, complaintDecider, events, history } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-20T16:00:00+08:00', actors.stationWorker));
const resolve = (outcome = 'solved', summary = '协调用人单位足额支付拖欠工资') => ({ type: 'ResolveComplaint', data: { outcome, summary } }) as never;

describe('resolving a complaint (办结)', () => {
  it('records the outcome, that it met the deadline, and the follow-up deadline 3 working days on', () => {
    spec.given(history.contacted).when(resolve()).then([events.resolved()]);
  });

  it('is measured against the extended deadline, and the follow-up deadline skips Qingming', () => {
    spec.given([...history.contacted, events.extended()]).when(resolve(), at('2026-04-03T10:00:00+08:00', actors.stationWorker)).then([
      events.resolved({ resolvedAt: '2026-04-03T02:00:00.000Z', resolveDueAt: '2026-04-07T15:59:59.999Z', onTime: true, followUpDueAt: '2026-04-09T15:59:59.999Z' }),
    ]);
  });

  it('a resolution after the deadline is recorded as late', () => {
    spec.given(history.contacted).when(resolve(), at('2026-03-31T10:00:00+08:00', actors.stationWorker)).then([
      events.resolved({ resolvedAt: '2026-03-31T02:00:00.000Z', onTime: false, followUpDueAt: '2026-04-03T15:59:59.999Z' }),
    ]);
  });

  it('a caller who left a phone number must be contacted before the complaint is resolved', () => {
    spec.given(history.inProgress).when(resolve()).thenThrows(RuleBrokenError, 'caller_not_contacted');
  });

  it('a complaint without a phone number is resolved without contact and has no follow-up deadline', () => {
    const noPhone = [events.received({ caller: { anonymous: true } }), events.classified(), events.assigned({ firstContactDueAt: null }), events.signedFor()];
    spec.given(noPhone).when(resolve()).then([events.resolved({ followUpDueAt: null })]);
  });

  it('an order must be signed for before it is resolved, and is resolved only once', () => {
    spec.given(history.assigned).when(resolve()).thenThrows(RuleBrokenError, 'complaint_not_signed_for');
    spec.given(history.resolved).when(resolve()).thenThrows(RuleBrokenError, 'complaint_already_resolved');
  });

  it('the outcome must come from the list and the summary is required', () => {
    const error = spec.given(history.contacted).when(resolve('fixed', '')).thenThrows(ValidationError);
    expect(error.violations.map((v) => [v.field, v.rule])).toEqual([
      ['outcome', 'one_of'],
      ['summary', 'required'],
    ]);
  });
});
