import { RuleBrokenError } from '#errors';

export const IDEMPOTENCY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS command_results (
  user_id text NOT NULL,
  idempotency_key text NOT NULL,
  request_fingerprint text NOT NULL DEFAULT '',
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, idempotency_key)
);
ALTER TABLE command_results ADD COLUMN IF NOT EXISTS request_fingerprint text NOT NULL DEFAULT '';`;

/** The statements the store runs, each its own transaction (e.g. `poolStatements` of #database). */
export interface IdempotencyStatements {
  query<Row>(text: string, values: readonly unknown[]): Promise<Row[]>;
}

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first attempt to finish. */
  readonly waitMs?: number;
}

/**
 * Runs each command once per `Idempotency-Key` (scoped per user) and remembers its answer: a retry
 * gets the first answer back and executes nothing. The first attempt claims the key before it
 * executes, so duplicates that arrive while it runs wait for its answer instead of racing it. A
 * failed attempt releases the key; failures are not remembered, so a retry runs again.
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
  async once<T>(userId: string, key: string | undefined, execute: () => Promise<T>, fingerprint = ''): Promise<T> {
    if (!key) return execute();
    const deadline = Date.now() + (this.options.waitMs ?? 10_000);
    for (;;) {
      if (await this.claim(userId, key, fingerprint)) return this.executeClaimed(userId, key, execute);
      const earlier = await this.find(userId, key);
      if (earlier && earlier.fingerprint !== fingerprint) {
        throw new RuleBrokenError('idempotency_key_reused', 'Idempotency-Key 已用于另一个不同的请求，请为新的操作使用新的键');
      }
      if (earlier?.result !== undefined && earlier.result !== null) return earlier.result as T;
      if (Date.now() > deadline) throw new Error(`Command with idempotency key still running after waiting`);
      await new Promise((resolve) => setTimeout(resolve, earlier ? 10 : 0));
    }
  }

  private async executeClaimed<T>(userId: string, key: string, execute: () => Promise<T>): Promise<T> {
    try {
      const result = await execute();
      await this.sql.query('UPDATE command_results SET result = $3 WHERE user_id = $1 AND idempotency_key = $2', [userId, key, JSON.stringify(result ?? null)]);
      return result;
    } catch (error) {
      await this.sql.query('DELETE FROM command_results WHERE user_id = $1 AND idempotency_key = $2 AND result IS NULL', [userId, key]);
      throw error;
    }
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
      `INSERT INTO command_results (user_id, idempotency_key, request_fingerprint)
       SELECT $1, $2, $3 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS for_this_transaction
       ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, key, fingerprint],
    );
    return rows.length === 1;
  }

  private async find(userId: string, key: string): Promise<{ result: unknown; fingerprint: string } | undefined> {
    const rows = await this.sql.query<{ result: unknown; fingerprint: string }>(
      'SELECT result, request_fingerprint AS fingerprint FROM command_results WHERE user_id = $1 AND idempotency_key = $2',
      [userId, key],
    );
    return rows[0];
  }
}
