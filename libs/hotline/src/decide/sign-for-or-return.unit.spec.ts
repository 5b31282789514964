import { ForbiddenError, RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { actors, at, complaintDecider, events, history, JINSHUI_STATION } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-09T14:00:00+08:00', actors.stationWorker));
const signFor = { type: 'SignForComplaint', data: {} } as const;
const returnFor = (reason: 'not_our_jurisdiction' | 'other' = 'not_our_jurisdiction', explanation?: string) =>
  ({ type: 'ReturnComplaint', data: { reason, explanation } }) as const;

describe('signing for an assigned complaint (签收)', () => {
  it('a user of the assigned unit signs for it, on time before the end of the next working day', () => {
    spec.given(history.assigned).when(signFor).then([events.signedFor()]);
  });

  it('signing for it at the last millisecond of the limit is still on time', () => {
    spec.given(history.assigned).when(signFor, at('2026-03-10T15:59:59.999Z', actors.stationWorker)).then([
      events.signedFor({ signedForAt: '2026-03-10T15:59:59.999Z', onTime: true }),
    ]);
  });

  it('signing for it after the limit is recorded as late', () => {
    spec.given(history.assigned).when(signFor, at('2026-03-11T08:30:00+08:00', actors.stationWorker)).then([
      events.signedFor({ signedForAt: '2026-03-11T00:30:00.000Z', onTime: false }),
    ]);
  });

  it('an urgent order signed for 2 hours and 1 minute after assignment is late', () => {
    const urgent = [...history.classified, events.assigned({ urgent: true, urgentReasons: ['safety_risk'], signForDueAt: '2026-03-09T04:00:00.000Z' })];
    spec.given(urgent).when(signFor, at('2026-03-09T12:01:00+08:00', actors.stationWorker)).then([
      events.signedFor({ signedForAt: '2026-03-09T04:01:00.000Z', onTime: false }),
    ]);
  });

  it('a user of another unit cannot sign for it', () => {
    spec.given(history.assigned).when(signFor, { actor: actors.otherStationWorker }).thenThrows(ForbiddenError, 'sign_for_by_assigned_unit_only');
  });

  it('not even the hotline centre that assigned it can sign for it', () => {
    spec.given(history.assigned).when(signFor, { actor: actors.receiver }).thenThrows(ForbiddenError, 'sign_for_by_assigned_unit_only');
  });

  it('a complaint that is not assigned cannot be signed for', () => {
    spec.given(history.classified).when(signFor).thenThrows(RuleBrokenError, 'complaint_not_assigned');
    spec.given([...history.assigned, events.returned()]).when(signFor).thenThrows(RuleBrokenError, 'complaint_not_assigned');
  });

  it('a complaint cannot be signed for twice', () => {
    spec.given(history.inProgress).when(signFor).thenThrows(RuleBrokenError, 'complaint_already_signed_for');
  });
});

describe('returning an assigned complaint (退回)', () => {
  it('a user of the assigned unit returns it with a reason', () => {
    spec.given(history.assigned).when(returnFor()).then([events.returned()]);
  });

  it('a return for "other reasons" must be explained', () => {
    const error = spec.given(history.assigned).when(returnFor('other')).thenThrows(ValidationError);
    expect(error.violations).toEqual([expect.objectContaining({ field: 'explanation', rule: 'required' })]);
    spec.given(history.assigned).when(returnFor('other', '来电人所述单位已迁至外省')).then([
      events.returned({ reason: 'other', explanation: '来电人所述单位已迁至外省' }),
    ]);
  });

  it('the reason must come from the list of return reasons', () => {
    const error = spec.given(history.assigned).when({ type: 'ReturnComplaint', data: { reason: 'too_busy' as never } }).thenThrows(ValidationError);
    expect(error.violations).toEqual([expect.objectContaining({ field: 'reason', rule: 'one_of' })]);
  });

  it('a user of another unit cannot return it', () => {
    spec.given(history.assigned).when(returnFor(), { actor: actors.otherStationWorker }).thenThrows(ForbiddenError, 'return_by_assigned_unit_only');
  });

  it('a signed-for complaint can no longer be returned', () => {
    spec.given(history.inProgress).when(returnFor()).thenThrows(RuleBrokenError, 'complaint_already_signed_for');
  });

  it('a complaint that is not assigned cannot be returned', () => {
    spec.given(history.classified).when(returnFor()).thenThrows(RuleBrokenError, 'complaint_not_assigned');
  });

  it('after a return the same unit can no longer sign for it', () => {
    spec.given([...history.assigned, events.returned({ unitId: JINSHUI_STATION })]).when(signFor).thenThrows(RuleBrokenError, 'complaint_not_assigned');
  });
});
