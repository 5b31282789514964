/**
 * 登录失败限制: how failed log-ins for one username slow the next attempts. Pure; the store keeps the
 * state per username in PostgreSQL so that every process applies the same limit.
 *
 * Five failures within 15 minutes make the next attempt wait a minute. From then on every failure
 * doubles the wait (2, 4, 8 minutes), capped at 15 minutes, until a success, an administrator's
 * password reset, or a day without failures forgets the streak.
 */
export const LOGIN_THROTTLE = {
  failuresAllowed: 5,
  windowMs: 15 * 60_000,
  firstWaitSeconds: 60,
  maxWaitSeconds: 15 * 60,
  forgetAfterMs: 24 * 3_600_000,
} as const;

export interface ThrottleState {
  /** Failures within the last window. */
  readonly recentFailures: readonly Date[];
  /** Waits imposed since the streak began: the exponent of the next one. */
  readonly penalties: number;
  readonly blockedUntil: Date | null;
  readonly lastFailureAt: Date | null;
}

export const NO_FAILURES: ThrottleState = { recentFailures: [], penalties: 0, blockedUntil: null, lastFailureAt: null };

/** Whole seconds to wait before an attempt may be checked; 0 when it may be checked now. */
export function secondsToWait(state: ThrottleState, now: Date): number {
  if (!state.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** The state after one more failure at `now`. */
export function afterFailure(previous: ThrottleState, now: Date, rules = LOGIN_THROTTLE): ThrottleState {
  const forgotten = previous.lastFailureAt !== null && now.getTime() - previous.lastFailureAt.getTime() >= rules.forgetAfterMs;
  const state = forgotten ? NO_FAILURES : previous;
  const recentFailures = [...state.recentFailures.filter((at) => now.getTime() - at.getTime() < rules.windowMs), now];
  if (recentFailures.length < rules.failuresAllowed && state.penalties === 0) {
    return { recentFailures, penalties: 0, blockedUntil: null, lastFailureAt: now };
  }
  const penalties = state.penalties + 1;
  const waitSeconds = Math.min(rules.maxWaitSeconds, rules.firstWaitSeconds * 2 ** (penalties - 1));
  return { recentFailures, penalties, blockedUntil: new Date(now.getTime() + waitSeconds * 1000), lastFailureAt: now };
}
