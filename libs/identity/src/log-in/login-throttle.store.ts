import { createHmac } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ADDRESS_THROTTLE, admission, afterFailure, LOGIN_THROTTLE, NO_FAILURES, pendingNow, type Admission, type ThrottleRules, type ThrottleState } from './login-throttle.js';

/** Who an attempt is counted against: the username typed and, when known, the source address. */
export interface LoginAttempt {
  readonly username: string;
  readonly address?: string;
}

interface ThrottleRow {
  username_key: string;
  recent_failures: Date[];
  penalties: number;
  blocked_until: Date | null;
  last_failure_at: Date | null;
  pending: number;
  pending_since: Date | null;
}

interface Subject {
  readonly key: string;
  readonly rules: ThrottleRules;
}

const PURGE_EVERY_MS = 3_600_000;

/**
 * The `login_throttle` table: failed log-ins per username and per source address, shared by every
 * process. Each subject is a row keyed by an HMAC (`username_key` holds either kind of key).
 */
export class LoginThrottleStore {
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keySecret: string,
  ) {}

  /**
   * Admits an attempt, or says how long to wait, or that it is busy (as many attempts are being
   * checked as failures remain: try again in a moment). Both rows are locked in key order, so
   * parallel attempts see each other; an admitted attempt must end in `failed`, `succeeded` or `release`.
   */
  async admit(attempt: LoginAttempt, now: Date): Promise<Admission> {
    await this.purgeForgotten(now);
    const subjects = this.subjectsOf(attempt);
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.lock(manager, subjects);
      const answers = subjects.map((subject) => admission(stateOf(rows.get(subject.key)), now, subject.rules));
      const wait = Math.max(0, ...answers.map((answer) => (answer.kind === 'wait' ? answer.seconds : 0)));
      if (wait > 0) return { kind: 'wait', seconds: wait };
      if (answers.some((answer) => answer.kind === 'busy')) return { kind: 'busy' };
      for (const subject of subjects) {
        const state = stateOf(rows.get(subject.key));
        await manager.query('UPDATE login_throttle SET pending = $2, pending_since = $3 WHERE username_key = $1', [subject.key, pendingNow(state, now) + 1, now]);
      }
      return { kind: 'admit' };
    });
  }

  /** The password was wrong: a failure for the username and for the address. */
  async failed(attempt: LoginAttempt, now: Date): Promise<void> {
    await this.settle(attempt, now, (state, rules) => afterFailure(state, now, rules));
  }

  /** The password was right: the username's failures are forgotten; the address's are kept. */
  async succeeded(attempt: LoginAttempt, now: Date): Promise<void> {
    await this.settle(attempt, now, (state, rules) => (rules === LOGIN_THROTTLE ? { ...NO_FAILURES, pending: state.pending, pendingSince: state.pendingSince } : state));
  }

  /** The check never finished (an error): the attempt counts for nothing. */
  async release(attempt: LoginAttempt, now: Date): Promise<void> {
    await this.settle(attempt, now, (state) => state);
  }

  /** An administrator's password reset forgets the username's failures. */
  async clear(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttle WHERE username_key = $1', [this.keyOf('login-throttle', username.trim().toLowerCase())]);
  }

  private async settle(attempt: LoginAttempt, now: Date, next: (state: ThrottleState, rules: ThrottleRules) => ThrottleState): Promise<void> {
    const subjects = this.subjectsOf(attempt);
    await this.dataSource.transaction(async (manager) => {
      const rows = await this.lock(manager, subjects);
      for (const subject of subjects) {
        const state = stateOf(rows.get(subject.key));
        const after = next(state, subject.rules);
        await manager.query(
          `UPDATE login_throttle SET recent_failures = $2::timestamptz[], penalties = $3, blocked_until = $4, last_failure_at = $5, pending = $6
            WHERE username_key = $1`,
          [subject.key, after.recentFailures, after.penalties, after.blockedUntil, after.lastFailureAt, Math.max(0, pendingNow(state, now) - 1)],
        );
      }
    });
  }

  private async lock(manager: EntityManager, subjects: readonly Subject[]): Promise<Map<string, ThrottleRow>> {
    const keys = subjects.map((subject) => subject.key).sort();
    for (const key of keys) await manager.query(`INSERT INTO login_throttle (username_key, recent_failures) VALUES ($1, '{}') ON CONFLICT DO NOTHING`, [key]);
    const rows: ThrottleRow[] = await manager.query(
      `SELECT username_key, recent_failures, penalties, blocked_until, last_failure_at, pending, pending_since
         FROM login_throttle WHERE username_key = ANY($1) ORDER BY username_key FOR UPDATE`,
      [keys],
    );
    return new Map(rows.map((row) => [row.username_key, row]));
  }

  /** The name as typed, trimmed and lower-cased, and the address, each under an HMAC: a password typed as a name is not kept. */
  private subjectsOf(attempt: LoginAttempt): Subject[] {
    const subjects: Subject[] = [{ key: this.keyOf('login-throttle', attempt.username.trim().toLowerCase()), rules: LOGIN_THROTTLE }];
    if (attempt.address) subjects.push({ key: this.keyOf('login-throttle-address', attempt.address), rules: ADDRESS_THROTTLE });
    return subjects;
  }

  private keyOf(kind: string, value: string): string {
    return createHmac('sha256', this.keySecret).update(`${kind}:${value}`).digest('base64url');
  }

  private async purgeForgotten(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await this.dataSource.query('DELETE FROM login_throttle WHERE last_failure_at < $1 OR (last_failure_at IS NULL AND pending = 0)', [new Date(now.getTime() - LOGIN_THROTTLE.forgetAfterMs)]);
  }
}

function stateOf(row: ThrottleRow | undefined): ThrottleState {
  if (!row) return NO_FAILURES;
  return { recentFailures: row.recent_failures, penalties: row.penalties, blockedUntil: row.blocked_until, lastFailureAt: row.last_failure_at, pending: row.pending, pendingSince: row.pending_since };
}
