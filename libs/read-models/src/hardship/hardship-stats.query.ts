import type { DataSource } from 'typeorm';
import { isCaughtUpBy } from '../standing-checkpoint.js';
import { ANY_AID, periodParts, type PairMetric, type PeriodPart, type TallyMetric } from './hardship-tallies.js';

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

/** Which rows of `hardship_timeline` hold as of $3: those recorded by then and not yet superseded. */
const AS_OF = 'recorded_at <= $3 AND (superseded_at IS NULL OR superseded_at > $3)';
const IN_UNITS = '($4::text[] IS NULL OR unit_id = ANY($4))';

type FactRow = { unit_id: string | null; year: number | null; fact: string; files: number; n: number };
type AidRow = { year: number | null; type: string | null; amount: number; households: number; deliveries: number };
interface Assembled {
  readonly counts: { registered: number; cumulative: number; registeredByYear: Map<number, number>; active: number; cohort: Record<'files' | 'active' | 'lifted' | 'relieved' | 'cancelled', number> };
  readonly breakdowns: readonly { dimension: 'level' | 'cause' | 'unit'; key: string; registered: number; active: number }[];
  /** Endings (distinct files) and relapses (each one) dated in the period: per unit (year null), per year (unit null), and over all (both null). */
  readonly facts: readonly FactRow[];
  /** Aid per type over the period (year null), and per year over all types (type null). */
  readonly aid: readonly AidRow[];
}

/** The projections these figures are read from: while any has parked events, the figures say they are incomplete. */
export const HARDSHIP_STATS_PROJECTIONS: readonly string[] = ['hardship-figures'];

/**
 * The hardship figures of DOMAIN.md (docs/figures.md "Hardship files"). When the read model holds
 * nothing recorded after `asOf`, they are read from the running tallies (`fileTallies`), in time that
 * does not grow with the number of files; otherwise (or asked `fromVersions`) from the timeline
 * versions standing at `asOf`, each file's dated facts and its deliveries. Both paths answer the same.
 */
export async function queryHardshipStats(dataSource: DataSource, query: HardshipStatsQuery, options: { fromVersions?: boolean } = {}): Promise<HardshipStats> {
  const current = !options.fromVersions && (await isCaughtUpBy(dataSource, 'hardship-figures', query.asOf));
  return present(current ? await fromTallies(dataSource, query) : await fromVersions(dataSource, query));
}

function present({ counts, breakdowns, facts, aid }: Assembled): HardshipStats {
  const years = new Map<number, HardshipStats['byYear'][number]>();
  const year = (y: number) => years.get(y) ?? years.set(y, { year: y, registered: 0, lifted: 0, relieved: 0, cancelled: 0, relapses: 0, aidAmount: 0, aidHouseholds: 0, aidDeliveries: 0 }).get(y)!;
  for (const [y, n] of counts.registeredByYear) if (n !== 0) years.set(y, { ...year(y), registered: n });
  for (const f of facts.filter((row) => row.unit_id === null && row.year !== null && (row.fact === 'relapsed' ? row.n : row.files) !== 0)) {
    const key = f.fact === 'relapsed' ? 'relapses' : (f.fact as 'lifted' | 'relieved' | 'cancelled');
    years.set(f.year!, { ...year(f.year!), [key]: f.fact === 'relapsed' ? f.n : f.files });
  }
  for (const a of aid.filter((row) => row.type === null && row.deliveries !== 0)) years.set(a.year!, { ...year(a.year!), aidAmount: a.amount, aidHouseholds: a.households, aidDeliveries: a.deliveries });
  const units = new Map<string, { unitId: string } & Counts>();
  const unit = (id: string) => units.get(id) ?? units.set(id, { unitId: id, registered: 0, active: 0, lifted: 0, relieved: 0, cancelled: 0 }).get(id)!;
  for (const b of breakdowns.filter((row) => row.dimension === 'unit' && (row.registered !== 0 || row.active !== 0))) Object.assign(unit(b.key), { registered: b.registered, active: b.active });
  for (const f of facts.filter((row) => row.unit_id !== null && row.fact !== 'relapsed' && row.files !== 0)) unit(f.unit_id!)[f.fact as 'lifted'] = f.files;
  const overall = (fact: string) => facts.find((f) => f.fact === fact && f.unit_id === null && f.year === null);
  const { cohort } = counts;
  const resolved = cohort.lifted + cohort.relieved;
  const nonZero = (b: { registered: number; active: number }) => b.registered !== 0 || b.active !== 0;
  return {
    registered: { inPeriod: counts.registered, cumulative: counts.cumulative },
    activeAtEnd: counts.active,
    lifted: overall('lifted')?.files ?? 0,
    relieved: overall('relieved')?.files ?? 0,
    cancelled: overall('cancelled')?.files ?? 0,
    relapses: overall('relapsed')?.n ?? 0,
    cohort: { ...cohort, resolutionRate: resolved + cohort.active === 0 ? null : resolved / (resolved + cohort.active) },
    byLevel: breakdowns.filter((b) => b.dimension === 'level' && nonZero(b)).map((b) => ({ level: b.key, registered: b.registered, active: b.active })),
    byCause: breakdowns.filter((b) => b.dimension === 'cause' && nonZero(b)).map((b) => ({ cause: b.key, registered: b.registered, active: b.active })),
    byUnit: [...units.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)),
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    aid: aid.filter((row) => row.year === null && row.deliveries !== 0).map((row) => ({ type: row.type!, amount: row.amount, households: row.households, deliveries: row.deliveries })).sort((a, b) => a.type.localeCompare(b.type)),
  };
}

/** The figures from the tallies and pairs; distinct counts of files ever moved come from their own rows. */
async function fromTallies(dataSource: DataSource, query: HardshipStatsQuery): Promise<Assembled> {
  const units = query.unitIds ?? null;
  const period = periodParts(query.from, query.to);
  const [inPeriod, atEnd, pairs, movedEndings, movedAid] = await Promise.all([
    dataSource.query(...tallySql(['registered', 'ended', 'relapsed', 'aid_amount', 'aid_deliveries'], period, units)) as Promise<{ metric: TallyMetric; key: string; unit_id: string; year: number; n: string }[]>,
    dataSource.query(...tallySql(['registered', 'active'], periodParts(EARLIEST_DAY, query.to), units)) as Promise<{ metric: TallyMetric; key: string; unit_id: string; year: number; n: string }[]>,
    dataSource.query(...pairsSql(periodParts(query.from, query.to, { months: false }), units)) as Promise<{ metric: PairMetric; key: string; unit_id: string; year: number | null; n: string }[]>,
    dataSource.query(MOVED_ENDINGS_SQL, [units, query.from, query.to]) as Promise<{ unit_id: string; year: number; key: string; file_id: string }[]>,
    dataSource.query(MOVED_AID_SQL, [units, query.from, query.to]) as Promise<{ unit_id: string; year: number; key: string; file_id: string }[]>,
  ]);
  const sum = <R extends { n: string }>(rows: readonly R[], where: (row: R) => boolean) => rows.reduce((total, row) => (where(row) ? total + Number(row.n) : total), 0);
  const group = <R, K>(rows: readonly R[], keyOf: (row: R) => K) => [...new Set(rows.map(keyOf))];
  /** Distinct files among moved files' rows minus their rows, per group: what their events over-count. */
  const movedExcess = (rows: readonly { file_id: string }[]) => new Set(rows.map((r) => r.file_id)).size - rows.length;

  const breakdowns: Assembled['breakdowns'][number][] = [];
  for (const key of group([...inPeriod, ...atEnd].filter((r) => r.key.includes(':')), (r) => r.key)) {
    const [dimension, value] = key.split(':') as ['level' | 'cause', string];
    breakdowns.push({ dimension, key: value, registered: sum(inPeriod, (r) => r.metric === 'registered' && r.key === key), active: sum(atEnd, (r) => r.metric === 'active' && r.key === key) });
  }
  for (const unitId of group([...inPeriod, ...atEnd].filter((r) => r.key === '' && (r.metric === 'registered' || r.metric === 'active')), (r) => r.unit_id)) {
    breakdowns.push({ dimension: 'unit', key: unitId, registered: sum(inPeriod, (r) => r.metric === 'registered' && r.key === '' && r.unit_id === unitId), active: sum(atEnd, (r) => r.metric === 'active' && r.key === '' && r.unit_id === unitId) });
  }
  breakdowns.sort((a, b) => a.dimension.localeCompare(b.dimension) || a.key.localeCompare(b.key));

  const facts: FactRow[] = [];
  for (const fact of ['lifted', 'relieved', 'cancelled'] as const) {
    const events = inPeriod.filter((r) => r.metric === 'ended' && r.key === fact);
    const repeats = pairs.filter((r) => r.metric === 'ended' && r.key === fact);
    const moved = movedEndings.filter((r) => r.key === fact);
    const files = (where: (row: { unit_id: string; year: number | null }) => boolean) => sum(events, where) - sum(repeats, where) + movedExcess(moved.filter(where));
    for (const unitId of group(events, (r) => r.unit_id)) facts.push({ unit_id: unitId, year: null, fact, files: files((r) => r.unit_id === unitId), n: 0 });
    for (const y of group(events, (r) => r.year)) facts.push({ unit_id: null, year: y, fact, files: sum(events, (r) => r.year === y) - sum(repeats, (r) => r.year === y) + movedExcess(moved.filter((r) => r.year === y)), n: 0 });
    facts.push({ unit_id: null, year: null, fact, files: files(() => true), n: 0 });
  }
  const relapses = inPeriod.filter((r) => r.metric === 'relapsed');
  for (const y of group(relapses, (r) => r.year)) facts.push({ unit_id: null, year: y, fact: 'relapsed', files: 0, n: sum(relapses, (r) => r.year === y) });
  facts.push({ unit_id: null, year: null, fact: 'relapsed', files: 0, n: sum(relapses, () => true) });

  const aid: AidRow[] = [];
  const amounts = inPeriod.filter((r) => r.metric === 'aid_amount');
  const deliveries = inPeriod.filter((r) => r.metric === 'aid_deliveries');
  const aidRepeats = pairs.filter((r) => r.metric === 'aid');
  for (const type of group(deliveries, (r) => r.key)) {
    const count = sum(deliveries, (r) => r.key === type);
    aid.push({ year: null, type, amount: sum(amounts, (r) => r.key === type), deliveries: count, households: count - sum(aidRepeats, (r) => r.key === type) + movedExcess(movedAid.filter((r) => r.key === type)) });
  }
  for (const y of group(deliveries, (r) => r.year)) {
    const count = sum(deliveries, (r) => r.year === y);
    aid.push({ year: y, type: null, amount: sum(amounts, (r) => r.year === y), deliveries: count, households: count - sum(aidRepeats, (r) => r.key === ANY_AID && r.year === y) + movedExcess(movedAid.filter((r) => r.year === y)) });
  }

  const cohort = (standing: string) => sum(pairs, (r) => r.metric === 'cohort' && r.key === standing);
  const registered = inPeriod.filter((r) => r.metric === 'registered' && r.key === '');
  return {
    counts: {
      registered: sum(registered, () => true),
      cumulative: sum(atEnd, (r) => r.metric === 'registered' && r.key === ''),
      registeredByYear: new Map(group(registered, (r) => r.year).map((y) => [y, sum(registered, (r) => r.year === y)])),
      active: sum(atEnd, (r) => r.metric === 'active' && r.key === ''),
      cohort: { files: cohort('active') + cohort('lifted') + cohort('relieved') + cohort('cancelled'), active: cohort('active'), lifted: cohort('lifted'), relieved: cohort('relieved'), cancelled: cohort('cancelled') },
    },
    breakdowns,
    facts,
    aid,
  };
}

/** Before any file: the start of "up to a day". */
const EARLIEST_DAY = '1900-01-01';

const TALLY_UNITS = '($1::text[] IS NULL OR unit_id = ANY($1))';
/** The units asked about as the statement's first parameter and a condition the index can use (none asked: every unit, no condition). */
const unitsParam = (units: readonly string[] | null): { params: unknown[]; condition: string } =>
  (units === null ? { params: [null], condition: 'AND $1::text[] IS NULL' } : { params: [units], condition: 'AND unit_id = ANY($1::text[])' });

/**
 * Tally rows of `metrics` within the parts of a period: one range scan per part (by unit when units
 * are asked about), summed per metric, key, unit and year.
 */
function tallySql(metrics: readonly TallyMetric[], parts: readonly PeriodPart[], units: readonly string[] | null): [string, unknown[]] {
  const { params: first, condition } = unitsParam(units);
  const params: unknown[] = [...first, metrics];
  const scans = parts.map((part) => {
    params.push(part.grain, part.from, part.to);
    const n = params.length;
    return `SELECT metric, key, unit_id, day, n FROM hardship_tally WHERE metric = ANY($2) AND grain = $${n - 2} AND day BETWEEN $${n - 1}::date AND $${n}::date ${condition}`;
  });
  if (scans.length === 0) return ['SELECT NULL::text AS metric, NULL::text AS key, NULL::text AS unit_id, NULL::int AS year, 0::bigint AS n WHERE false', []];
  return [`SELECT metric, key, unit_id, extract(year FROM day)::int AS year, sum(n)::bigint AS n FROM (${scans.join(' UNION ALL ')}) t GROUP BY 1, 2, 3, 4`, params];
}

/**
 * Pairs with both days in the period: for each part of the first day and each part (not earlier) of
 * the second, one range scan of the primary key (metric, grains, first day). `year` is set when both
 * days fall in one year (the pair then counts within that year too).
 */
function pairsSql(parts: readonly PeriodPart[], units: readonly string[] | null): [string, unknown[]] {
  const { params: first, condition } = unitsParam(units);
  const params: unknown[] = [...first, ['cohort', 'ended', 'aid']];
  const scans: string[] = [];
  parts.forEach((a, i) => parts.slice(i).forEach((b) => {
    params.push(a.grain, b.grain, a.from, a.to, b.from, b.to);
    const n = params.length - 5;
    scans.push(`SELECT metric, key, unit_id, a, b, n FROM hardship_pairs
      WHERE metric = ANY($2) AND a_grain = $${n} AND b_grain = $${n + 1} AND a BETWEEN $${n + 2}::date AND $${n + 3}::date AND b BETWEEN $${n + 4}::date AND $${n + 5}::date ${condition}`);
  }));
  if (scans.length === 0) return ['SELECT NULL::text AS metric, NULL::text AS key, NULL::text AS unit_id, NULL::int AS year, 0::bigint AS n WHERE false', []];
  return [`SELECT metric, key, unit_id, CASE WHEN extract(year FROM a) = extract(year FROM b) THEN extract(year FROM a)::int END AS year, sum(n)::bigint AS n
    FROM (${scans.join(' UNION ALL ')}) p GROUP BY 1, 2, 3, 4`, params];
}

const MOVED_ENDINGS_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, fact AS key, file_id FROM hardship_standing
   WHERE moved AND fact IN ('lifted', 'relieved', 'cancelled') AND on_date BETWEEN $2 AND $3 AND ${TALLY_UNITS}`;

const MOVED_AID_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, aid_type AS key, file_id FROM hardship_aid
   WHERE moved AND voided_at IS NULL AND on_date BETWEEN $2 AND $3 AND ${TALLY_UNITS}`;

async function fromVersions(dataSource: DataSource, query: HardshipStatsQuery): Promise<Assembled> {
  const params = [query.from, query.to, query.asOf, query.unitIds ?? null];
  const [[counts], breakdowns, facts, aid] = await Promise.all([
    dataSource.query(COUNTS_SQL, params),
    dataSource.query(BREAKDOWNS_SQL, params),
    dataSource.query(FACTS_SQL, params) as Promise<FactRow[]>,
    dataSource.query(AID_SQL, params) as Promise<(Omit<AidRow, 'amount'> & { amount: string })[]>,
  ]);
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
    aid: aid.map((row) => ({ ...row, amount: Number(row.amount) })),
  };
}

/**
 * One row: registrations (by the unit that registered the file), the active at the end (by the unit
 * keeping it then), distinct files ended in the period, and the cohort: the files first registered in
 * the period (by those units), each as it stands at the period's end wherever it is kept by then.
 */
const COUNTS_SQL = `
  WITH firsts AS (
    SELECT file_id, valid_from FROM hardship_timeline WHERE first AND ${AS_OF} AND valid_from <= $2 AND ${IN_UNITS}
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

/** Registered in the period (at the level and causes of registration) and active at its end (at their level then), by level, cause and unit. */
const BREAKDOWNS_SQL = `
  WITH registered AS (
    SELECT unit_id, level, causes FROM hardship_timeline WHERE first AND ${AS_OF} AND valid_from BETWEEN $1 AND $2 AND ${IN_UNITS}
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

/** Endings (distinct files) and relapses (each one) dated in the period: per unit, per year, and over all. */
const FACTS_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, fact, count(DISTINCT file_id)::int AS files, count(*)::int AS n FROM hardship_standing
   WHERE fact IN ('lifted', 'relieved', 'cancelled', 'relapsed') AND on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND ${IN_UNITS}
   GROUP BY GROUPING SETS ((unit_id, fact), (extract(year FROM on_date), fact), (fact))`;

/** Deliveries dated in the period, not reversed by `asOf`: per type over the period (year null) and in all per year (type null). */
const AID_SQL = `
  SELECT extract(year FROM on_date)::int AS year, aid_type AS type, sum(amount)::bigint AS amount, count(DISTINCT file_id)::int AS households, count(*)::int AS deliveries
    FROM hardship_aid WHERE on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND (voided_at IS NULL OR voided_at > $3) AND ${IN_UNITS}
   GROUP BY GROUPING SETS ((aid_type), (extract(year FROM on_date)))
   ORDER BY aid_type`;
