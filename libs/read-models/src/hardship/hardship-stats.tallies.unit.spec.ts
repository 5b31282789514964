/**
 * The current hardship figures assembled from the sums SQL hands back (per unit over the period where a
 * figure is given per unit, per year over every unit) equal those worked out the straightforward way —
 * filter every (unit, year) row and sum, per group — on random rows.
 */
import { ANY_AID } from './hardship-tallies.js';
import { assembleTallies, type MovedRow, type PairSum, type TallySum } from './hardship-stats.tallies.js';
import type { AidRow, Assembled, FactRow, VisitFigureRow } from './hardship-stats.inputs.js';

/** A tally's or pair's sum for one unit and one year (a pair's year null when its days fall in different years). */
type FineRow = { metric: string; key: string; unit_id: string; year: number | null; n: string };
type Fine = { inPeriod: FineRow[]; atEnd: FineRow[]; pairs: FineRow[]; moved: { endings: MovedRow[]; aid: MovedRow[]; persons: MovedRow[]; visits: MovedRow[] } };

/** The figures from (unit, year) rows by filtering them again for each group: the assembly as it was first written. */
function reference({ inPeriod, atEnd, pairs, moved }: Fine): Assembled {
  const sum = (rows: readonly FineRow[], where: (row: FineRow) => boolean) => rows.reduce((total, row) => (where(row) ? total + Number(row.n) : total), 0);
  const group = <R, K>(rows: readonly R[], keyOf: (row: R) => K) => [...new Set(rows.map(keyOf))];
  const movedExcess = (rows: readonly MovedRow[]) => new Set(rows.map((r) => r.item)).size - rows.length;
  type Where = (row: { unit_id: string; year: number | null; key: string }) => boolean;
  const distinct = (events: readonly FineRow[], repeats: readonly FineRow[], movedRows: readonly MovedRow[], where: Where, repeatWhere: Where = where) =>
    sum(events, where) - sum(repeats, repeatWhere) + movedExcess(movedRows.filter(where));

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
    const movedRows = moved.endings.filter((r) => r.key === fact);
    const row = (unitId: string | null, year: number | null, where: Where): FactRow => ({ unit_id: unitId, year, fact, files: distinct(events, repeats, movedRows, where), n: sum(events, where) });
    for (const unitId of group(events, (r) => r.unit_id)) facts.push(row(unitId, null, (r) => r.unit_id === unitId));
    for (const y of group(events, (r) => r.year)) facts.push(row(null, y, (r) => r.year === y));
    facts.push(row(null, null, () => true));
  }

  const aid: AidRow[] = [];
  const of = (metric: string) => inPeriod.filter((r) => r.metric === metric);
  const [amounts, deliveries, persons] = [of('aid_amount'), of('aid_deliveries'), of('aid_persons')];
  const [aidRepeats, personRepeats] = [pairs.filter((r) => r.metric === 'aid'), pairs.filter((r) => r.metric === 'aid_person')];
  for (const type of group(deliveries, (r) => r.key)) {
    const where: Where = (r) => r.key === type;
    aid.push({
      year: null, type, amount: sum(amounts, where), deliveries: sum(deliveries, where), households: distinct(deliveries, aidRepeats, moved.aid, where),
      personsReached: sum(persons, where), distinctPersons: distinct(persons, personRepeats, moved.persons, where),
    });
  }
  for (const y of group(deliveries, (r) => r.year)) {
    const where: Where = (r) => r.year === y;
    const anyInYear: Where = (r) => r.key === ANY_AID && r.year === y;
    aid.push({
      year: y, type: null, amount: sum(amounts, where), deliveries: sum(deliveries, where), households: distinct(deliveries, aidRepeats, moved.aid, where, anyInYear),
      personsReached: sum(persons, where), distinctPersons: distinct(persons, personRepeats, moved.persons, where, anyInYear),
    });
  }

  const visits: VisitFigureRow[] = [];
  const visitEvents = of('visits');
  const visitRepeats = pairs.filter((r) => r.metric === 'visit');
  for (const kind of group(visitEvents, (r) => r.key)) {
    visits.push({ year: null, kind, visits: sum(visitEvents, (r) => r.key === kind), households: distinct(visitEvents, visitRepeats, moved.visits, (r) => r.key === kind) });
  }
  for (const y of group(visitEvents, (r) => r.year)) {
    visits.push({ year: y, kind: null, visits: sum(visitEvents, (r) => r.year === y), households: distinct(visitEvents, visitRepeats, moved.visits, (r) => r.year === y, (r) => r.key === ANY_AID && r.year === y) });
  }
  visits.push({ year: null, kind: null, visits: sum(visitEvents, () => true), households: distinct(visitEvents, visitRepeats, moved.visits, () => true, (r) => r.key === ANY_AID) });

  const cohort = (standing: string) => sum(pairs, (r) => r.metric === 'cohort' && r.key === standing);
  const registered = inPeriod.filter((r) => r.metric === 'registered' && r.key === '');
  return {
    counts: {
      registered: sum(registered, () => true),
      cumulative: sum(atEnd, (r) => r.metric === 'registered' && r.key === ''),
      registeredByYear: new Map(group(registered, (r) => r.year!).map((y) => [y, sum(registered, (r) => r.year === y)])),
      active: sum(atEnd, (r) => r.metric === 'active' && r.key === ''),
      cohort: { files: cohort('active') + cohort('lifted') + cohort('relieved') + cohort('cancelled'), active: cohort('active'), lifted: cohort('lifted'), relieved: cohort('relieved'), cancelled: cohort('cancelled') },
    },
    breakdowns, facts, aid, visits,
  };
}

/** What the statements' GROUPING SETS hand back for (unit, year) rows: per unit where `perUnit` holds, and per year over every unit. */
function grouped<R extends TallySum | PairSum>(rows: readonly FineRow[], perUnit: (row: FineRow) => boolean): R[] {
  const sums = new Map<string, R>();
  const add = (row: FineRow, unitId: string | null, year: number | null) => {
    const id = JSON.stringify([row.metric, row.key, unitId, year]);
    const sum = sums.get(id) ?? sums.set(id, { metric: row.metric, key: row.key, unit_id: unitId, year, n: '0' } as R).get(id)!;
    sum.n = String(Number(sum.n) + Number(row.n));
  };
  for (const row of rows) {
    if (perUnit(row)) add(row, row.unit_id, null);
    add(row, null, row.year);
  }
  return [...sums.values()];
}

const perUnitTally = (r: FineRow) => r.metric === 'ended' || r.metric === 'relapsed' || (r.key === '' && (r.metric === 'registered' || r.metric === 'active'));

function randomRows(seed: number): Fine {
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const units = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => `4101${String(i).padStart(2, '0')}`);
  const years = [2019, 2020, 2021, 2022];
  const fine = (metric: string, keys: readonly string[], withYearless = false, chance = 0.6): FineRow[] =>
    keys.flatMap((key) => units.flatMap((unit_id) => [...years, ...(withYearless ? [null] : [])]
      .filter(() => random() < chance)
      .map((year) => ({ metric, key, unit_id, year, n: String(1 + Math.floor(random() * (metric === 'aid_amount' ? 5_000_000 : 40))) }))));
  const registeredKeys = ['', 'level:deep', 'level:relative', 'cause:illness', 'cause:disability'];
  const types = ['living', 'school', 'medical'];
  const kinds = ['verification', 'family', 'follow_up'];
  const movedRows = (keys: readonly string[]) => Array.from({ length: Math.floor(random() * 30) }, () => ({ unit_id: pick(units), year: pick(years), key: pick(keys), item: `f${Math.floor(random() * 12)}` }));
  return {
    inPeriod: [
      ...fine('registered', registeredKeys), ...fine('ended', ['lifted', 'relieved', 'cancelled']), ...fine('relapsed', ['']),
      ...fine('aid_amount', types), ...fine('aid_deliveries', types), ...fine('aid_persons', types), ...fine('visits', kinds),
    ],
    atEnd: [...fine('registered', registeredKeys, false, 0.8), ...fine('active', registeredKeys, false, 0.8)],
    pairs: [
      ...fine('cohort', ['active', 'lifted', 'relieved', 'cancelled'], true, 0.3), ...fine('ended', ['lifted', 'relieved', 'cancelled', 'relapsed'], true, 0.3),
      ...fine('aid', [...types, ANY_AID], true, 0.3), ...fine('aid_person', [...types, ANY_AID], true, 0.3), ...fine('visit', [...kinds, ANY_AID], true, 0.3),
    ],
    moved: { endings: movedRows(['lifted', 'relieved', 'cancelled', 'relapsed']), aid: movedRows(types), persons: movedRows(types), visits: movedRows(kinds) },
  };
}

/** Rows in a fixed order, so that two assemblies compare by what they hold. */
function normalised(assembled: Assembled) {
  const order = (rows: readonly object[]) => [...rows].map((r) => JSON.stringify(r)).sort();
  return { ...assembled, counts: { ...assembled.counts, registeredByYear: [...assembled.counts.registeredByYear].sort() }, facts: order(assembled.facts), aid: order(assembled.aid), visits: order(assembled.visits) };
}

describe('assembleTallies', () => {
  it('works out every figure from the sums per unit and per year as filtering every (unit, year) row does', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rows = randomRows(seed);
      const assembled = assembleTallies({
        inPeriod: grouped(rows.inPeriod, perUnitTally), atEnd: grouped(rows.atEnd, perUnitTally), pairs: grouped(rows.pairs, (r) => r.metric === 'ended'), moved: rows.moved,
      });
      expect(normalised(assembled)).toEqual(normalised(reference(rows)));
    }
  });

  it('counts a moved file once in a group however many of its rows fall there', () => {
    const moved = (unit_id: string, year: number, item: string): MovedRow => ({ unit_id, year, key: 'lifted', item });
    const assembled = assembleTallies({
      inPeriod: [
        { metric: 'ended', key: 'lifted', unit_id: 'A', year: null, n: '3' }, { metric: 'ended', key: 'lifted', unit_id: 'B', year: null, n: '1' },
        { metric: 'ended', key: 'lifted', unit_id: null, year: 2021, n: '2' }, { metric: 'ended', key: 'lifted', unit_id: null, year: 2022, n: '2' },
      ],
      atEnd: [],
      // One file not moved, lifted in A twice across the years.
      pairs: [{ metric: 'ended', key: 'lifted', unit_id: 'A', year: null, n: '1' }, { metric: 'ended', key: 'lifted', unit_id: null, year: null, n: '1' }],
      // One moved file lifted in A in 2021 and in B in 2022.
      moved: { endings: [moved('A', 2021, 'f1'), moved('B', 2022, 'f1')], aid: [], persons: [], visits: [] },
    });
    const lifted = (unitId: string | null, year: number | null) => assembled.facts.find((f) => f.fact === 'lifted' && f.unit_id === unitId && f.year === year);
    expect(lifted(null, null)).toEqual({ unit_id: null, year: null, fact: 'lifted', files: 2, n: 4 });
    expect(lifted('A', null)).toMatchObject({ files: 2, n: 3 });
    expect(lifted('B', null)).toMatchObject({ files: 1, n: 1 });
    expect(lifted(null, 2021)).toMatchObject({ files: 2, n: 2 });
  });
});
