import { fold } from '#decider';
import { ForbiddenError, RuleBrokenError } from '#errors';
import { deciderSpec } from '#testing';
import { pendingDeadlines } from '../pending-deadlines.js';
import { complaintUnitsOf } from '../complaint.units.js';
import { actors, at, complaintDecider, events, history, HOTLINE_CENTRE, JINSHUI_DISTRICT, JINSHUI_STATION } from '../testing/complaint.fixtures.js';

const decider = complaintDecider();
const district = (instant = '2026-03-10T10:00:00+08:00') => at(instant, actors.districtWorker);
const station = (instant = '2026-03-10T14:00:00+08:00') => at(instant, actors.stationWorker);
const spec = deciderSpec(decider, district());
const handDown = (unitId = JINSHUI_STATION, instructions?: string) => ({ type: 'AssignComplaint', data: { unitId, instructions } }) as const;
const returnIt = { type: 'ReturnComplaint', data: { reason: 'not_our_jurisdiction', explanation: '该企业在二七区' } } as const;

/** The city assigned the order to the Jinshui district union on Monday 9 March, which signed for it. */
const signedByDistrict = [
  ...history.classified,
  events.assigned({ unitId: JINSHUI_DISTRICT }),
  events.signedFor({ unitId: JINSHUI_DISTRICT }),
];
const handedDown = events.handedDown();
const atStation = [...signedByDistrict, handedDown];

describe('handing an order down through the chain (逐级下派)', () => {
  it('a district that signed for an order passes it to its station, which has its own sign-for limit', () => {
    spec.given(signedByDistrict).when(handDown(JINSHUI_STATION, '请经八路站入企核实')).then([
      events.handedDown({ instructions: '请经八路站入企核实' }),
    ]);
  });

  it('the round goes on: the first-contact and resolve deadlines stay those of the city’s assignment', () => {
    const state = fold(decider, atStation);
    expect(state.status).toBe('assigned');
    expect(state.round).toMatchObject({
      unitId: JINSHUI_STATION,
      signForDueAt: '2026-03-11T15:59:59.999Z',
      firstContactDueAt: '2026-03-12T15:59:59.999Z',
      resolveDueAt: '2026-03-30T15:59:59.999Z',
    });
    expect(pendingDeadlines(state).map((d) => d.step)).toEqual(['sign_for', 'first_contact', 'resolve']);
  });

  it('the station signs for it against its own limit and resolves it against the round’s deadline', () => {
    const signed = decider.decide({ type: 'SignForComplaint', data: {} }, fold(decider, atStation), station());
    expect(signed).toEqual([events.signedFor({ unitId: JINSHUI_STATION, signedForAt: '2026-03-10T06:00:00.000Z', onTime: true })]);
    const contacted = [...atStation, ...signed, events.contacted()];
    spec.given(contacted).when({ type: 'ResolveComplaint', data: { outcome: 'solved', summary: '已协调发放' } }, station('2026-03-20T16:00:00+08:00')).then([
      events.resolved({ summary: '已协调发放' }),
    ]);
  });

  it('the district and the city both see the order while the station holds it', () => {
    expect(complaintUnitsOf(fold(decider, atStation))).toEqual([HOTLINE_CENTRE, JINSHUI_STATION]);
  });

  it('only the unit holding the order may pass it down, and only after signing for it', () => {
    spec.given(signedByDistrict).when(handDown(), at('2026-03-10T10:00:00+08:00', actors.receiver)).thenThrows(ForbiddenError, 'hand_down_by_handling_unit_only');
    spec.given([...history.classified, events.assigned({ unitId: JINSHUI_DISTRICT })]).when(handDown()).thenThrows(RuleBrokenError, 'complaint_not_signed_for');
  });

  it('an order is not passed to the unit that holds it', () => {
    spec.given(signedByDistrict).when(handDown(JINSHUI_DISTRICT)).thenThrows(RuleBrokenError, 'hand_down_to_unit_below');
  });

  it('a resolved order is not handed down', () => {
    spec.given([...atStation, events.signedFor(), events.contacted(), events.resolved()]).when(handDown(), station()).thenThrows(RuleBrokenError, 'complaint_already_resolved');
  });
});

describe('a return goes back to the unit that sent it (退回)', () => {
  it('the station’s return goes back to the district, with its reason', () => {
    spec.given(atStation).when(returnIt, station()).then([
      events.returned({ toUnitId: JINSHUI_DISTRICT, explanation: '该企业在二七区', returnedAt: '2026-03-10T06:00:00.000Z' }),
    ]);
  });

  it('the district holds it again, marked returned, with the deadlines of the round', () => {
    const state = fold(decider, [...atStation, events.returned({ toUnitId: JINSHUI_DISTRICT })]);
    expect(state.status).toBe('returned');
    expect(state.lastReturn).toEqual({ unitId: JINSHUI_STATION, reason: 'not_our_jurisdiction', toUnitId: JINSHUI_DISTRICT });
    expect(state.round).toMatchObject({ unitId: JINSHUI_DISTRICT, signedForAt: '2026-03-09T06:00:00.000Z', resolveDueAt: '2026-03-30T15:59:59.999Z' });
    expect(complaintUnitsOf(state)).toEqual([HOTLINE_CENTRE, JINSHUI_DISTRICT]);
    expect(pendingDeadlines(state).map((d) => d.step)).toEqual(['first_contact', 'resolve']);
  });

  it('the district may pass it to another station, or handle it itself', () => {
    const back = [...atStation, events.returned({ toUnitId: JINSHUI_DISTRICT })];
    spec.given(back).when(handDown('unit-jinshui-other-station'), district('2026-03-11T09:00:00+08:00')).then([
      events.handedDown({ unitId: 'unit-jinshui-other-station', handedDownAt: '2026-03-11T01:00:00.000Z', signForDueAt: '2026-03-12T15:59:59.999Z' }),
    ]);
    const contacted = decider.decide({ type: 'RecordCallerContact', data: { reached: true, summary: '区总工会直接联系' } }, fold(decider, back), district());
    expect(fold(decider, [...back, ...contacted]).status).toBe('in_progress');
  });

  it('an order returned by the unit the city assigned goes back to the receiving unit, as before', () => {
    spec.given(history.assigned).when(returnIt, at('2026-03-09T14:00:00+08:00', actors.stationWorker)).then([
      events.returned({ explanation: '该企业在二七区' }),
    ]);
  });
});
