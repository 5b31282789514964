/**
 * The hardship figures as of a past instant, worked out from the timeline versions standing then,
 * each file's dated facts, its deliveries and its visits recorded by then (docs/figures.md "Hardship files").
 */
import type { DataSource } from 'typeorm';
import type { Assembled, FactRow, HardshipStatsQuery, VisitFigureRow } from './hardship-stats.inputs.js';

/** Which rows of `hardship_timeline` hold as of $3: those recorded by then and not yet superseded. */
const AS_OF = 'recorded_at <= $3 AND (superseded_at IS NULL OR superseded_at > $3)';
const IN_UNITS = '($4::text[] IS NULL OR unit_id = ANY($4))';
const REGISTERED_IN_UNITS = '($4::text[] IS NULL OR registered_unit = ANY($4))';

export async function fromVersions(dataSource: DataSource, query: HardshipStatsQuery): Promise<Assembled> {
  const params = [query.from, query.to, query.asOf, query.unitIds ?? null];
  const [[counts], breakdowns, facts, aid, persons, visits] = await Promise.all([
    dataSource.query(COUNTS_SQL, params),
    dataSource.query(BREAKDOWNS_SQL, params),
    dataSource.query(FACTS_SQL, params) as Promise<FactRow[]>,
    dataSource.query(AID_SQL, params) as Promise<{ year: number | null; type: string | null; amount: string; households: number; deliveries: number }[]>,
    dataSource.query(PERSONS_SQL, params) as Promise<{ year: number | null; type: string | null; persons_reached: number; distinct_persons: number }[]>,
    dataSource.query(VISITS_SQL, params) as Promise<VisitFigureRow[]>,
  ]);
  const personsOf = (row: { year: number | null; type: string | null }) => persons.find((p) => p.year === row.year && p.type === row.type);
  return {
    counts: {
      registered: counts.registered,
      cumulative: counts.cumulative,
      registeredByYear: new Map((counts.registered_by_year ?? []).map((r: { year: number; n: number }) => [r.year, r.n])),
      active: counts.active,
      cohort: { files: counts.cohort_files, lifted: counts.cohort_lifted, relieved: counts.cohort_relieved, active: counts.cohort_active, cancelled: counts.cohort_cancelled },
    },
    breakdowns,
    facts,
    aid: aid.map((row) => ({ ...row, amount: Number(row.amount), personsReached: personsOf(row)?.persons_reached ?? 0, distinctPersons: personsOf(row)?.distinct_persons ?? 0 })),
    visits,
  };
}

/**
 * One row: registrations (by the unit that registered the file), the active at the end (by the unit
 * keeping it then), and the cohort: the files first registered in the period (by those units), each
 * as it stands at the period's end wherever it is kept by then.
 */
const COUNTS_SQL = `
  WITH firsts AS (
    SELECT file_id, valid_from FROM hardship_timeline WHERE first AND ${AS_OF} AND valid_from <= $2 AND ${REGISTERED_IN_UNITS}
  ), at_end AS (
    SELECT file_id, standing, unit_id FROM hardship_timeline WHERE ${AS_OF} AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
  ), cohort AS (
    SELECT e.standing FROM firsts f JOIN at_end e USING (file_id) WHERE f.valid_from >= $1
  )
  SELECT
    (SELECT count(*) FROM firsts WHERE valid_from >= $1)::int AS registered,
    (SELECT count(*) FROM firsts)::int AS cumulative,
    (SELECT json_agg(json_build_object('year', y, 'n', n)) FROM (SELECT extract(year FROM valid_from)::int AS y, count(*)::int AS n FROM firsts WHERE valid_from >= $1 GROUP BY 1) r) AS registered_by_year,
    (SELECT count(*) FROM at_end WHERE standing = 'active' AND ${IN_UNITS})::int AS active,
    (SELECT count(*) FROM cohort)::int AS cohort_files,
    (SELECT count(*) FROM cohort WHERE standing = 'lifted')::int AS cohort_lifted,
    (SELECT count(*) FROM cohort WHERE standing = 'relieved')::int AS cohort_relieved,
    (SELECT count(*) FROM cohort WHERE standing = 'active')::int AS cohort_active,
    (SELECT count(*) FROM cohort WHERE standing = 'cancelled')::int AS cohort_cancelled`;

/** Registered in the period (at the unit, level and causes of registration) and active at its end (at their unit and level then), by level, cause and unit. */
const BREAKDOWNS_SQL = `
  WITH registered AS (
    SELECT registered_unit AS unit_id, registered_level AS level, causes FROM hardship_timeline WHERE first AND ${AS_OF} AND valid_from BETWEEN $1 AND $2 AND ${REGISTERED_IN_UNITS}
  ), active AS (
    SELECT unit_id, level, causes FROM hardship_timeline
     WHERE standing = 'active' AND ${AS_OF} AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) AND ${IN_UNITS}
  ), rows AS (
    SELECT unit_id, level, causes, 1 AS registered, 0 AS active FROM registered UNION ALL SELECT unit_id, level, causes, 0, 1 FROM active
  )
  SELECT 'level' AS dimension, level AS key, sum(registered)::int AS registered, sum(active)::int AS active FROM rows WHERE level IS NOT NULL GROUP BY level
  UNION ALL SELECT 'unit', unit_id, sum(registered)::int, sum(active)::int FROM rows GROUP BY unit_id
  UNION ALL SELECT 'cause', c.cause, sum(registered)::int, sum(active)::int FROM rows CROSS JOIN LATERAL unnest(causes) AS c(cause) GROUP BY c.cause
  ORDER BY 1, 2`;

/** Endings and relapses dated in the period, distinct files and events: per unit, per year, and over all. */
const FACTS_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, fact, count(DISTINCT file_id)::int AS files, count(*)::int AS n FROM hardship_standing
   WHERE fact IN ('lifted', 'relieved', 'cancelled', 'relapsed') AND on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND ${IN_UNITS}
   GROUP BY GROUPING SETS ((unit_id, fact), (extract(year FROM on_date), fact), (fact))`;

const DELIVERED = `on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND (voided_at IS NULL OR voided_at > $3) AND ${IN_UNITS}`;

/** Deliveries dated in the period, not reversed by `asOf`: per type over the period (year null) and in all per year (type null). */
const AID_SQL = `
  SELECT extract(year FROM on_date)::int AS year, aid_type AS type, sum(amount)::bigint AS amount, count(DISTINCT file_id)::int AS households, count(*)::int AS deliveries
    FROM hardship_aid WHERE ${DELIVERED}
   GROUP BY GROUPING SETS ((aid_type), (extract(year FROM on_date)))`;

/** The persons those deliveries reached (人次) and the distinct persons (人: a file and a place in its household). */
const PERSONS_SQL = `
  SELECT extract(year FROM on_date)::int AS year, aid_type AS type, count(*)::int AS persons_reached, count(DISTINCT file_id || ':' || r.p)::int AS distinct_persons
    FROM hardship_aid CROSS JOIN LATERAL unnest(reached) AS r(p) WHERE ${DELIVERED}
   GROUP BY GROUPING SETS ((aid_type), (extract(year FROM on_date)))`;

/** Visits dated in the period, recorded by `asOf`: per kind, per year, and over all; households are distinct files. */
const VISITS_SQL = `
  SELECT extract(year FROM on_date)::int AS year, kind, count(*)::int AS visits, count(DISTINCT file_id)::int AS households
    FROM hardship_visits WHERE on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND ${IN_UNITS}
   GROUP BY GROUPING SETS ((kind), (extract(year FROM on_date)), ())`;
