import {
  confirmationWindowEndsOn, deadlineOf, deadlineStanding, DEFAULT_MEDIATION_LIMITS, findBookingConflicts, mediationLimits, sessionTimeViolations, shanghaiTimeRange,
  type Booking,
} from './mediation.rules.js';
import { initialMediationCaseState, type MediationCaseState } from './mediation.state.js';
import type { ReferralSource } from './mediation.values.js';

const limits = DEFAULT_MEDIATION_LIMITS;
const court = (extra: Partial<Extract<ReferralSource, { kind: 'court' }>>): ReferralSource =>
  ({ kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调1234号', referralType: 'assigned', ...extra });

describe('mediation periods', () => {
  it('counts natural days from the day after acceptance: 委派 30, 委托 ordinary 15, summary 7, union referrals like 委派', () => {
    const from = (source: ReferralSource, extensionDays = 0) => deadlineOf({ source, acceptedOn: '2026-01-31', extensionDays }, limits);
    expect(from(court({}))).toBe('2026-03-02');
    expect(from(court({ referralType: 'entrusted', procedure: 'ordinary' }))).toBe('2026-02-15');
    expect(from(court({ referralType: 'entrusted', procedure: 'summary' }))).toBe('2026-02-07');
    expect(from({ kind: 'complaint', complaintId: 'c-1' })).toBe('2026-03-02');
    expect(from(court({}), 10)).toBe('2026-03-12');
    expect(deadlineOf({ source: court({}), acceptedOn: null, extensionDays: 0 }, limits)).toBeNull();
  });

  it('takes its periods from configuration', () => {
    expect(deadlineOf({ source: court({}), acceptedOn: '2026-04-02', extensionDays: 0 }, mediationLimits({ assignedDays: 20 }))).toBe('2026-04-22');
    expect(mediationLimits({ assignedDays: 20 }).entrustedSummaryDays).toBe(7);
  });

  it('closes the window for judicial confirmation 30 days after the agreement takes effect', () => {
    expect(confirmationWindowEndsOn('2026-04-20', limits)).toBe('2026-05-20');
    expect(confirmationWindowEndsOn('2026-12-15', limits)).toBe('2027-01-14');
  });

  it('stands running, then due soon three days ahead, then overdue after the last day, and none once mediation is over', () => {
    const running: MediationCaseState = { ...initialMediationCaseState, status: 'in_mediation', source: court({}), acceptedOn: '2026-04-02', deadline: '2026-05-02' };
    expect(deadlineStanding(running, '2026-04-28', limits)).toBe('running');
    expect(deadlineStanding(running, '2026-04-29', limits)).toBe('due_soon');
    expect(deadlineStanding(running, '2026-05-02', limits)).toBe('due_soon');
    expect(deadlineStanding(running, '2026-05-03', limits)).toBe('overdue');
    expect(deadlineStanding({ ...running, status: 'agreed' }, '2026-05-03', limits)).toBe('none');
    expect(deadlineStanding({ ...running, status: 'referred', deadline: null }, '2026-05-03', limits)).toBe('none');
  });
});

describe('room and mediator bookings', () => {
  const booking = (extra: Partial<Booking>): Booking => ({
    caseId: 'm-1', sessionId: 's-1', roomId: 'MR-410105', mediatorId: 'u-zhao', startsAt: '2026-04-10T01:00:00.000Z', endsAt: '2026-04-10T03:00:00.000Z', ...extra,
  });
  const proposed = booking({ caseId: 'm-2', sessionId: 's-9', mediatorId: 'u-qian', startsAt: '2026-04-10T02:00:00.000Z', endsAt: '2026-04-10T04:00:00.000Z' });

  it('finds a session of another case in the same room at overlapping times', () => {
    const taken = booking({});
    expect(findBookingConflicts([taken], proposed)).toEqual([taken]);
  });

  it('finds the same mediator booked in another room at overlapping times', () => {
    const elsewhere = booking({ caseId: 'm-3', roomId: 'MR-410103', mediatorId: 'u-qian' });
    expect(findBookingConflicts([elsewhere], proposed)).toEqual([elsewhere]);
  });

  it('lets sessions follow each other back to back, and another room with another mediator meet at the same time', () => {
    const before = booking({ startsAt: '2026-04-10T00:00:00.000Z', endsAt: '2026-04-10T02:00:00.000Z' });
    const after = booking({ startsAt: '2026-04-10T04:00:00.000Z', endsAt: '2026-04-10T05:00:00.000Z' });
    const otherRoom = booking({ roomId: 'MR-410103', mediatorId: 'u-sun' });
    expect(findBookingConflicts([before, after, otherRoom], proposed)).toEqual([]);
  });

  it('never finds a session in conflict with itself, so that it can be moved', () => {
    const itself = booking({});
    expect(findBookingConflicts([itself], { ...itself, startsAt: '2026-04-10T02:00:00.000Z', endsAt: '2026-04-10T04:00:00.000Z' })).toEqual([]);
    expect(findBookingConflicts([itself], { ...itself, sessionId: 's-2' })).toEqual([itself]);
  });

  it('compares instants, not their spelling', () => {
    expect(findBookingConflicts([booking({})], { ...proposed, startsAt: '2026-04-10T10:30:00+08:00', endsAt: '2026-04-10T12:00:00+08:00' })).toHaveLength(1);
    expect(findBookingConflicts([booking({})], { ...proposed, startsAt: '2026-04-10T11:00:00+08:00', endsAt: '2026-04-10T12:00:00+08:00' })).toEqual([]);
  });

  it('writes a session\'s times in Shanghai time for messages', () => {
    expect(shanghaiTimeRange('2026-04-10T01:00:00.000Z', '2026-04-10T03:30:00.000Z')).toBe('2026-04-10 09:00–11:30');
    expect(shanghaiTimeRange('2026-04-09T23:00:00.000Z', '2026-04-10T01:00:00.000Z')).toBe('2026-04-10 07:00–09:00');
  });
});

describe('session times', () => {
  it('accepts a morning session and names the end when it is before the start, on another day or longer than eight hours', () => {
    expect(sessionTimeViolations('2026-04-10T09:00:00+08:00', '2026-04-10T11:00:00+08:00')).toEqual([]);
    expect(sessionTimeViolations('2026-04-10T09:00:00+08:00', '2026-04-10T17:00:00+08:00')).toEqual([]);
    const rules = (start: string, end: string) => sessionTimeViolations(start, end).map((v) => `${v.field}:${v.rule}`);
    expect(rules('2026-04-10T09:00:00+08:00', '2026-04-10T09:00:00+08:00')).toEqual(['endsAt:time_order']);
    // 23:00 UTC on the 9th is 07:00 on the 10th in Shanghai: one day there, though two in UTC.
    expect(rules('2026-04-09T23:00:00Z', '2026-04-10T01:00:00Z')).toEqual([]);
    expect(rules('2026-04-10T22:00:00+08:00', '2026-04-11T00:30:00+08:00')).toEqual(['endsAt:same_day']);
    expect(rules('2026-04-10T08:00:00+08:00', '2026-04-10T16:01:00+08:00')).toEqual(['endsAt:max_duration']);
    expect(rules('tomorrow', '2026-04-10T16:01')).toEqual(['startsAt:instant', 'endsAt:instant']);
  });
});
