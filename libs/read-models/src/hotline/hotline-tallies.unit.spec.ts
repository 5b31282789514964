import type { HotlineFact } from './hotline-facts.js';
import { countFact, newCountedComplaint, shanghaiDay, TallyChanges } from './hotline-tallies.js';

let revision = 0;
function fact(kind: HotlineFact['fact'], occurredAt: string, unitId: string, extra: Partial<HotlineFact> = {}): HotlineFact {
  return {
    eventId: `e${revision}`, complaintId: 'c1', fact: kind, unitId, occurredAt, recordedAt: occurredAt, revision: revision++,
    onTime: null, reached: null, satisfaction: null, category: null, subcategory: null, complaintType: null, ...extra,
  };
}

function count(facts: readonly HotlineFact[]) {
  const complaint = newCountedComplaint('c1', 'phone', '410100');
  const changes = new TallyChanges();
  for (const f of facts) countFact(complaint, f, changes);
  const net = new Map<string, number>();
  for (const { day, unitId, metric, code, n } of changes.increments) {
    const key = [day, unitId, metric, code].join(' ');
    net.set(key, (net.get(key) ?? 0) + n);
  }
  return { complaint, changes, cells: Object.fromEntries([...net].filter(([, n]) => n !== 0)) };
}

describe('hotline tallies', () => {
  it('takes the Shanghai day of an instant: 16:00 UTC is the next day', () => {
    expect(shanghaiDay('2026-03-31T15:59:59.999Z')).toBe('2026-03-31');
    expect(shanghaiDay('2026-03-31T16:00:00.000Z')).toBe('2026-04-01');
  });

  it('holds a complaint under its latest unit and category on the day it came in, and keeps the moves of later days to undo', () => {
    const { cells, changes } = count([
      fact('received', '2026-05-20T01:00:00Z', '410100'),
      fact('classified', '2026-05-20T01:00:00Z', '410100', { category: 'pay' }),
      fact('assigned', '2026-05-20T02:00:00Z', '410105'),
      fact('classified', '2026-05-21T02:00:00Z', '410105', { category: 'labour_contract' }),
      fact('returned', '2026-05-22T02:00:00Z', '410100'),
      fact('assigned', '2026-05-23T02:00:00Z', '410103'),
    ]);
    expect(cells).toEqual({
      '2026-05-20 410103 received_by_category labour_contract': 1,
      '2026-05-20 410103 received_by_channel phone': 1,
    });
    // The same-day assignment is never undone: every period that counts the complaint ends after it.
    expect(changes.lateMoves.map((m) => [m.movedOn, m.fromUnitId, m.toUnitId])).toEqual([['2026-05-22', '410105', '410100'], ['2026-05-23', '410100', '410103']]);
  });

  it('counts each complaint\'s latest resolution, and keeps one replaced on a later day for periods ending before it', () => {
    const { cells, changes } = count([
      fact('received', '2026-05-20T01:00:00Z', '410100'),
      fact('resolved', '2026-05-22T01:00:00Z', '410105', { onTime: true }),
      fact('reopened', '2026-06-01T01:00:00Z', '410105'),
      fact('resolved', '2026-06-05T01:00:00Z', '410105', { onTime: false }),
    ]);
    expect(Object.entries(cells).filter(([key]) => key.includes('resolved'))).toEqual([['2026-06-05 410105 resolved ', 1]]);
    expect(changes.superseded).toEqual([{ complaintId: 'c1', resolvedOn: '2026-05-22', supersededOn: '2026-06-05', unitId: '410105', onTime: true }]);
  });

  it('counts steps on their day for the unit that took them: contacts and follow-ups only when measured, satisfaction only when reached', () => {
    const { cells } = count([
      fact('signed_for', '2026-05-20T01:00:00Z', '410105', { onTime: true }),
      fact('first_contact', '2026-05-20T02:00:00Z', '410105', { onTime: false }),
      fact('follow_up', '2026-05-21T02:00:00Z', '410100', { onTime: null, reached: true, satisfaction: 'satisfied' }),
      fact('follow_up', '2026-05-21T03:00:00Z', '410100', { onTime: true, reached: false, satisfaction: null }),
    ]);
    expect(cells).toEqual({
      '2026-05-20 410105 signed_for ': 1, '2026-05-20 410105 signed_for_on_time ': 1, '2026-05-20 410105 contacts ': 1,
      '2026-05-21 410100 reached ': 1, '2026-05-21 410100 satisfied ': 1, '2026-05-21 410100 follow_ups ': 1, '2026-05-21 410100 follow_ups_on_time ': 1,
    });
  });

  it('marks a complaint irregular when a move or a resolution is dated before the one recorded before it', () => {
    const moved = count([fact('received', '2026-05-20T01:00:00Z', '410100'), fact('assigned', '2026-05-25T01:00:00Z', '410105'), fact('assigned', '2026-05-23T01:00:00Z', '410103')]);
    expect(moved.changes.irregular).toEqual(['c1']);
    const resolved = count([fact('received', '2026-05-20T01:00:00Z', '410100'), fact('resolved', '2026-05-25T01:00:00Z', '410105'), fact('resolved', '2026-05-23T01:00:00Z', '410105')]);
    expect(resolved.complaint.irregular).toBe(true);
    expect(count([fact('received', '2026-05-20T01:00:00Z', '410100'), fact('assigned', '2026-05-19T01:00:00Z', '410105')]).changes.irregular).toEqual([]);
  });
});
