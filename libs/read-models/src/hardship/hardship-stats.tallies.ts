/**
 * The current hardship figures read from the running tallies and pairs (`fileTallies`), in time that
 * does not grow with the number of files; distinct counts of files ever moved come from their own rows.
 */
import type { DataSource } from 'typeorm';
import { ANY_AID, periodParts, type PairMetric, type PeriodPart, type TallyMetric } from './hardship-tallies.js';
import type { AidRow, Assembled, FactRow, HardshipStatsQuery, VisitFigureRow } from './hardship-stats.inputs.js';

type TallySum = { metric: TallyMetric; key: string; unit_id: string; year: number; n: string };
type PairSum = { metric: PairMetric; key: string; unit_id: string; year: number | null; n: string };
type MovedRow = { unit_id: string; year: number; key: string; item: string };

export async function fromTallies(dataSource: DataSource, query: HardshipStatsQuery): Promise<Assembled> {
  const units = query.unitIds ?? null;
  const period = periodParts(query.from, query.to);
  const [inPeriod, atEnd, pairs, movedEndings, movedAid, movedPersons, movedVisits] = await Promise.all([
    dataSource.query(...tallySql(['registered', 'ended', 'relapsed', 'aid_amount', 'aid_deliveries', 'aid_persons', 'visits'], period, units)) as Promise<TallySum[]>,
    dataSource.query(...tallySql(['registered', 'active'], periodParts(EARLIEST_DAY, query.to), units)) as Promise<TallySum[]>,
    dataSource.query(...pairsSql(periodParts(query.from, query.to, { months: false }), units)) as Promise<PairSum[]>,
    dataSource.query(MOVED_ENDINGS_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
    dataSource.query(MOVED_AID_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
    dataSource.query(MOVED_PERSONS_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
    dataSource.query(MOVED_VISITS_SQL, [units, query.from, query.to]) as Promise<MovedRow[]>,
  ]);
  const sum = <R extends { n: string }>(rows: readonly R[], where: (row: R) => boolean) => rows.reduce((total, row) => (where(row) ? total + Number(row.n) : total), 0);
  const group = <R, K>(rows: readonly R[], keyOf: (row: R) => K) => [...new Set(rows.map(keyOf))];
  /** Distinct items among moved files' rows minus their rows: what their events over-count. */
  const movedExcess = (rows: readonly MovedRow[]) => new Set(rows.map((r) => r.item)).size - rows.length;
  type Where = (row: { unit_id: string; year: number | null; key: string }) => boolean;
  /** Distinct items in the period: events − repeats with both days in it − what moved files' rows over-count. */
  const distinct = (events: readonly TallySum[], repeats: readonly PairSum[], moved: readonly MovedRow[], where: Where, repeatWhere: Where = where) =>
    sum(events, where) - sum(repeats, repeatWhere) + movedExcess(moved.filter(where));

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
  for (const fact of ['lifted', 'relieved', 'cancelled', 'relapsed'] as const) {
    const events = inPeriod.filter((r) => (fact === 'relapsed' ? r.metric === 'relapsed' : r.metric === 'ended' && r.key === fact));
    const repeats = pairs.filter((r) => r.metric === 'ended' && r.key === fact);
    const moved = movedEndings.filter((r) => r.key === fact);
    const row = (unitId: string | null, year: number | null, where: Where): FactRow => ({ unit_id: unitId, year, fact, files: distinct(events, repeats, moved, where), n: sum(events, where) });
    for (const unitId of group(events, (r) => r.unit_id)) facts.push(row(unitId, null, (r) => r.unit_id === unitId));
    for (const y of group(events, (r) => r.year)) facts.push(row(null, y, (r) => r.year === y));
    facts.push(row(null, null, () => true));
  }

  const aid: AidRow[] = [];
  const amounts = inPeriod.filter((r) => r.metric === 'aid_amount');
  const deliveries = inPeriod.filter((r) => r.metric === 'aid_deliveries');
  const persons = inPeriod.filter((r) => r.metric === 'aid_persons');
  const aidRepeats = pairs.filter((r) => r.metric === 'aid');
  const personRepeats = pairs.filter((r) => r.metric === 'aid_person');
  for (const type of group(deliveries, (r) => r.key)) {
    const where: Where = (r) => r.key === type;
    aid.push({
      year: null, type, amount: sum(amounts, where), deliveries: sum(deliveries, where), households: distinct(deliveries, aidRepeats, movedAid, where),
      personsReached: sum(persons, where), distinctPersons: distinct(persons, personRepeats, movedPersons, where),
    });
  }
  for (const y of group(deliveries, (r) => r.year)) {
    const where: Where = (r) => r.year === y;
    const anyInYear: Where = (r) => r.key === ANY_AID && r.year === y;
    aid.push({
      year: y, type: null, amount: sum(amounts, where), deliveries: sum(deliveries, where), households: distinct(deliveries, aidRepeats, movedAid, where, anyInYear),
      personsReached: sum(persons, where), distinctPersons: distinct(persons, personRepeats, movedPersons, where, anyInYear),
    });
  }

  const visits: VisitFigureRow[] = [];
  const visitEvents = inPeriod.filter((r) => r.metric === 'visits');
  const visitRepeats = pairs.filter((r) => r.metric === 'visit');
  for (const kind of group(visitEvents, (r) => r.key)) {
    const where: Where = (r) => r.key === kind;
    visits.push({ year: null, kind, visits: sum(visitEvents, where), households: distinct(visitEvents, visitRepeats, movedVisits, where) });
  }
  for (const y of group(visitEvents, (r) => r.year)) {
    visits.push({ year: y, kind: null, visits: sum(visitEvents, (r) => r.year === y), households: distinct(visitEvents, visitRepeats, movedVisits, (r) => r.year === y, (r) => r.key === ANY_AID && r.year === y) });
  }
  visits.push({ year: null, kind: null, visits: sum(visitEvents, () => true), households: distinct(visitEvents, visitRepeats, movedVisits, () => true, (r) => r.key === ANY_AID) });

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
    visits,
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
  const params: unknown[] = [...first, ['cohort', 'ended', 'aid', 'aid_person', 'visit'] satisfies PairMetric[]];
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
