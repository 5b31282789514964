import { admission, ADDRESS_THROTTLE, afterFailure, NO_FAILURES, pendingNow, secondsToWait, type ThrottleState } from './login-throttle.js';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 9, 1, 0) + minutes * MINUTE);
const failAt = (state: ThrottleState, ...minutes: number[]) => minutes.reduce((s, m) => afterFailure(s, at(m)), state);

describe('slowing down failed log-ins', () => {
  it('lets four failures pass without a wait', () => {
    const state = failAt(NO_FAILURES, 0, 1, 2, 3);
    expect(secondsToWait(state, at(3))).toBe(0);
  });

  it('makes the attempt after the fifth failure within 15 minutes wait a minute', () => {
    const state = failAt(NO_FAILURES, 0, 1, 2, 3, 14);
    expect(secondsToWait(state, at(14))).toBe(60);
    expect(secondsToWait(state, new Date(at(14).getTime() + 59_500))).toBe(1);
    expect(secondsToWait(state, at(15))).toBe(0);
  });

  it('does not count failures older than 15 minutes towards the first wait', () => {
    const state = failAt(NO_FAILURES, 0, 1, 2, 3, 15);
    expect(secondsToWait(state, at(15))).toBe(0);
  });

  it('doubles the wait with every further failure, up to 15 minutes', () => {
    let state = failAt(NO_FAILURES, 0, 0, 0, 0, 0);
    const waits = [secondsToWait(state, at(0))];
    for (let minute = 1; waits.length < 7; minute += 16) {
      state = afterFailure(state, at(minute));
      waits.push(secondsToWait(state, at(minute)));
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it('keeps the streak while failures keep coming, even when the first five have aged out of the window', () => {
    const state = failAt(NO_FAILURES, 0, 0, 0, 0, 0, 60);
    expect(secondsToWait(state, at(60))).toBe(120);
  });

  it('forgets the streak after a day without failures', () => {
    const state = failAt(NO_FAILURES, 0, 0, 0, 0, 0, 24 * 60);
    expect(secondsToWait(state, at(24 * 60))).toBe(0);
    expect(state.penalties).toBe(0);
  });
});

describe('admitting log-in attempts', () => {
  const checking = (state: ThrottleState, pending: number, minute: number): ThrottleState => ({ ...state, pending, pendingSince: at(minute) });

  it('checks as many attempts at once as failures remain before the limit, and makes the others wait their turn', () => {
    expect(admission(checking(NO_FAILURES, 4, 0), at(0))).toEqual({ kind: 'admit' });
    expect(admission(checking(NO_FAILURES, 5, 0), at(0))).toEqual({ kind: 'busy' });
    expect(admission(checking(failAt(NO_FAILURES, 0, 0, 0), 2, 0), at(0))).toEqual({ kind: 'busy' });
  });

  it('counts no success: a user who logs in many times is never made to wait', () => {
    expect(admission(checking(NO_FAILURES, 0, 0), at(0))).toEqual({ kind: 'admit' });
  });

  it('answers the wait before anything else while a wait runs', () => {
    expect(admission(failAt(NO_FAILURES, 0, 0, 0, 0, 0), at(0))).toEqual({ kind: 'wait', seconds: 60 });
  });

  it('checks one attempt at a time once a streak of waits has begun', () => {
    const streak = failAt(NO_FAILURES, 0, 0, 0, 0, 0);
    expect(admission(checking(streak, 0, 2), at(2))).toEqual({ kind: 'admit' });
    expect(admission(checking(streak, 1, 2), at(2))).toEqual({ kind: 'busy' });
  });

  it('forgets attempts whose check never answered (a process that died) after 30 seconds', () => {
    expect(pendingNow(checking(NO_FAILURES, 5, 0), new Date(at(0).getTime() + 29_000))).toBe(5);
    expect(admission(checking(NO_FAILURES, 5, 0), new Date(at(0).getTime() + 30_000))).toEqual({ kind: 'admit' });
  });

  it('allows a source address twenty failures within 15 minutes, over any usernames', () => {
    const nineteen = Array.from({ length: 19 }, () => 0).reduce((s) => afterFailure(s, at(1), ADDRESS_THROTTLE), NO_FAILURES);
    expect(secondsToWait(nineteen, at(1))).toBe(0);
    expect(secondsToWait(afterFailure(nineteen, at(2), ADDRESS_THROTTLE), at(2))).toBe(60);
  });
});
