/*
 * Test support for the hotline's unit tests: a decider on the real calendar and default limits,
 * actors, and the events of a complaint handled in March 2026 (no holidays until Qingming, 4–6 April).
 * Times are written in Shanghai time where it helps to read them.
 */
import { createChineseDaysCalendar } from '#calendar';
import type { DecisionContext } from '#decider';
import type { ComplaintCommand, ReceiveComplaint } from '../complaint.commands.js';
import { createComplaintDecider } from '../complaint.decide.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { SatisfactionCode } from '../reference-data.js';
import type { HotlineReferenceSource } from '../reference/reference-source.js';
import { DEFAULT_HOTLINE_TIME_LIMITS, type HotlineTimeLimits } from '../time-limits.js';

type EventOf<T extends ComplaintEvent['type']> = Extract<ComplaintEvent, { type: T }>;
type DataOf<T extends ComplaintEvent['type']> = EventOf<T>['data'];

export const HOTLINE_CENTRE = 'unit-city-12351';
export const JINSHUI_STATION = 'unit-jinshui-station';
/** The district union above the Jinshui station (a unit that hands orders down). */
export const JINSHUI_DISTRICT = 'unit-jinshui-district';
export const ERQI_STATION = 'unit-erqi-station';

export const actors = {
  receiver: { userId: 'user-receiver', role: 'caseworker', orgUnitId: HOTLINE_CENTRE },
  stationWorker: { userId: 'user-jinshui', role: 'caseworker', orgUnitId: JINSHUI_STATION },
  districtWorker: { userId: 'user-jinshui-district', role: 'caseworker', orgUnitId: JINSHUI_DISTRICT },
  otherStationWorker: { userId: 'user-erqi', role: 'caseworker', orgUnitId: ERQI_STATION },
  supervisor: { userId: 'user-supervisor', role: 'supervisor', orgUnitId: HOTLINE_CENTRE },
} as const;

export function complaintDecider(timeLimits: HotlineTimeLimits = DEFAULT_HOTLINE_TIME_LIMITS, reference?: HotlineReferenceSource) {
  return createComplaintDecider({ calendar: createChineseDaysCalendar(), timeLimits, reference });
}

export function at(instant: string, actor: DecisionContext['actor'] = actors.receiver): DecisionContext {
  return { now: new Date(instant), actor };
}

export function receiveCommand(overrides: Partial<ReceiveComplaint['data']> = {}): ReceiveComplaint {
  return {
    type: 'ReceiveComplaint',
    data: {
      complaintId: 'complaint-1',
      channel: 'phone',
      caller: { anonymous: false, name: '张师傅', phone: '13800138000' },
      workersAffected: 3,
      employer: { name: '郑州某某建筑劳务有限公司', district: '410105' },
      classification: { category: 'pay', subcategory: 'wage_arrears', type: 'request_for_action' },
      urgency: 'normal',
      safetyRisk: false,
      summary: '工地拖欠三名工人两个月工资',
      receivedAt: new Date('2026-03-09T09:00:00+08:00'),
      receivingUnitId: HOTLINE_CENTRE,
      ...overrides,
    },
  };
}

const event = <T extends ComplaintEvent['type']>(type: T, data: DataOf<T>) => ({ type, data }) as EventOf<T>;

export const events = {
  received: (data: Partial<DataOf<'ComplaintReceived'>> = {}) =>
    event('ComplaintReceived', {
      complaintId: 'complaint-1',
      channel: 'phone',
      caller: { anonymous: false, name: '张师傅', phone: '13800138000' },
      workersAffected: 3,
      employer: { name: '郑州某某建筑劳务有限公司', district: '410105' },
      urgency: 'normal',
      safetyRisk: false,
      summary: '工地拖欠三名工人两个月工资',
      receivedAt: '2026-03-09T01:00:00.000Z',
      receivingUnitId: HOTLINE_CENTRE,
      ...data,
    }),
  classified: (data: Partial<DataOf<'ComplaintClassified'>> = {}) =>
    event('ComplaintClassified', {
      category: 'pay',
      subcategory: 'wage_arrears',
      type: 'request_for_action',
      classifiedAt: '2026-03-09T01:00:00.000Z',
      ...data,
    }),
  /** Monday 9 March 2026, 10:00 Shanghai, to the Jinshui station. */
  assigned: (data: Partial<DataOf<'ComplaintAssigned'>> = {}) =>
    event('ComplaintAssigned', {
      unitId: JINSHUI_STATION,
      assignedAt: '2026-03-09T02:00:00.000Z',
      urgent: false,
      urgentReasons: [],
      signForDueAt: '2026-03-10T15:59:59.999Z',
      firstContactDueAt: '2026-03-12T15:59:59.999Z',
      resolveDueAt: '2026-03-30T15:59:59.999Z',
      ...data,
    }),
  signedFor: (data: Partial<DataOf<'ComplaintSignedFor'>> = {}) =>
    event('ComplaintSignedFor', { unitId: JINSHUI_STATION, signedForAt: '2026-03-09T06:00:00.000Z', onTime: true, ...data }),
  returned: (data: Partial<DataOf<'ComplaintReturned'>> = {}) =>
    event('ComplaintReturned', { unitId: JINSHUI_STATION, reason: 'not_our_jurisdiction', returnedAt: '2026-03-09T06:00:00.000Z', toUnitId: HOTLINE_CENTRE, ...data }),
  /** Tuesday 10 March 2026, 10:00 Shanghai: the Jinshui district passes the order to its station. */
  handedDown: (data: Partial<DataOf<'ComplaintHandedDown'>> = {}) =>
    event('ComplaintHandedDown', {
      fromUnitId: JINSHUI_DISTRICT,
      unitId: JINSHUI_STATION,
      handedDownAt: '2026-03-10T02:00:00.000Z',
      signForDueAt: '2026-03-11T15:59:59.999Z',
      ...data,
    }),
  contacted: (data: Partial<DataOf<'CallerContacted'>> = {}) =>
    event('CallerContacted', {
      reached: true,
      summary: '已电话联系张师傅',
      contactedAt: '2026-03-10T01:30:00.000Z',
      firstAttempt: true,
      onTime: true,
      ...data,
    }),
  extended: (data: Partial<DataOf<'ResolutionDeadlineExtended'>> = {}) =>
    event('ResolutionDeadlineExtended', {
      workingDays: 5,
      reason: '涉及多名工人，需协调总包单位',
      previousDueAt: '2026-03-30T15:59:59.999Z',
      resolveDueAt: '2026-04-07T15:59:59.999Z',
      extendedAt: '2026-03-25T02:00:00.000Z',
      ...data,
    }),
  /** Friday 20 March 2026, 16:00 Shanghai. */
  resolved: (data: Partial<DataOf<'ComplaintResolved'>> = {}) =>
    event('ComplaintResolved', {
      unitId: JINSHUI_STATION,
      outcome: 'solved',
      summary: '协调用人单位足额支付拖欠工资',
      resolvedAt: '2026-03-20T08:00:00.000Z',
      resolveDueAt: '2026-03-30T15:59:59.999Z',
      onTime: true,
      followUpDueAt: '2026-03-25T15:59:59.999Z',
      ...data,
    }),
  followedUp: (data: Partial<DataOf<'FollowUpRecorded'>> = {}) =>
    event('FollowUpRecorded', {
      reached: true,
      satisfaction: 'satisfied',
      followedUpAt: '2026-03-23T02:00:00.000Z',
      firstAttempt: true,
      onTime: true,
      ...data,
    }),
  closed: (data: Partial<DataOf<'ComplaintClosed'>> = {}) =>
    event('ComplaintClosed', { closedAt: '2026-03-23T02:05:00.000Z', via: 'after_follow_up', ...data }),
  flaggedAsRepeat: (data: Partial<DataOf<'ComplaintFlaggedAsRepeat'>> = {}) =>
    event('ComplaintFlaggedAsRepeat', { repeatOf: 'complaint-0', matchedOn: ['same_employer'], flaggedAt: '2026-03-09T01:05:00.000Z', ...data }),
  merged: (data: Partial<DataOf<'ComplaintMergedInto'>> = {}) =>
    event('ComplaintMergedInto', { targetComplaintId: 'complaint-0', mergedAt: '2026-03-09T01:10:00.000Z', ...data }),
};

const untilResolved = [events.received(), events.classified(), events.assigned(), events.signedFor(), events.contacted(), events.resolved()];

/** Stream histories at each stage of the March 2026 complaint. */
export const history = {
  received: untilResolved.slice(0, 1),
  classified: untilResolved.slice(0, 2),
  assigned: untilResolved.slice(0, 3),
  inProgress: untilResolved.slice(0, 4),
  contacted: untilResolved.slice(0, 5),
  resolved: untilResolved,
  followedUp: (satisfaction: SatisfactionCode = 'satisfied') => [...untilResolved, events.followedUp({ satisfaction })],
  closed: [...untilResolved, events.followedUp(), events.closed()],
};

/** Decides each command in turn on the state the earlier ones left, as the application would. */
export function runCommands(
  decider: ReturnType<typeof complaintDecider>,
  steps: ReadonlyArray<readonly [ComplaintCommand, DecisionContext]>,
): ComplaintEvent[] {
  let state = decider.initialState;
  const all: ComplaintEvent[] = [];
  for (const [command, context] of steps) {
    const produced = decider.decide(command, state, context);
    state = produced.reduce(decider.evolve, state);
    all.push(...produced);
  }
  return all;
}
