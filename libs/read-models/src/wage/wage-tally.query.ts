import type { DataSource } from 'typeorm';
import { calendarSegments } from '../calendar-segments.js';
import type { WageStats, WageStatsQuery } from './wage-stats.inputs.js';

interface TallySum {
  readonly metric: string;
  readonly code: string;
  readonly n: string;
}

/**
 * The figures as they stand, from the tallies (wage-tally.ts) in one statement: the period's whole
 * years, whole months and remaining days summed per metric and code (rows bounded by the calendar and
 * the units); then for workers helped, what a period ending before a person's last help day must add
 * — the people helped by one unit whose help days straddle the period's end, found by that span —
 * and the people helped by several units, counted distinct from their days. The mean days to a first
 * recovery is divided in SQL exactly as `avg` divides (numeric, then float8), so both paths agree to
 * the last bit.
 */
export async function statsFromTallies(dataSource: DataSource, query: WageStatsQuery): Promise<WageStats> {
  const { years, months, days } = calendarSegments(query.from, query.to);
  const inUnits = '($6::text[] IS NULL OR unit_id = ANY($6))';
  const segment = (grain: string, param: string) => `SELECT metric, code, n FROM wage_tally WHERE grain = '${grain}' AND period_start = ANY(${param}::date[]) AND ${inUnits}`;
  const sums: TallySum[] = await dataSource.query(
    `WITH segments AS (${segment('y', '$1')} UNION ALL ${segment('m', '$2')} UNION ALL ${segment('d', '$3')}),
     sums AS (SELECT metric, code, sum(n) AS n FROM segments GROUP BY metric, code)
     SELECT metric, code, n::text FROM sums WHERE n <> 0
     UNION ALL
     SELECT 'first_recovery_mean', (sum(code::bigint * n)::numeric / sum(n)::numeric)::float8::text, '0' FROM sums WHERE metric = 'first_recovery' HAVING sum(n) > 0
     UNION ALL
     SELECT 'helped_in_flight', '', count(*)::text FROM wage_help_gaps
      WHERE daterange(helped_on, next_helped_on) @> $5::date AND helped_on >= $4::date AND ${inUnits}
     UNION ALL
     SELECT 'helped_shared', '', count(DISTINCT person_key)::text FROM wage_helped
      WHERE shared AND days && datemultirange(daterange($4::date, $5::date, '[]')) AND ${inUnits}`,
    [years, months, days, query.from, query.to, query.unitIds ?? null],
  );
  const total = (metric: string, code?: string) => sums.filter((s) => s.metric === metric && (code === undefined || s.code === code)).reduce((sum, s) => sum + Number(s.n), 0);
  const closedVerified = total('closed_verified');
  const closedRecovered = total('closed_recovered');
  const mean = sums.find((s) => s.metric === 'first_recovery_mean');
  const histogram = sums.filter((s) => s.metric === 'first_recovery').map((s) => ({ days: Number(s.code), cases: Number(s.n) }));
  return {
    casesOpened: total('opened'),
    casesClosed: {
      total: total('closed'),
      fully_recovered: total('closed', 'fully_recovered'),
      partly_recovered: total('closed', 'partly_recovered'),
      unrecoverable: total('closed', 'unrecoverable'),
      withdrawn: total('closed', 'withdrawn'),
    },
    workersHelped: total('helped_last') + total('helped_in_flight') + total('helped_shared'),
    amounts: { claimed: total('claimed'), verified: total('verified'), recovered: total('recovered'), advanced: total('advanced'), reimbursed: total('reimbursed') },
    recoveryRate: closedVerified === 0 ? null : closedRecovered / closedVerified,
    recoveryRateBasis: { recovered: closedRecovered, verified: closedVerified },
    daysToFirstRecovery: mean ? { cases: total('first_recovery'), mean: Number(mean.code), median: medianOf(histogram) } : null,
  };
}

/**
 * The median of a histogram of whole days, as `percentile_cont(0.5)` gives it: the middle value, or
 * the mean of the two middle values when the count is even.
 */
export function medianOf(histogram: readonly { days: number; cases: number }[]): number {
  const sorted = [...histogram].sort((a, b) => a.days - b.days);
  const count = sorted.reduce((sum, bar) => sum + bar.cases, 0);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const bar of sorted) {
      seen += bar.cases;
      if (rank < seen) return bar.days;
    }
    throw new RangeError(`rank ${rank} beyond ${count} values`);
  };
  const lower = valueAt(Math.floor((count - 1) / 2));
  const upper = valueAt(Math.ceil((count - 1) / 2));
  return lower + (upper - lower) / 2;
}
