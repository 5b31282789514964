import { ForbiddenError, RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { hotlineTimeLimits } from '../time-limits.js';
import { actors, at, complaintDecider, ERQI_STATION, events, history, JINSHUI_STATION } from '../testing/complaint.fixtures.js';

const spec = deciderSpec(complaintDecider(), at('2026-03-09T10:00:00+08:00', actors.receiver));
const assign = (unitId = JINSHUI_STATION, instructions?: string) => ({ type: 'AssignComplaint', data: { unitId, instructions } }) as const;
const receivedWith = (data: Parameters<typeof events.received>[0]) => [events.received(data), events.classified()];

describe('assigning a complaint to a unit (转办/交办)', () => {
  it('records the sign-for (1), first-contact (3) and resolve (15 working days) deadlines in the event', () => {
    spec.given(history.classified).when(assign()).then([events.assigned()]);
  });

  it('keeps the instructions given with the assignment', () => {
    spec.given(history.classified).when(assign(JINSHUI_STATION, '请三日内联系来电人')).then([events.assigned({ instructions: '请三日内联系来电人' })]);
  });

  it('on 30 September 2025 the deadlines jump the National Day holiday and count the make-up Saturday 11 October', () => {
    spec.given(receivedWith({ receivedAt: '2025-09-30T07:00:00.000Z' })).when(assign(), at('2025-09-30T16:00:00+08:00')).then([
      events.assigned({
        assignedAt: '2025-09-30T08:00:00.000Z',
        signForDueAt: '2025-10-09T15:59:59.999Z',
        firstContactDueAt: '2025-10-11T15:59:59.999Z',
        resolveDueAt: '2025-10-28T15:59:59.999Z',
      }),
    ]);
  });

  it('on the Friday before Spring Festival 2026 sign-for is due on the make-up Saturday 14 February', () => {
    spec.given(receivedWith({ receivedAt: '2026-02-13T06:00:00.000Z' })).when(assign(), at('2026-02-13T15:00:00+08:00')).then([
      events.assigned({
        assignedAt: '2026-02-13T07:00:00.000Z',
        signForDueAt: '2026-02-14T15:59:59.999Z',
        firstContactDueAt: '2026-02-25T15:59:59.999Z',
        resolveDueAt: '2026-03-12T15:59:59.999Z',
      }),
    ]);
  });

  it('an order marked urgent must be signed for within 2 hours and resolved within 5 working days', () => {
    spec.given(receivedWith({ urgency: 'urgent' })).when(assign()).then([
      events.assigned({ urgent: true, urgentReasons: ['marked_urgent'], signForDueAt: '2026-03-09T04:00:00.000Z', resolveDueAt: '2026-03-16T15:59:59.999Z' }),
    ]);
  });

  it('an order affecting 10 workers is collective and so urgent, though received as normal', () => {
    spec.given(receivedWith({ workersAffected: 10 })).when(assign()).thenEvents(([assigned]) => {
      expect(assigned).toMatchObject({ data: { urgent: true, urgentReasons: ['collective'], signForDueAt: '2026-03-09T04:00:00.000Z' } });
    });
  });

  it('an order affecting 9 workers is not collective', () => {
    spec.given(receivedWith({ workersAffected: 9 })).when(assign()).then([events.assigned()]);
  });

  it('an order with a safety risk is urgent, even over Spring Festival: 2 hours, then 5 working days ending 27 February 2026', () => {
    spec.given(receivedWith({ safetyRisk: true, receivedAt: '2026-02-13T06:00:00.000Z' })).when(assign(), at('2026-02-13T15:00:00+08:00')).then([
      events.assigned({
        assignedAt: '2026-02-13T07:00:00.000Z',
        urgent: true,
        urgentReasons: ['safety_risk'],
        signForDueAt: '2026-02-13T09:00:00.000Z',
        firstContactDueAt: '2026-02-25T15:59:59.999Z',
        resolveDueAt: '2026-02-27T15:59:59.999Z',
      }),
    ]);
  });

  it('the collective threshold and the limits come from configuration', () => {
    const configured = deciderSpec(
      complaintDecider(hotlineTimeLimits({ collectiveWorkersThreshold: 5, normal: { resolve: { workingDays: 10 } } })),
      at('2026-03-09T10:00:00+08:00'),
    );
    configured.given(receivedWith({ workersAffected: 4 })).when(assign()).then([events.assigned({ resolveDueAt: '2026-03-23T15:59:59.999Z' })]);
    configured.given(receivedWith({ workersAffected: 5 })).when(assign()).thenEvents(([assigned]) => {
      expect(assigned).toMatchObject({ data: { urgent: true, urgentReasons: ['collective'] } });
    });
  });

  it('sets no first-contact deadline when the caller left no phone number', () => {
    spec.given(receivedWith({ caller: { anonymous: true } })).when(assign()).then([events.assigned({ firstContactDueAt: null })]);
  });

  it('a returned order is reassigned with fresh deadlines from the new assignment', () => {
    spec.given([...history.assigned, events.returned()]).when(assign(ERQI_STATION), at('2026-03-10T10:00:00+08:00')).then([
      events.assigned({
        unitId: ERQI_STATION,
        assignedAt: '2026-03-10T02:00:00.000Z',
        signForDueAt: '2026-03-11T15:59:59.999Z',
        firstContactDueAt: '2026-03-13T15:59:59.999Z',
        resolveDueAt: '2026-03-31T15:59:59.999Z',
      }),
    ]);
  });

  it('an unclassified complaint cannot be assigned', () => {
    spec.given(history.received).when(assign()).thenThrows(RuleBrokenError, 'complaint_not_classified');
  });

  it('an assigned or signed-for complaint cannot be assigned again: only its holder hands it down', () => {
    spec.given(history.assigned).when(assign(ERQI_STATION)).thenThrows(RuleBrokenError, 'complaint_already_assigned');
    spec.given(history.inProgress).when(assign(ERQI_STATION)).thenThrows(ForbiddenError, 'hand_down_by_handling_unit_only');
  });

  it('a resolved, closed or merged complaint cannot be assigned', () => {
    spec.given(history.resolved).when(assign()).thenThrows(RuleBrokenError, 'complaint_already_resolved');
    spec.given(history.closed).when(assign()).thenThrows(RuleBrokenError, 'complaint_closed');
    spec.given([...history.classified, events.flaggedAsRepeat(), events.merged()]).when(assign()).thenThrows(RuleBrokenError, 'complaint_merged');
  });

  it('an assignment must name the unit', () => {
    const error = spec.given(history.classified).when(assign('')).thenThrows(ValidationError);
    expect(error.violations).toEqual([expect.objectContaining({ field: 'unitId', rule: 'required' })]);
  });
});
