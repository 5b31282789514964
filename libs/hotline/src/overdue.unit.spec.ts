import { fold } from '#decider';
import type { ComplaintEvent } from './complaint.events.js';
import { isOverdue, overdueDeadlines } from './overdue.js';
import { complaintDecider, events, history } from './testing/complaint.fixtures.js';

const decider = complaintDecider();
const overdueAt = (given: readonly ComplaintEvent[], instant: string) => overdueDeadlines(fold(decider, given), new Date(instant));

describe('overdue deadlines (督办)', () => {
  it('an order assigned and not signed for by the end of the next working day misses the sign-for limit', () => {
    expect(overdueAt(history.assigned, '2026-03-10T15:59:59.999Z')).toEqual([]);
    expect(overdueAt(history.assigned, '2026-03-10T16:00:00.000Z')).toEqual([{ step: 'sign_for', dueAt: '2026-03-10T15:59:59.999Z' }]);
  });

  it('a signed-for order whose caller was not contacted in 3 working days misses the first-contact limit', () => {
    expect(overdueAt(history.inProgress, '2026-03-13T09:00:00+08:00')).toEqual([{ step: 'first_contact', dueAt: '2026-03-12T15:59:59.999Z' }]);
    expect(overdueAt(history.contacted, '2026-03-13T09:00:00+08:00')).toEqual([]);
  });

  it('an order never signed for and never handled misses every limit of its round', () => {
    expect(overdueAt(history.assigned, '2026-03-31T09:00:00+08:00').map((d) => d.step)).toEqual(['sign_for', 'first_contact', 'resolve']);
  });

  it('an order unresolved after its deadline misses the resolve limit, unless the deadline was extended', () => {
    expect(overdueAt(history.contacted, '2026-03-31T09:00:00+08:00')).toEqual([{ step: 'resolve', dueAt: '2026-03-30T15:59:59.999Z' }]);
    expect(overdueAt([...history.contacted, events.extended()], '2026-03-31T09:00:00+08:00')).toEqual([]);
  });

  it('an urgent order not signed for 2 hours after assignment is overdue', () => {
    const urgent = [...history.classified, events.assigned({ urgent: true, urgentReasons: ['collective'], signForDueAt: '2026-03-09T04:00:00.000Z' })];
    expect(isOverdue(fold(decider, urgent), new Date('2026-03-09T04:00:01Z'))).toBe(true);
  });

  it('a resolved order not followed up in 3 working days misses the follow-up limit; an attempt is enough', () => {
    expect(overdueAt(history.resolved, '2026-03-26T09:00:00+08:00')).toEqual([{ step: 'follow_up', dueAt: '2026-03-25T15:59:59.999Z' }]);
    expect(overdueAt([...history.resolved, events.followedUp({ reached: false, satisfaction: undefined })], '2026-03-26T09:00:00+08:00')).toEqual([]);
  });

  it('closed, returned and merged orders are never overdue', () => {
    expect(overdueAt(history.closed, '2027-01-01T00:00:00Z')).toEqual([]);
    expect(overdueAt([...history.assigned, events.returned()], '2027-01-01T00:00:00Z')).toEqual([]);
    expect(overdueAt([...history.assigned, events.flaggedAsRepeat(), events.merged()], '2027-01-01T00:00:00Z')).toEqual([]);
  });
});
