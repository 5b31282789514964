import { afterFailure, NO_FAILURES, secondsToWait, type ThrottleState } from './login-throttle.js';

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
