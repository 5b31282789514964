import type { DataSource } from 'typeorm';
import { talliesAnswer } from '../standing-checkpoint.js';
import { WAGE_FIGURES } from './wage-figures.schema.js';
import { statsFromTallies } from './wage-tally.query.js';
import type { WageStats, WageStatsQuery } from './wage-stats.inputs.js';

export type { WageStats, WageStatsQuery } from './wage-stats.inputs.js';

/** The projections these figures are read from: while any has parked events, the figures say they are incomplete. */
export const WAGE_STATS_PROJECTIONS: readonly string[] = [WAGE_FIGURES.name];

/**
 * The wage figures of DOMAIN.md, exactly as docs/figures.md defines them. A row counts as of `asOf`
 * when it was recorded by then and not voided (reversed) by then; a closure counts unless the case
 * was reopened by then. When nothing was recorded after `asOf` and the tables are of this code's shape
 * (talliesAnswer), the standing figures are read from the running tallies (wage-tally.query.ts: rows
 * bounded by the calendar and the units); otherwise, or asked `fromRows`, they are worked out from the
 * rows. Both give the same answer where
 * both apply.
 */
export async function queryWageStats(dataSource: DataSource, query: WageStatsQuery, options: { fromRows?: boolean } = {}): Promise<WageStats> {
  const standing = !options.fromRows && (await talliesAnswer(dataSource, WAGE_FIGURES, query.asOf));
  return standing ? statsFromTallies(dataSource, query) : statsFromRows(dataSource, query);
}

/** The figures as they stood at `asOf`, from the rows recorded by then. */
async function statsFromRows(dataSource: DataSource, query: WageStatsQuery): Promise<WageStats> {
  const params = [query.from, query.to, query.asOf, query.unitIds ?? null];
  const [row] = await dataSource.query(AS_OF_MONEY_SQL, params);
  const closures: { outcome: string; n: number; verified: string; recovered: string }[] = await dataSource.query(
    `SELECT outcome, count(*)::int AS n, sum(verified)::bigint AS verified, sum(recovered)::bigint AS recovered
       FROM wage_closures
      WHERE closed_on BETWEEN $1 AND $2 AND recorded_at <= $3 AND (reopened_at IS NULL OR reopened_at > $3) AND ($4::text[] IS NULL OR unit_id = ANY($4))
      GROUP BY outcome`,
    params,
  );
  const [firsts]: { cases: number; mean: number | null; median: number | null }[] = await dataSource.query(
    `SELECT count(*)::int AS cases, avg(days)::float8 AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median FROM (${AS_OF_FIRSTS_SQL}) firsts`,
    params,
  );
  const count = (outcome: string) => closures.find((c) => c.outcome === outcome)?.n ?? 0;
  const verified = closures.reduce((s, c) => s + Number(c.verified), 0);
  const recovered = closures.reduce((s, c) => s + Number(c.recovered), 0);
  return {
    casesOpened: row.opened,
    casesClosed: {
      total: closures.reduce((s, c) => s + c.n, 0),
      fully_recovered: count('fully_recovered'),
      partly_recovered: count('partly_recovered'),
      unrecoverable: count('unrecoverable'),
      withdrawn: count('withdrawn'),
    },
    workersHelped: row.helped,
    amounts: { claimed: Number(row.claimed), verified: Number(row.verified), recovered: Number(row.recovered), advanced: Number(row.advanced), reimbursed: Number(row.reimbursed) },
    recoveryRate: verified === 0 ? null : recovered / verified,
    recoveryRateBasis: { recovered, verified },
    daysToFirstRecovery: firsts.cases === 0 ? null : { cases: firsts.cases, mean: firsts.mean!, median: firsts.median! },
  };
}

const OPENED_SQL = `(SELECT count(*) FROM wage_cases WHERE opened_on BETWEEN $1 AND $2 AND recorded_at <= $3 AND ($4::text[] IS NULL OR unit_id = ANY($4)))::int AS opened`;

/** One pass over the period's rows as they stood at $3, each figure a filtered aggregate of it. */
const AS_OF_MONEY_SQL = `
  WITH live AS (
    SELECT kind, amount, person_key FROM wage_money
     WHERE on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND (voided_at IS NULL OR voided_at > $3) AND ($4::text[] IS NULL OR unit_id = ANY($4))
  )
  SELECT ${OPENED_SQL},
    count(DISTINCT person_key) FILTER (WHERE kind IN ('recovered', 'advanced') AND amount > 0)::int AS helped,
    ${['claimed', 'verified', 'recovered', 'advanced', 'reimbursed'].map((kind) => `coalesce(sum(amount) FILTER (WHERE kind = '${kind}'), 0)::bigint AS ${kind}`).join(', ')}
  FROM live`;

/** A case's first recovery may lie before the period: the earliest live one of each case with a recovery in the period. */
const AS_OF_FIRSTS_SQL = `
  WITH candidates AS (
    SELECT DISTINCT case_id FROM wage_money
     WHERE kind = 'recovered' AND amount > 0 AND on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND (voided_at IS NULL OR voided_at > $3)
       AND ($4::text[] IS NULL OR unit_id = ANY($4))
  ), firsts AS (
    SELECT m.case_id, min(m.on_date) AS first_on FROM wage_money m JOIN candidates USING (case_id)
     WHERE m.kind = 'recovered' AND m.amount > 0 AND m.recorded_at <= $3 AND (m.voided_at IS NULL OR m.voided_at > $3)
     GROUP BY m.case_id
  )
  SELECT greatest(f.first_on - c.opened_on, 0)::int AS days FROM firsts f JOIN wage_cases c USING (case_id)
   WHERE f.first_on BETWEEN $1 AND $2`;
