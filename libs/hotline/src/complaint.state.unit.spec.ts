import { fold } from '#decider';
import { initialComplaintState } from './complaint.state.js';
import { complaintDecider, events, history, JINSHUI_STATION } from './testing/complaint.fixtures.js';

const decider = complaintDecider();

describe('the complaint state', () => {
  it('a new stream has no complaint yet', () => {
    expect(decider.initialState).toBe(initialComplaintState);
    expect(initialComplaintState).toMatchObject({ status: 'none', links: [], repeatOf: [], attachedRepeats: [] });
  });

  it('follows the lifecycle statuses as events arrive', () => {
    const statuses = history.closed.map((_, i) => fold(decider, history.closed.slice(0, i + 1)).status);
    expect(statuses).toEqual(['received', 'classified', 'assigned', 'in_progress', 'in_progress', 'resolved', 'followed_up', 'closed']);
  });

  it('keeps the current round with its deadlines, extension included', () => {
    expect(fold(decider, [...history.contacted, events.extended()]).round).toEqual({
      unitId: JINSHUI_STATION,
      assignedAt: '2026-03-09T02:00:00.000Z',
      urgent: false,
      signForDueAt: '2026-03-10T15:59:59.999Z',
      firstContactDueAt: '2026-03-12T15:59:59.999Z',
      resolveDueAt: '2026-04-07T15:59:59.999Z',
      resolveCountedFrom: '2026-03-09T02:00:00.000Z',
      extensionsUsed: 1,
      signedForAt: '2026-03-09T06:00:00.000Z',
      contactAttempts: 1,
    });
  });

  it('holds no personal data: only whether the caller can be called back', () => {
    const state = fold(decider, history.closed);
    expect(JSON.stringify(state)).not.toMatch(/张师傅|13800138000/);
    expect(state.callerContactable).toBe(true);
  });

  it('a return clears the round and remembers who returned it and why', () => {
    expect(fold(decider, [...history.assigned, events.returned()])).toMatchObject({
      status: 'returned',
      round: undefined,
      lastReturn: { unitId: JINSHUI_STATION, reason: 'not_our_jurisdiction' },
    });
  });
});
