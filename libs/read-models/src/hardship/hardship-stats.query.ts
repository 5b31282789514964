import type { DataSource } from 'typeorm';

export interface HardshipStatsQuery {
  /** Shanghai calendar days, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly unitIds?: readonly string[];
  /** Only what had been recorded by this instant counts. */
  readonly asOf: Date;
}

export interface HardshipStats {
  /** Files registered in the period, and registered up to its last day (cumulative). */
  readonly registered: { readonly inPeriod: number; readonly cumulative: number };
  /** 在档: registered and not ended (or relapsed since), on the period's last day. */
  readonly activeAtEnd: number;
  readonly lifted: number;
  readonly relieved: number;
  readonly cancelled: number;
  readonly relapses: number;
  /** The cohort registered in the period, where each file stands on the period's last day: (lifted + relieved) ÷ (lifted + relieved + active). */
  readonly cohort: { readonly files: number; readonly lifted: number; readonly relieved: number; readonly active: number; readonly cancelled: number; readonly resolutionRate: number | null };
  /** Files registered in the period and files active at its end, by level (as recorded at registration, relapse or review) and by cause. */
  readonly byLevel: readonly { readonly level: string; readonly registered: number; readonly active: number }[];
  readonly byCause: readonly { readonly cause: string; readonly registered: number; readonly active: number }[];
  /** Aid delivered in the period, by type: amount (fen), households reached (户), deliveries (户次). */
  readonly aid: readonly { readonly type: string; readonly amount: number; readonly households: number; readonly deliveries: number }[];
}

/**
 * The hardship figures of DOMAIN.md (docs/figures.md). A file's standing on a day is its last
 * standing fact dated on or before that day (registered or relapsed: active; lifted, relieved,
 * cancelled: ended), among the facts recorded by `asOf`.
 */
export async function queryHardshipStats(dataSource: DataSource, query: HardshipStatsQuery): Promise<HardshipStats> {
  const params = [query.from, query.to, query.asOf, query.unitIds ?? null];
  const facts = `recorded_at <= $3 AND ($4::text[] IS NULL OR unit_id = ANY($4))`;
  const [counts] = await dataSource.query(
    `WITH standing_at_end AS (
       SELECT DISTINCT ON (file_id) file_id, fact FROM hardship_standing WHERE on_date <= $2 AND ${facts} ORDER BY file_id, on_date DESC, seq DESC
     ), first_registration AS (
       SELECT file_id, min(on_date) AS registered_on FROM hardship_standing WHERE fact = 'registered' AND ${facts} GROUP BY file_id
     ), cohort AS (
       SELECT s.fact FROM first_registration r JOIN standing_at_end s USING (file_id) WHERE r.registered_on BETWEEN $1 AND $2
     )
     SELECT
       (SELECT count(*) FROM first_registration WHERE registered_on BETWEEN $1 AND $2)::int AS registered,
       (SELECT count(*) FROM first_registration WHERE registered_on <= $2)::int AS cumulative,
       (SELECT count(*) FROM standing_at_end WHERE fact IN ('registered', 'relapsed', 'reviewed'))::int AS active,
       (SELECT count(*) FROM hardship_standing WHERE fact = 'lifted' AND on_date BETWEEN $1 AND $2 AND ${facts})::int AS lifted,
       (SELECT count(*) FROM hardship_standing WHERE fact = 'relieved' AND on_date BETWEEN $1 AND $2 AND ${facts})::int AS relieved,
       (SELECT count(*) FROM hardship_standing WHERE fact = 'cancelled' AND on_date BETWEEN $1 AND $2 AND ${facts})::int AS cancelled,
       (SELECT count(*) FROM hardship_standing WHERE fact = 'relapsed' AND on_date BETWEEN $1 AND $2 AND ${facts})::int AS relapses,
       (SELECT count(*) FROM cohort)::int AS cohort_files,
       (SELECT count(*) FROM cohort WHERE fact = 'lifted')::int AS cohort_lifted,
       (SELECT count(*) FROM cohort WHERE fact = 'relieved')::int AS cohort_relieved,
       (SELECT count(*) FROM cohort WHERE fact IN ('registered', 'relapsed', 'reviewed'))::int AS cohort_active,
       (SELECT count(*) FROM cohort WHERE fact = 'cancelled')::int AS cohort_cancelled`,
    params,
  );
  const breakdowns: { dimension: 'level' | 'cause'; key: string; registered: number; active: number }[] = await dataSource.query(
    `WITH levelled AS (
       SELECT DISTINCT ON (file_id) file_id, level FROM hardship_standing WHERE level IS NOT NULL AND on_date <= $2 AND ${facts} ORDER BY file_id, on_date DESC, seq DESC
     ), standing_at_end AS (
       SELECT DISTINCT ON (file_id) file_id, fact FROM hardship_standing WHERE on_date <= $2 AND ${facts} ORDER BY file_id, on_date DESC, seq DESC
     ), registered AS (
       SELECT DISTINCT ON (file_id) file_id, level, on_date FROM hardship_standing WHERE fact = 'registered' AND ${facts} ORDER BY file_id, on_date, seq
     ), rows AS (
       SELECT f.file_id, f.causes, r.level AS registered_level, l.level AS standing_level,
              r.on_date BETWEEN $1 AND $2 AS registered_in_period,
              coalesce(e.fact IN ('registered', 'relapsed', 'reviewed'), false) AS active_at_end
         FROM hardship_files f JOIN registered r USING (file_id) LEFT JOIN levelled l USING (file_id) LEFT JOIN standing_at_end e USING (file_id)
     )
     SELECT 'level' AS dimension, k.key, count(*) FILTER (WHERE k.registered)::int AS registered, count(*) FILTER (WHERE k.active)::int AS active
       FROM (SELECT registered_level AS key, registered_in_period AS registered, false AS active FROM rows
             UNION ALL SELECT standing_level, false, active_at_end FROM rows) k
      WHERE k.key IS NOT NULL GROUP BY k.key
     UNION ALL
     SELECT 'cause', c.cause, count(*) FILTER (WHERE r.registered_in_period)::int, count(*) FILTER (WHERE r.active_at_end)::int
       FROM rows r CROSS JOIN LATERAL unnest(r.causes) AS c(cause) GROUP BY c.cause
     ORDER BY 1, 2`,
    params,
  );
  const aid: { type: string; amount: string; households: number; deliveries: number }[] = await dataSource.query(
    `SELECT aid_type AS type, sum(amount)::bigint AS amount, count(DISTINCT file_id)::int AS households, count(*)::int AS deliveries
       FROM hardship_aid WHERE on_date BETWEEN $1 AND $2 AND (voided_at IS NULL OR voided_at > $3) AND ${facts}
      GROUP BY aid_type ORDER BY aid_type`,
    params,
  );
  const resolved = counts.cohort_lifted + counts.cohort_relieved;
  return {
    registered: { inPeriod: counts.registered, cumulative: counts.cumulative },
    activeAtEnd: counts.active,
    lifted: counts.lifted,
    relieved: counts.relieved,
    cancelled: counts.cancelled,
    relapses: counts.relapses,
    cohort: {
      files: counts.cohort_files,
      lifted: counts.cohort_lifted,
      relieved: counts.cohort_relieved,
      active: counts.cohort_active,
      cancelled: counts.cohort_cancelled,
      resolutionRate: resolved + counts.cohort_active === 0 ? null : resolved / (resolved + counts.cohort_active),
    },
    byLevel: breakdowns.filter((b) => b.dimension === 'level').map((b) => ({ level: b.key, registered: b.registered, active: b.active })),
    byCause: breakdowns.filter((b) => b.dimension === 'cause').map((b) => ({ cause: b.key, registered: b.registered, active: b.active })),
    aid: aid.map((row) => ({ type: row.type, amount: Number(row.amount), households: row.households, deliveries: row.deliveries })),
  };
}
