import type { DataSource } from 'typeorm';

export const IDEMPOTENCY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS command_results (
  user_id text NOT NULL,
  idempotency_key text NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, idempotency_key)
);`;

/**
 * Remembers the answer to every command that carried an `Idempotency-Key`, per user: a retry gets
 * the first answer back and executes nothing.
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async find<T>(userId: string, key: string): Promise<T | undefined> {
    const rows: { result: T }[] = await this.dataSource.query(
      'SELECT result FROM command_results WHERE user_id = $1 AND idempotency_key = $2',
      [userId, key],
    );
    return rows[0]?.result;
  }

  async remember(userId: string, key: string, result: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO command_results (user_id, idempotency_key, result) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
      [userId, key, JSON.stringify(result)],
    );
  }

  /** Runs `execute` once per key: a retry returns what the first run returned. */
  async once<T>(userId: string, key: string | undefined, execute: () => Promise<T>): Promise<T> {
    if (!key) return execute();
    const earlier = await this.find<T>(userId, key);
    if (earlier !== undefined) return earlier;
    const result = await execute();
    await this.remember(userId, key, result);
    return (await this.find<T>(userId, key)) ?? result;
  }
}
