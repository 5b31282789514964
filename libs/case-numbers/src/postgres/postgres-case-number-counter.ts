import type { CaseNumberCounter } from '../case-numbers.port.js';

/** Rows of a query, as TypeORM's DataSource and EntityManager return them. */
export interface QueryRunnerLike {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The series counters, in a schema of their own: durable data (not rebuilt from events), so kept in
 * backups and changed only by migrations. One upsert a number: concurrent creators each get their own.
 */
export const CASE_NUMBERS_SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS case_numbers;
CREATE TABLE IF NOT EXISTS case_numbers.series (
  series text PRIMARY KEY,
  last_number integer NOT NULL CHECK (last_number > 0)
);
`;

export class PostgresCaseNumberCounter implements CaseNumberCounter {
  constructor(private readonly db: QueryRunnerLike) {}

  next(series: string): Promise<number> {
    return this.reserve(series, 1);
  }

  async reserve(series: string, count: number): Promise<number> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`Cannot reserve ${count} case numbers`);
    const rows = (await this.db.query(
      `INSERT INTO case_numbers.series AS s (series, last_number) VALUES ($1, $2)
       ON CONFLICT (series) DO UPDATE SET last_number = s.last_number + $2
       RETURNING last_number`,
      [series, count],
    )) as { last_number: number }[];
    return rows[0].last_number - count + 1;
  }
}
