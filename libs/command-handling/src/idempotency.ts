import { processEndedSql } from '#database';
import { CaseworkError, RuleBrokenError } from '#errors';

export const IDEMPOTENCY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS command_results (
  user_id text NOT NULL,
  idempotency_key text NOT NULL,
  request_fingerprint text NOT NULL DEFAULT '',
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, idempotency_key)
);
ALTER TABLE command_results ADD COLUMN IF NOT EXISTS request_fingerprint text NOT NULL DEFAULT '';
ALTER TABLE command_results ADD COLUMN IF NOT EXISTS claimed_by text NOT NULL DEFAULT '';`;

/** A claim recorded without its process (by a version before `claimed_by`) is taken for abandoned after this. */
const UNATTRIBUTED_CLAIM_LEASE = `interval '1 minute'`;

/** The statements the store runs, each its own transaction (e.g. `poolStatements` of #database). */
export interface IdempotencyStatements {
  query<Row>(text: string, values: readonly unknown[]): Promise<Row[]>;
}

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first attempt to finish. */
  readonly waitMs?: number;
  /**
   * The instance id under which this process holds its `ProcessPresence` (#database): its claims name
   * it, so that a retry can tell a claim of a running process from one of a process that died.
   */
  readonly instanceId?: string;
}

/** A duplicate waited for the first attempt, which is still running: the client retries with the same key. */
export class CommandInProgressError extends CaseworkError {
  readonly kind = 'conflict' as const;
  constructor() {
    super('idempotency_key_in_progress', '使用同一 Idempotency-Key 的请求仍在处理中，请稍后用同一键重试');
  }
}

/** What the store knows of a key: whose request it was, its answer once there is one, and whether its claimant is gone. */
interface KeyRecord {
  readonly fingerprint: string;
  readonly result: unknown;
  readonly claimedBy: string;
  readonly abandoned: boolean;
}

/**
 * Runs each command once per `Idempotency-Key` (scoped per user) and remembers its answer: a retry
 * gets the first answer back and executes nothing. The first attempt claims the key before it
 * executes, so duplicates that arrive while it runs wait for its answer instead of racing it. A
 * failed attempt releases the key; failures are not remembered, so a retry runs again.
 *
 * A claim names the process that made it. When that process died before answering (`kill -9`, a lost
 * machine), a retry takes the claim over: if the command's events were written — `answerIfWritten`
 * finds them by the command id they carry — it answers what was written; otherwise it runs the command.
 * Running it twice is harmless either way: the command id, and the event ids derived from it, are the
 * same, so the store and the handler recognise a command already recorded (ADR 0005).
 */
export class IdempotencyStore {
  constructor(
    private readonly sql: IdempotencyStatements,
    private readonly options: IdempotencyOptions = {},
  ) {}

  /**
   * `fingerprint` identifies the request (e.g. method, path and body): reusing a key for a different
   * request is refused rather than answered with another command's result.
   */
  async once<T>(
    userId: string,
    key: string | undefined,
    execute: () => Promise<T>,
    fingerprint = '',
    answerIfWritten: () => Promise<T | undefined> = async () => undefined,
  ): Promise<T> {
    if (!key) return execute();
    const deadline = Date.now() + (this.options.waitMs ?? 10_000);
    for (;;) {
      if (await this.claim(userId, key, fingerprint)) return this.executeClaimed(userId, key, execute);
      // No record: a failed attempt released the key just now, so the next turn claims it.
      const earlier = await this.find(userId, key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw new RuleBrokenError('idempotency_key_reused', 'Idempotency-Key 已用于另一个不同的请求，请为新的操作使用新的键');
        }
        if (earlier.result !== undefined && earlier.result !== null) return earlier.result as T;
        if (earlier.abandoned && (await this.takeOver(userId, key, earlier.claimedBy))) return this.executeTakenOver(userId, key, execute, answerIfWritten);
      }
      if (Date.now() > deadline) throw new CommandInProgressError();
      await new Promise((resolve) => setTimeout(resolve, earlier ? 10 : 0));
    }
  }

  private async executeTakenOver<T>(userId: string, key: string, execute: () => Promise<T>, answerIfWritten: () => Promise<T | undefined>): Promise<T> {
    let written: T | undefined;
    try {
      written = await answerIfWritten();
    } catch (error) {
      await this.release(userId, key);
      throw error;
    }
    if (written === undefined) return this.executeClaimed(userId, key, execute);
    await this.remember(userId, key, written);
    return written;
  }

  private async executeClaimed<T>(userId: string, key: string, execute: () => Promise<T>): Promise<T> {
    try {
      const result = await execute();
      await this.remember(userId, key, result);
      return result;
    } catch (error) {
      await this.release(userId, key);
      throw error;
    }
  }

  /**
   * The answer, whoever holds the claim now: a process taken for dead that finished after all answers
   * rightly too. The first answer stored stays, so every retry gets the same one.
   */
  private async remember(userId: string, key: string, result: unknown): Promise<void> {
    await this.sql.query('UPDATE command_results SET result = $3 WHERE user_id = $1 AND idempotency_key = $2 AND result IS NULL', [userId, key, JSON.stringify(result ?? null)]);
  }

  /** Gives up this process's claim only: one taken over by another process in the meantime stays its own. */
  private async release(userId: string, key: string): Promise<void> {
    await this.sql.query('DELETE FROM command_results WHERE user_id = $1 AND idempotency_key = $2 AND result IS NULL AND claimed_by = $3', [userId, key, this.instanceId]);
  }

  private get instanceId(): string {
    return this.options.instanceId ?? '';
  }

  /** The claim passes to this process, if it is still the abandoned one seen: of several retries, one wins. */
  private async takeOver(userId: string, key: string, abandonedBy: string): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE command_results SET claimed_by = $4, created_at = now()
        WHERE user_id = $1 AND idempotency_key = $2 AND result IS NULL AND claimed_by = $3 RETURNING 1`,
      [userId, key, abandonedBy, this.instanceId],
    );
    return rows.length === 1;
  }

  /**
   * The claim's commit does not wait for its WAL flush (`synchronous_commit` off, for this statement's
   * transaction only). Nothing is lost by it: the command's events are appended after the claim has
   * committed, so in the same database their durable commit flushes the claim with them; and a claim
   * lost in a crash before that leaves a retry to claim again and run the command again, whose
   * deterministic event ids the store recognises (ADR 0005). The answer below is written durably.
   */
  private async claim(userId: string, key: string, fingerprint: string): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO command_results (user_id, idempotency_key, request_fingerprint, claimed_by)
       SELECT $1, $2, $3, $4 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS for_this_transaction
       ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, key, fingerprint, this.instanceId],
    );
    return rows.length === 1;
  }

  /**
   * The key's record. Whether its claimant is gone is asked only of a claim without an answer, in this
   * statement's own transaction (see `processEndedSql`).
   */
  private async find(userId: string, key: string): Promise<KeyRecord | undefined> {
    const rows = await this.sql.query<KeyRecord>(
      `SELECT result, request_fingerprint AS fingerprint, claimed_by AS "claimedBy",
              CASE WHEN result IS NOT NULL THEN false
                   WHEN claimed_by = '' THEN created_at < now() - ${UNATTRIBUTED_CLAIM_LEASE}
                   ELSE ${processEndedSql('claimed_by')} END AS abandoned
         FROM command_results WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, key],
    );
    return rows[0];
  }
}
