/**
 * The current hardship figures read from the running tallies and pairs (`fileTallies`), in time that
 * does not grow with the number of files; distinct counts of files ever moved come from their own rows.
 * SQL sums the tallies and pairs per year, and per unit only where a figure is given per unit, so a
 * province's ten years come back as about a thousand rows rather than one per unit, key and year;
 * the figures are then assembled in one pass over them.
 */
import type { DataSource } from 'typeorm';
import { ANY_AID, periodParts, type PairMetric, type PeriodPart, type TallyMetric } from './hardship-tallies.js';
import type { AidRow, Assembled, FactRow, HardshipStatsQuery, VisitFigureRow } from './hardship-stats.inputs.js';

/**
 * A row of sums: for one unit over the whole period (`unit_id` set, `year` null), or over every unit
 * asked for one year (`unit_id` null; a pair whose days fall in different years has `year` null).
 * Only the metrics a per-unit figure needs come by unit (`PER_UNIT_TALLIES`, `PER_UNIT_PAIRS`).
 */
export type TallySum = { metric: TallyMetric; key: string; unit_id: string | null; year: number | null; n: string };
export type PairSum = { metric: PairMetric; key: string; unit_id: string | null; year: number | null; n: string };
/** One row of a moved file (an ending, a delivery, a person a delivery reached, a visit): its own rows, not tallies. */
export type MovedRow = { unit_id: string; year: number; key: string; item: string };

/** What the current figures are assembled from: the tallies' and pairs' sums, and the rows of moved files. */
export interface TallyRows {
  readonly inPeriod: readonly TallySum[];
  /** Registrations and active-file deltas from the earliest day to the period's last. */
  readonly atEnd: readonly TallySum[];
  readonly pairs: readonly PairSum[];
  readonly moved: { readonly endings: readonly MovedRow[]; readonly aid: readonly MovedRow[]; readonly persons: readonly MovedRow[]; readonly visits: readonly MovedRow[] };
}

export async function fromTallies(dataSource: DataSource, query: HardshipStatsQuery): Promise<Assembled> {
  const units = query.unitIds ?? null;
  const period = periodParts(query.from, query.to);
  const [inPeriod, atEnd, pairs, endings, aid, persons, visits] = await Promise.all([
    dataSource.query(...tallySql(['registered', 'ended', 'relapsed', 'aid_amount', 'aid_deliveries', 'aid_persons', 'visits'], period, units)) as Promise<TallySum[]>,
    dataSource.query(...tallySql(['registered', 'active'], periodParts(EARLIEST_DAY, query.to), units)) as Promise<TallySum[]>,
    dataSource.query(...pairsSql(periodParts(query.from, query.to, { months: false }), units)) as Promise<PairSum[]>,
    dataSource.query(MOVED_ENDINGS_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
    dataSource.query(MOVED_AID_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
    dataSource.query(MOVED_PERSONS_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
    dataSource.query(MOVED_VISITS_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
  ]);
  return assembleTallies({ inPeriod, atEnd, pairs, moved: { endings, aid, persons, visits } });
}

/** Sums of one metric (and key, or over all its keys): in all, per unit and per year. */
interface Sums { total: number; readonly byUnit: Map<string, number>; readonly byYear: Map<number | null, number> }
const noSums = (): Sums => ({ total: 0, byUnit: new Map(), byYear: new Map() });
const addTo = <K,>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/**
 * The rows summed once, by metric and key and by metric over all its keys, so that each figure reads
 * its sum instead of filtering every row again. A unit's rows count only for that unit; the totals
 * come from the rows by year, which cover every unit asked.
 */
class SumsIndex {
  private readonly byKey = new Map<string, Map<string, Sums>>();
  private readonly allKeys = new Map<string, Sums>();

  constructor(rows: readonly { metric: string; key: string; unit_id: string | null; year: number | null; n: string }[]) {
    for (const row of rows) {
      const keys = this.byKey.get(row.metric) ?? this.byKey.set(row.metric, new Map()).get(row.metric)!;
      const sums = [keys.get(row.key) ?? keys.set(row.key, noSums()).get(row.key)!, this.allKeys.get(row.metric) ?? this.allKeys.set(row.metric, noSums()).get(row.metric)!];
      const n = Number(row.n);
      for (const s of sums) {
        if (row.unit_id !== null) addTo(s.byUnit, row.unit_id, n);
        else {
          s.total += n;
          addTo(s.byYear, row.year, n);
        }
      }
    }
  }

  of(metric: string, key: string): Sums {
    return this.byKey.get(metric)?.get(key) ?? noSums();
  }

  /** Over all the metric's keys. */
  all(metric: string): Sums {
    return this.allKeys.get(metric) ?? noSums();
  }

  keys(metric: string): string[] {
    return [...(this.byKey.get(metric)?.keys() ?? [])];
  }
}

/** Distinct items among moved files' rows and their rows, in all, per unit and per year: what their events over-count. */
interface Moved { readonly items: Set<string>; rows: number }
interface MovedSums { readonly total: Moved; readonly byUnit: Map<string, Moved>; readonly byYear: Map<number | null, Moved> }
const noMoved = (): MovedSums => ({ total: { items: new Set(), rows: 0 }, byUnit: new Map(), byYear: new Map() });
const excess = (moved: Moved | undefined) => (moved === undefined ? 0 : moved.items.size - moved.rows);

const count = (moved: Moved, item: string) => {
  moved.items.add(item);
  moved.rows++;
};
const movedAt = <K,>(map: Map<K, Moved>, at: K) => map.get(at) ?? map.set(at, { items: new Set(), rows: 0 }).get(at)!;

/** Moved files' rows by key and over all keys, read once. */
function movedIndex(rows: readonly MovedRow[]): { of: (key: string) => MovedSums; all: MovedSums } {
  const byKey = new Map<string, MovedSums>();
  const all = noMoved();
  for (const row of rows) {
    for (const sums of [byKey.get(row.key) ?? byKey.set(row.key, noMoved()).get(row.key)!, all]) {
      count(sums.total, row.item);
      count(movedAt(sums.byUnit, row.unit_id), row.item);
      count(movedAt(sums.byYear, row.year), row.item);
    }
  }
  return { of: (key) => byKey.get(key) ?? noMoved(), all };
}

/**
 * The figures from the rows (pure): each sum read from indexes built once, so the work is linear in
 * the rows. Distinct items in a group = its events − its repeats (both days in it) − what moved files'
 * events over-count there (their rows less their distinct items; `fileTallies` keeps no repeats for them).
 */
export function assembleTallies({ inPeriod, atEnd, pairs, moved }: TallyRows): Assembled {
  const period = new SumsIndex(inPeriod);
  const end = new SumsIndex(atEnd);
  const repeats = new SumsIndex(pairs);
  const [movedEndings, movedAid, movedPersons, movedVisits] = [moved.endings, moved.aid, moved.persons, moved.visits].map(movedIndex);

  const breakdowns: Assembled['breakdowns'][number][] = [];
  for (const key of new Set([...period.keys('registered'), ...end.keys('registered'), ...end.keys('active')].filter((k) => k.includes(':')))) {
    const [dimension, value] = key.split(':') as ['level' | 'cause', string];
    breakdowns.push({ dimension, key: value, registered: period.of('registered', key).total, active: end.of('active', key).total });
  }
  const [registeredHere, activeHere] = [period.of('registered', ''), end.of('active', '')];
  for (const unitId of new Set([...registeredHere.byUnit.keys(), ...end.of('registered', '').byUnit.keys(), ...activeHere.byUnit.keys()])) {
    breakdowns.push({ dimension: 'unit', key: unitId, registered: registeredHere.byUnit.get(unitId) ?? 0, active: activeHere.byUnit.get(unitId) ?? 0 });
  }
  breakdowns.sort((a, b) => a.dimension.localeCompare(b.dimension) || a.key.localeCompare(b.key));

  const facts: FactRow[] = [];
  for (const fact of ['lifted', 'relieved', 'cancelled', 'relapsed'] as const) {
    const events = fact === 'relapsed' ? period.of('relapsed', '') : period.of('ended', fact);
    const repeated = repeats.of('ended', fact);
    const movedOnes = movedEndings.of(fact);
    for (const [unitId, n] of events.byUnit) {
      facts.push({ unit_id: unitId, year: null, fact, files: n - (repeated.byUnit.get(unitId) ?? 0) + excess(movedOnes.byUnit.get(unitId)), n });
    }
    for (const [year, n] of events.byYear) {
      facts.push({ unit_id: null, year, fact, files: n - (repeated.byYear.get(year) ?? 0) + excess(movedOnes.byYear.get(year)), n });
    }
    facts.push({ unit_id: null, year: null, fact, files: events.total - repeated.total + excess(movedOnes.total), n: events.total });
  }

  const aid: AidRow[] = [];
  for (const type of period.keys('aid_deliveries')) {
    const deliveries = period.of('aid_deliveries', type).total;
    const persons = period.of('aid_persons', type).total;
    aid.push({
      year: null, type, amount: period.of('aid_amount', type).total, deliveries,
      households: deliveries - repeats.of('aid', type).total + excess(movedAid.of(type).total),
      personsReached: persons, distinctPersons: persons - repeats.of('aid_person', type).total + excess(movedPersons.of(type).total),
    });
  }
  for (const [year, deliveries] of period.all('aid_deliveries').byYear) {
    const persons = period.all('aid_persons').byYear.get(year) ?? 0;
    aid.push({
      year, type: null, amount: period.all('aid_amount').byYear.get(year) ?? 0, deliveries,
      households: deliveries - (repeats.of('aid', ANY_AID).byYear.get(year) ?? 0) + excess(movedAid.all.byYear.get(year)),
      personsReached: persons, distinctPersons: persons - (repeats.of('aid_person', ANY_AID).byYear.get(year) ?? 0) + excess(movedPersons.all.byYear.get(year)),
    });
  }

  const visits: VisitFigureRow[] = [];
  for (const kind of period.keys('visits')) {
    const n = period.of('visits', kind).total;
    visits.push({ year: null, kind, visits: n, households: n - repeats.of('visit', kind).total + excess(movedVisits.of(kind).total) });
  }
  const allVisits = period.all('visits');
  for (const [year, n] of allVisits.byYear) {
    visits.push({ year, kind: null, visits: n, households: n - (repeats.of('visit', ANY_AID).byYear.get(year) ?? 0) + excess(movedVisits.all.byYear.get(year)) });
  }
  visits.push({ year: null, kind: null, visits: allVisits.total, households: allVisits.total - repeats.of('visit', ANY_AID).total + excess(movedVisits.all.total) });

  const cohort = (standing: string) => repeats.of('cohort', standing).total;
  return {
    counts: {
      registered: registeredHere.total,
      cumulative: end.of('registered', '').total,
      registeredByYear: registeredHere.byYear as Map<number, number>,
      active: activeHere.total,
      cohort: { files: cohort('active') + cohort('lifted') + cohort('relieved') + cohort('cancelled'), active: cohort('active'), lifted: cohort('lifted'), relieved: cohort('relieved'), cancelled: cohort('cancelled') },
    },
    breakdowns,
    facts,
    aid,
    visits,
  };
}

/** Before any file: the start of "up to a day". */
const EARLIEST_DAY = '1900-01-01';

const TALLY_UNITS = '($1::text[] IS NULL OR unit_id = ANY($1))';
/** The units asked about as the statement's first parameter and a condition the index can use (none asked: every unit, no condition). */
const unitsParam = (units: readonly string[] | null): { params: unknown[]; condition: string } =>
  (units === null ? { params: [null], condition: 'AND $1::text[] IS NULL' } : { params: [units], condition: 'AND unit_id = ANY($1::text[])' });

/** Tallies summed per unit (`TallySum`): those of the figures given per unit (registrations and the active in all, endings, relapses). */
const PER_UNIT_TALLIES = "metric IN ('ended', 'relapsed') OR (key = '' AND metric IN ('registered', 'active'))";
/** Pairs summed per unit: the repeats of endings and relapses, for the files ended per unit. */
const PER_UNIT_PAIRS = "metric = 'ended'";

/**
 * The sums of `TallySum`: per unit over the period (only where `perUnit` holds; other rows have no
 * unit there and are left out) and per year over every unit asked, in one pass over `rows`.
 */
const sumsPerUnitAndYear = (rows: string, perUnit: string, year: string) => `
  SELECT metric, key, unit_id, year, sum(n)::bigint AS n
    FROM (SELECT metric, key, CASE WHEN ${perUnit} THEN unit_id END AS unit_id, ${year} AS year, n FROM (${rows}) r) t
   GROUP BY GROUPING SETS ((metric, key, unit_id), (metric, key, year))
  HAVING GROUPING(unit_id) = 1 OR unit_id IS NOT NULL`;

const NO_SUMS = 'SELECT NULL::text AS metric, NULL::text AS key, NULL::text AS unit_id, NULL::int AS year, 0::bigint AS n WHERE false';

/**
 * Tally rows of `metrics` within the parts of a period: one range scan per part (by unit when units
 * are asked about), summed per unit and per year (`TallySum`).
 */
function tallySql(metrics: readonly TallyMetric[], parts: readonly PeriodPart[], units: readonly string[] | null): [string, unknown[]] {
  const { params: first, condition } = unitsParam(units);
  const params: unknown[] = [...first, metrics];
  const scans = parts.map((part) => {
    params.push(part.grain, part.from, part.to);
    const n = params.length;
    return `SELECT metric, key, unit_id, day, n FROM hardship_tally WHERE metric = ANY($2) AND grain = $${n - 2} AND day BETWEEN $${n - 1}::date AND $${n}::date ${condition}`;
  });
  if (scans.length === 0) return [NO_SUMS, []];
  return [sumsPerUnitAndYear(scans.join(' UNION ALL '), PER_UNIT_TALLIES, 'extract(year FROM day)::int'), params];
}

/**
 * Pairs with both days in the period: for each part of the first day and each part (not earlier) of
 * the second, one range scan of the primary key (metric, grains, first day); summed per unit and per
 * year (`PairSum`), where a pair counts within a year when both its days fall in it.
 */
function pairsSql(parts: readonly PeriodPart[], units: readonly string[] | null): [string, unknown[]] {
  const { params: first, condition } = unitsParam(units);
  const params: unknown[] = [...first, ['cohort', 'ended', 'aid', 'aid_person', 'visit'] satisfies PairMetric[]];
  const scans: string[] = [];
  parts.forEach((a, i) => parts.slice(i).forEach((b) => {
    params.push(a.grain, b.grain, a.from, a.to, b.from, b.to);
    const n = params.length - 5;
    scans.push(`SELECT metric, key, unit_id, a, b, n FROM hardship_pairs
      WHERE metric = ANY($2) AND a_grain = $${n} AND b_grain = $${n + 1} AND a BETWEEN $${n + 2}::date AND $${n + 3}::date AND b BETWEEN $${n + 4}::date AND $${n + 5}::date ${condition}`);
  }));
  if (scans.length === 0) return [NO_SUMS, []];
  return [sumsPerUnitAndYear(scans.join(' UNION ALL '), PER_UNIT_PAIRS, 'CASE WHEN extract(year FROM a) = extract(year FROM b) THEN extract(year FROM a)::int END'), params];
}

const MOVED_ENDINGS_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, fact AS key, file_id AS item FROM hardship_standing
   WHERE moved AND fact IN ('lifted', 'relieved', 'cancelled', 'relapsed') AND on_date BETWEEN $2 AND $3 AND ${TALLY_UNITS}`;

const MOVED_AID_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, aid_type AS key, file_id AS item FROM hardship_aid
   WHERE moved AND voided_at IS NULL AND on_date BETWEEN $2 AND $3 AND ${TALLY_UNITS}`;

/** One row per person a moved file's delivery reached: the person is the file and the place in its household. */
const MOVED_PERSONS_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, aid_type AS key, file_id || ':' || p AS item FROM hardship_aid CROSS JOIN LATERAL unnest(reached) AS r(p)
   WHERE moved AND voided_at IS NULL AND on_date BETWEEN $2 AND $3 AND ${TALLY_UNITS}`;

const MOVED_VISITS_SQL = `
  SELECT unit_id, extract(year FROM on_date)::int AS year, kind AS key, file_id AS item FROM hardship_visits
   WHERE moved AND on_date BETWEEN $2 AND $3 AND ${TALLY_UNITS}`;
