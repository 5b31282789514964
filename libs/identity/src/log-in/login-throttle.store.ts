import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterFailure, LOGIN_THROTTLE, NO_FAILURES, secondsToWait, type ThrottleState } from './login-throttle.js';

interface ThrottleRow {
  recent_failures: Date[];
  penalties: number;
  blocked_until: Date | null;
  last_failure_at: Date | null;
}

const PURGE_EVERY_MS = 3_600_000;

/** The `login_throttle` table: the failed log-ins of each username, shared by every process. */
export class LoginThrottleStore {
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keySecret: string,
  ) {}

  /**
   * Admits an attempt (0) or answers the seconds to wait. An admitted attempt counts as a failure at
   * once, in the same transaction as the check, so a burst of parallel guesses cannot all slip in
   * before the first is counted; `clear` takes it back when the password was right.
   */
  async admit(username: string, now: Date): Promise<number> {
    await this.purgeForgotten(now);
    const key = this.keyOf(username);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO login_throttle (username_key, recent_failures) VALUES ($1, '{}') ON CONFLICT DO NOTHING`, [key]);
      const [row]: ThrottleRow[] = await manager.query(
        'SELECT recent_failures, penalties, blocked_until, last_failure_at FROM login_throttle WHERE username_key = $1 FOR UPDATE',
        [key],
      );
      const state: ThrottleState = row
        ? { recentFailures: row.recent_failures, penalties: row.penalties, blockedUntil: row.blocked_until, lastFailureAt: row.last_failure_at }
        : NO_FAILURES;
      const wait = secondsToWait(state, now);
      if (wait > 0) return wait;
      const next = afterFailure(state, now);
      await manager.query(
        'UPDATE login_throttle SET recent_failures = $2::timestamptz[], penalties = $3, blocked_until = $4, last_failure_at = $5 WHERE username_key = $1',
        [key, next.recentFailures, next.penalties, next.blockedUntil, next.lastFailureAt],
      );
      return 0;
    });
  }

  /** A success (or a new password) forgets the username's failures. */
  async clear(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttle WHERE username_key = $1', [this.keyOf(username)]);
  }

  /** The name as typed, trimmed and lower-cased, under an HMAC: a password typed as a name is not kept. */
  private keyOf(username: string): string {
    return createHmac('sha256', this.keySecret).update(`login-throttle:${username.trim().toLowerCase()}`).digest('base64url');
  }

  private async purgeForgotten(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await this.dataSource.query('DELETE FROM login_throttle WHERE last_failure_at < $1', [new Date(now.getTime() - LOGIN_THROTTLE.forgetAfterMs)]);
  }
}
