/**
 * 登录失败限制: how failed log-ins slow the next attempts, per username and per source address. Pure;
 * the store keeps each subject's state in PostgreSQL so that every process applies the same limit.
 *
 * Per username: five failures within 15 minutes make the next attempt wait a minute. Per source
 * address (spraying a few passwords over many usernames): twenty failures within 15 minutes. From
 * then on every failure doubles the wait (2, 4, 8 minutes), capped at 15 minutes, until a success
 * (for a username), an administrator's password reset, or a day without failures forgets the streak.
 *
 * Only failures count. So that a burst of parallel guesses cannot all be checked before the first
 * failure is counted, no more attempts are checked at once than failures remain before the limit;
 * the others are "busy" and wait their turn (a burst of correct log-ins goes through, a few at a time).
 */
export interface ThrottleRules {
  readonly failuresAllowed: number;
  readonly windowMs: number;
  readonly firstWaitSeconds: number;
  readonly maxWaitSeconds: number;
  readonly forgetAfterMs: number;
}

export const LOGIN_THROTTLE: ThrottleRules = {
  failuresAllowed: 5,
  windowMs: 15 * 60_000,
  firstWaitSeconds: 60,
  maxWaitSeconds: 15 * 60,
  forgetAfterMs: 24 * 3_600_000,
};

/** One address may fail for many people (an office behind one NAT), so it is allowed more. */
export const ADDRESS_THROTTLE: ThrottleRules = { ...LOGIN_THROTTLE, failuresAllowed: 20 };

/** An attempt being checked is forgotten after this, should its process die before answering. */
export const PENDING_EXPIRES_MS = 30_000;

export interface ThrottleState {
  /** Failures within the last window. */
  readonly recentFailures: readonly Date[];
  /** Waits imposed since the streak began: the exponent of the next one. */
  readonly penalties: number;
  readonly blockedUntil: Date | null;
  readonly lastFailureAt: Date | null;
  /** Attempts admitted and still being checked. */
  readonly pending?: number;
  readonly pendingSince?: Date | null;
}

export const NO_FAILURES: ThrottleState = { recentFailures: [], penalties: 0, blockedUntil: null, lastFailureAt: null, pending: 0, pendingSince: null };

export type Admission = { readonly kind: 'admit' } | { readonly kind: 'wait'; readonly seconds: number } | { readonly kind: 'busy' };

/** Whole seconds to wait before an attempt may be checked; 0 when it may be checked now. */
export function secondsToWait(state: ThrottleState, now: Date): number {
  if (!state.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** Whether an attempt may be checked now, must wait, or must wait for the attempts being checked. */
export function admission(state: ThrottleState, now: Date, rules: ThrottleRules = LOGIN_THROTTLE): Admission {
  const seconds = secondsToWait(state, now);
  if (seconds > 0) return { kind: 'wait', seconds };
  const current = forgetIfQuiet(state, now, rules);
  const recent = current.recentFailures.filter((at) => now.getTime() - at.getTime() < rules.windowMs).length;
  const room = current.penalties > 0 ? 1 : rules.failuresAllowed - recent;
  return pendingNow(current, now) >= room ? { kind: 'busy' } : { kind: 'admit' };
}

/** Attempts still being checked; ones older than `PENDING_EXPIRES_MS` died with their process. */
export function pendingNow(state: ThrottleState, now: Date): number {
  if (!state.pending || !state.pendingSince || now.getTime() - state.pendingSince.getTime() >= PENDING_EXPIRES_MS) return 0;
  return state.pending;
}

/** The state after one more failure at `now`. */
export function afterFailure(previous: ThrottleState, now: Date, rules: ThrottleRules = LOGIN_THROTTLE): ThrottleState {
  const state = forgetIfQuiet(previous, now, rules);
  const recentFailures = [...state.recentFailures.filter((at) => now.getTime() - at.getTime() < rules.windowMs), now];
  const kept = { pending: previous.pending ?? 0, pendingSince: previous.pendingSince ?? null };
  if (recentFailures.length < rules.failuresAllowed && state.penalties === 0) {
    return { recentFailures, penalties: 0, blockedUntil: null, lastFailureAt: now, ...kept };
  }
  const penalties = state.penalties + 1;
  const waitSeconds = Math.min(rules.maxWaitSeconds, rules.firstWaitSeconds * 2 ** (penalties - 1));
  return { recentFailures, penalties, blockedUntil: new Date(now.getTime() + waitSeconds * 1000), lastFailureAt: now, ...kept };
}

function forgetIfQuiet(state: ThrottleState, now: Date, rules: ThrottleRules): ThrottleState {
  const quiet = state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() >= rules.forgetAfterMs;
  return quiet ? { ...NO_FAILURES, pending: state.pending, pendingSince: state.pendingSince } : state;
}
