import type { DataSource } from 'typeorm';
import { isCaughtUpBy } from '../standing-checkpoint.js';

export interface HardshipStatsQuery {
  /** Shanghai calendar days, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly unitIds?: readonly string[];
  /** Only what had been recorded by this instant counts. */
  readonly asOf: Date;
}

type Counts = { registered: number; active: number; lifted: number; relieved: number; cancelled: number };

export interface HardshipStats {
  /** Files registered in the period, and registered up to its last day (cumulative). */
  readonly registered: { readonly inPeriod: number; readonly cumulative: number };
  /** 在档: registered and not ended (or relapsed since), on the period's last day. */
  readonly activeAtEnd: number;
  /** Files that ended so in the period. */
  readonly lifted: number;
  readonly relieved: number;
  readonly cancelled: number;
  /** Reopenings (返困) in the period. */
  readonly relapses: number;
  /** The cohort registered in the period, where each file stands on the period's last day: (lifted + relieved) ÷ (lifted + relieved + active). */
  readonly cohort: { readonly files: number; readonly lifted: number; readonly relieved: number; readonly active: number; readonly cancelled: number; readonly resolutionRate: number | null };
  /** Files registered in the period and files active at its end, by level and by cause. */
  readonly byLevel: readonly { readonly level: string; readonly registered: number; readonly active: number }[];
  readonly byCause: readonly { readonly cause: string; readonly registered: number; readonly active: number }[];
  /** Per unit keeping the files: registered there in the period, active there at its end, ended there in the period. */
  readonly byUnit: readonly ({ readonly unitId: string } & Counts)[];
  /** Per calendar year of the period: registrations, endings, relapses and aid. */
  readonly byYear: readonly { readonly year: number; readonly registered: number; readonly lifted: number; readonly relieved: number; readonly cancelled: number; readonly relapses: number; readonly aidAmount: number; readonly aidHouseholds: number; readonly aidDeliveries: number }[];
  /** Aid delivered in the period, by type: amount (fen), households reached (户), deliveries (户次). */
  readonly aid: readonly { readonly type: string; readonly amount: number; readonly households: number; readonly deliveries: number }[];
}

/** Which rows of `hardship_timeline` hold as of $3: only the current ones when nothing newer is recorded (all recorded by $3). */
const CURRENT = 'superseded_at IS NULL AND recorded_at <= $3::timestamptz';
const AS_OF = 'recorded_at <= $3 AND (superseded_at IS NULL OR superseded_at > $3)';
const IN_UNITS = '($4::text[] IS NULL OR unit_id = ANY($4))';

/**
 * The hardship figures of DOMAIN.md (docs/figures.md "Hardship files"), from each file's timeline
 * (`hardship_timeline`), its dated standing facts and its aid deliveries. Four statements, run side
 * by side on the pool.
 */
export async function queryHardshipStats(dataSource: DataSource, query: HardshipStatsQuery, options: { fromVersions?: boolean } = {}): Promise<HardshipStats> {
  const params = [query.from, query.to, query.asOf, query.unitIds ?? null];
  const holds = !options.fromVersions && (await isCaughtUpBy(dataSource, 'hardship-figures', query.asOf)) ? CURRENT : AS_OF;
  const [[counts], breakdowns, facts, aid] = await Promise.all([
    dataSource.query(countsSql(holds), params),
    dataSource.query(breakdownsSql(holds), params) as Promise<{ dimension: 'level' | 'cause' | 'unit'; key: string; registered: number; active: number }[]>,
    dataSource.query(FACTS_SQL, params) as Promise<{ unit_id: string; year: number; fact: string; files: number; n: number }[]>,
    dataSource.query(AID_SQL, params) as Promise<{ year: number; type: string; amount: string; households: number; deliveries: number }[]>,
  ]);
  const periodFacts = (fact: string) => facts.filter((f) => f.fact === fact);
  const distinctFiles = (fact: string) => counts[`ended_${fact}`] as number;
  const resolved = counts.cohort_lifted + counts.cohort_relieved;
  const years = new Map<number, HardshipStats['byYear'][number]>();
  const year = (y: number) => years.get(y) ?? years.set(y, { year: y, registered: 0, lifted: 0, relieved: 0, cancelled: 0, relapses: 0, aidAmount: 0, aidHouseholds: 0, aidDeliveries: 0 }).get(y)!;
  for (const row of counts.registered_by_year ?? []) years.set(row.year, { ...year(row.year), registered: row.n });
  for (const f of facts) {
    const key = f.fact === 'relapsed' ? 'relapses' : (f.fact as 'lifted' | 'relieved' | 'cancelled');
    years.set(f.year, { ...year(f.year), [key]: year(f.year)[key] + (f.fact === 'relapsed' ? f.n : f.files) });
  }
  for (const a of aid.filter((row) => row.type === null)) years.set(a.year, { ...year(a.year), aidAmount: Number(a.amount), aidHouseholds: a.households, aidDeliveries: a.deliveries });
  const units = new Map<string, { unitId: string } & Counts>();
  const unit = (id: string) => units.get(id) ?? units.set(id, { unitId: id, registered: 0, active: 0, lifted: 0, relieved: 0, cancelled: 0 }).get(id)!;
  for (const b of breakdowns.filter((row) => row.dimension === 'unit')) Object.assign(unit(b.key), { registered: b.registered, active: b.active });
  for (const f of facts.filter((row) => row.fact !== 'relapsed')) unit(f.unit_id)[f.fact as 'lifted'] += f.files;
  return {
    registered: { inPeriod: counts.registered, cumulative: counts.cumulative },
    activeAtEnd: counts.active,
    lifted: distinctFiles('lifted'),
    relieved: distinctFiles('relieved'),
    cancelled: distinctFiles('cancelled'),
    relapses: periodFacts('relapsed').reduce((sum, f) => sum + f.n, 0),
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
    byUnit: [...units.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)),
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    aid: aid.filter((row) => row.year === null).map((row) => ({ type: row.type, amount: Number(row.amount), households: row.households, deliveries: row.deliveries })),
  };
}

/**
 * One row: registrations (by the unit that registered the file), the active at the end (by the unit
 * keeping it then), distinct files ended in the period, and the cohort: the files first registered in
 * the period (by those units), each as it stands at the period's end wherever it is kept by then.
 */
function countsSql(holds: string): string {
  return `
  WITH firsts AS (
    SELECT file_id, valid_from FROM hardship_timeline WHERE first AND ${holds} AND valid_from <= $2 AND ${IN_UNITS}
  ), at_end AS (
    SELECT file_id, standing, unit_id FROM hardship_timeline WHERE ${holds} AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
  ), cohort AS (
    SELECT e.standing FROM firsts f JOIN at_end e USING (file_id) WHERE f.valid_from >= $1
  ), ended AS (
    SELECT fact, count(DISTINCT file_id)::int AS files FROM hardship_standing
     WHERE fact IN ('lifted', 'relieved', 'cancelled') AND on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND ${IN_UNITS} GROUP BY fact
  )
  SELECT
    (SELECT count(*) FROM firsts WHERE valid_from >= $1)::int AS registered,
    (SELECT count(*) FROM firsts)::int AS cumulative,
    (SELECT json_agg(json_build_object('year', y, 'n', n)) FROM (SELECT extract(year FROM valid_from)::int AS y, count(*)::int AS n FROM firsts WHERE valid_from >= $1 GROUP BY 1) r) AS registered_by_year,
    (SELECT count(*) FROM at_end WHERE standing = 'active' AND ${IN_UNITS})::int AS active,
    coalesce((SELECT files FROM ended WHERE fact = 'lifted'), 0) AS ended_lifted,
    coalesce((SELECT files FROM ended WHERE fact = 'relieved'), 0) AS ended_relieved,
    coalesce((SELECT files FROM ended WHERE fact = 'cancelled'), 0) AS ended_cancelled,
    (SELECT count(*) FROM cohort)::int AS cohort_files,
    (SELECT count(*) FROM cohort WHERE standing = 'lifted')::int AS cohort_lifted,
    (SELECT count(*) FROM cohort WHERE standing = 'relieved')::int AS cohort_relieved,
    (SELECT count(*) FROM cohort WHERE standing = 'active')::int AS cohort_active,
    (SELECT count(*) FROM cohort WHERE standing = 'cancelled')::int AS cohort_cancelled`;
}

/** Registered in the period (at the level and causes of registration) and active at its end (at their level then), by level, cause and unit. */
function breakdownsSql(holds: string): string {
  return `
  WITH registered AS (
    SELECT unit_id, level, causes FROM hardship_timeline WHERE first AND ${holds} AND valid_from BETWEEN $1 AND $2 AND ${IN_UNITS}
  ), active AS (
    SELECT unit_id, level, causes FROM hardship_timeline
     WHERE standing = 'active' AND ${holds} AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) AND ${IN_UNITS}
  ), rows AS (
    SELECT unit_id, level, causes, 1 AS registered, 0 AS active FROM registered UNION ALL SELECT unit_id, level, causes, 0, 1 FROM active
  )
  SELECT 'level' AS dimension, level AS key, sum(registered)::int AS registered, sum(active)::int AS active FROM rows WHERE level IS NOT NULL GROUP BY level
  UNION ALL SELECT 'unit', unit_id, sum(registered)::int, sum(active)::int FROM rows GROUP BY unit_id
  UNION ALL SELECT 'cause', c.cause, sum(registered)::int, sum(active)::int FROM rows CROSS JOIN LATERAL unnest(causes) AS c(cause) GROUP BY c.cause
  ORDER BY 1, 2`;
}

/** Endings (distinct files) and relapses (each one) dated in the period, by unit and year. */
const FACTS_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, fact, count(DISTINCT file_id)::int AS files, count(*)::int AS n FROM hardship_standing
   WHERE fact IN ('lifted', 'relieved', 'cancelled', 'relapsed') AND on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND ${IN_UNITS}
   GROUP BY 1, 2, 3`;

/** Deliveries dated in the period, not reversed by `asOf`: per type over the period (year null) and in all per year (type null). */
const AID_SQL = `
  SELECT extract(year FROM on_date)::int AS year, aid_type AS type, sum(amount)::bigint AS amount, count(DISTINCT file_id)::int AS households, count(*)::int AS deliveries
    FROM hardship_aid WHERE on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND (voided_at IS NULL OR voided_at > $3) AND ${IN_UNITS}
   GROUP BY GROUPING SETS ((aid_type), (extract(year FROM on_date)))
   ORDER BY aid_type`;
