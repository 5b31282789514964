import { calendarChanges, createChineseDaysCalendar } from '#calendar';
import { createComplaintDecider } from '../complaint.decide.js';
import { evolveComplaint, initialComplaintState, type ComplaintState } from '../complaint.state.js';
import { events } from '../testing/complaint.fixtures.js';
import { DEFAULT_HOTLINE_TIME_LIMITS } from '../time-limits.js';

const provisional = createChineseDaysCalendar();
const noticed = createChineseDaysCalendar({ notices: [{ year: 2030, holidays: [{ name: '春节', from: '2030-02-02', to: '2030-02-10' }], makeUpWorkingDays: ['2030-02-16'] }] });
const changes = calendarChanges(provisional, noticed, [2030]);
const decider = createComplaintDecider({ calendar: noticed, timeLimits: DEFAULT_HOTLINE_TIME_LIMITS });
const system = { now: new Date('2030-02-05T02:00:00Z'), actor: { userId: 'system:calendar', role: 'system', orgUnitId: 'system' } };
const recompute = { type: 'RecomputeDeadlines' as const, data: { reason: '2030 年放假通知录入', changes } };

// Assigned Monday 4 February 2030, 10:00 Shanghai, while 2030 was provisional: sign-for due Friday 8th.
function assigned(data: Parameters<typeof events.assigned>[0] = {}): ComplaintState {
  return [events.received(), events.classified(), events.assigned({ assignedAt: '2030-02-04T02:00:00.000Z', signForDueAt: '2030-02-08T15:59:59.999Z', firstContactDueAt: '2030-02-12T15:59:59.999Z', resolveDueAt: '2030-03-01T15:59:59.999Z', ...data })]
    .reduce(evolveComplaint, initialComplaintState);
}

describe('complaint deadlines recounted when a calendar notice is entered', () => {
  it('moves each open working-day deadline, keeping its working days, and records the earlier value', () => {
    const [event] = decider.decide(recompute, assigned(), system);
    expect(event).toMatchObject({ type: 'DeadlinesRecomputed', data: { reason: '2030 年放假通知录入', recomputedAt: '2030-02-05T02:00:00.000Z' } });
    expect((event as unknown as { data: { deadlines: unknown[] } }).data.deadlines).toEqual([
      { step: 'sign_for', previousDueAt: '2030-02-08T15:59:59.999Z', dueAt: '2030-02-11T15:59:59.999Z' },
      { step: 'first_contact', previousDueAt: '2030-02-12T15:59:59.999Z', dueAt: '2030-02-13T15:59:59.999Z' },
    ]); // resolve (16 working days to Friday 1 March) is unmoved: the make-up Saturday 16th makes up for the longer holiday
    const after = evolveComplaint(assigned(), event!);
    expect(after.round).toMatchObject({ signForDueAt: '2030-02-11T15:59:59.999Z', firstContactDueAt: '2030-02-13T15:59:59.999Z' });
  });

  it('leaves an urgent two-hour sign-for alone: elapsed hours do not depend on the calendar', () => {
    const state = assigned({ urgent: true, urgentReasons: ['collective'], signForDueAt: '2030-02-04T04:00:00.000Z' });
    const [event] = decider.decide(recompute, state, system);
    expect((event as unknown as { data: { deadlines: { step: string }[] } }).data.deadlines.map((d) => d.step)).not.toContain('sign_for');
  });

  it('writes nothing when no deadline moves, and refuses anyone but the system', () => {
    expect(decider.decide({ ...recompute, data: { ...recompute.data, changes: [] } }, assigned(), system)).toEqual([]);
    expect(() => decider.decide(recompute, assigned(), { ...system, actor: { userId: 'u', role: 'supervisor', orgUnitId: '410100' } })).toThrow(/系统/);
  });
});
