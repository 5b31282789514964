/**
 * What one hardship file adds to the running tallies the current figures are read from
 * (docs/figures.md "Hardship files", "How the current figures are kept"). Pure, so the projection
 * writes the difference a batch makes (after − before) and the tests can state the rule directly.
 *
 * Two kinds of entry:
 * - a tally: `n` on one day (registrations, active-file deltas, endings, relapses, aid);
 * - a pair: `n` for two days `a ≤ b`. A figure "within [from, to]" of pairs counts those with both
 *   days in the period. Pairs carry the cohort (a = registration day, b = the day the file came to
 *   a standing) and the repeats that make distinct counts: for each ending or aid delivery after the
 *   first of its kind, (the previous one's day, its day). Distinct files in a period = events in it −
 *   repeats with both days in it.
 *
 * Repeats are kept only for files never moved between units (all their events are in one unit); the
 * few moved files are counted from their own rows, which carry `moved`.
 */
import { timelineOf, type StandingFact } from './hardship-timeline.js';

export interface AidDeliveryRow {
  readonly deliveryId: string;
  readonly type: string;
  readonly amount: number;
  readonly onDate: string;
  /** The unit keeping the file on the delivery's day. */
  readonly unitId: string;
}

export interface FileFigures {
  readonly facts: readonly StandingFact[];
  readonly causes: readonly string[];
  /** Deliveries not reversed. */
  readonly deliveries: readonly AidDeliveryRow[];
}

export type TallyMetric = 'registered' | 'active' | 'ended' | 'relapsed' | 'aid_amount' | 'aid_deliveries';
export type PairMetric = 'cohort' | 'ended' | 'aid';

export interface Tally { readonly metric: TallyMetric; readonly key: string; readonly unitId: string; readonly day: string; readonly n: number }
export interface Pair { readonly metric: PairMetric; readonly key: string; readonly unitId: string; readonly a: string; readonly b: string; readonly n: number }

const ENDINGS = new Set(['lifted', 'relieved', 'cancelled']);
/** The key of the all-types aid chain (households reached by any aid). */
export const ANY_AID = '*';

/** Whether the file was ever kept by more than one unit. */
export function isMoved(file: FileFigures): boolean {
  return file.facts.some((f) => f.fact === 'moved') || new Set(file.deliveries.map((d) => d.unitId)).size > 1;
}

export function tallyKeys(level: string | null, causes: readonly string[]): string[] {
  return ['', ...(level === null ? [] : [`level:${level}`]), ...causes.map((cause) => `cause:${cause}`)];
}

export function fileTallies(file: FileFigures): { tallies: Tally[]; pairs: Pair[] } {
  const tallies: Tally[] = [];
  const pairs: Pair[] = [];
  const segments = timelineOf(file.facts);
  const first = segments.find((s) => s.first);
  if (first) {
    for (const key of tallyKeys(first.level, file.causes)) tallies.push({ metric: 'registered', key, unitId: first.unitId, day: first.validFrom, n: 1 });
  }
  for (const s of segments) {
    if (s.standing === 'active') {
      for (const key of tallyKeys(s.level, file.causes)) {
        tallies.push({ metric: 'active', key, unitId: s.unitId, day: s.validFrom, n: 1 });
        if (s.validTo !== null) tallies.push({ metric: 'active', key, unitId: s.unitId, day: s.validTo, n: -1 });
      }
    }
    pairs.push({ metric: 'cohort', key: s.standing, unitId: first!.unitId, a: first!.validFrom, b: s.validFrom, n: 1 });
    if (s.validTo !== null) pairs.push({ metric: 'cohort', key: s.standing, unitId: first!.unitId, a: first!.validFrom, b: s.validTo, n: -1 });
  }
  const moved = isMoved(file);
  const ordered = [...file.facts].sort((x, y) => (x.onDate === y.onDate ? x.seq - y.seq : x.onDate < y.onDate ? -1 : 1));
  const previousEnding = new Map<string, string>();
  for (const f of ordered) {
    if (f.fact === 'relapsed') tallies.push({ metric: 'relapsed', key: '', unitId: f.unitId, day: f.onDate, n: 1 });
    if (!ENDINGS.has(f.fact)) continue;
    tallies.push({ metric: 'ended', key: f.fact, unitId: f.unitId, day: f.onDate, n: 1 });
    const previous = previousEnding.get(f.fact);
    if (previous !== undefined && !moved) pairs.push({ metric: 'ended', key: f.fact, unitId: f.unitId, a: previous, b: f.onDate, n: 1 });
    previousEnding.set(f.fact, f.onDate);
  }
  const deliveries = [...file.deliveries].sort((x, y) => x.onDate.localeCompare(y.onDate));
  const previousDelivery = new Map<string, string>();
  for (const d of deliveries) {
    tallies.push({ metric: 'aid_amount', key: d.type, unitId: d.unitId, day: d.onDate, n: d.amount });
    tallies.push({ metric: 'aid_deliveries', key: d.type, unitId: d.unitId, day: d.onDate, n: 1 });
    for (const key of [d.type, ANY_AID]) {
      const previous = previousDelivery.get(key);
      if (previous !== undefined && !moved) pairs.push({ metric: 'aid', key, unitId: d.unitId, a: previous, b: d.onDate, n: 1 });
      previousDelivery.set(key, d.onDate);
    }
  }
  return { tallies, pairs };
}

const yearOf = (day: string) => `${day.slice(0, 4)}-01-01`;

/** A tally row: on one day (grain `d`), within its month (grain `m`, dated the 1st) and within its year (grain `y`, dated 1 January). */
export interface TallyRow { readonly grain: 'd' | 'm' | 'y'; readonly day: string; readonly metric: string; readonly key: string; readonly unitId: string; n: number }
export interface PairRow { readonly aGrain: 'd' | 'y'; readonly a: string; readonly bGrain: 'd' | 'y'; readonly b: string; readonly metric: string; readonly key: string; readonly unitId: string; n: number }

/**
 * The rows `after` adds and `before` takes away, at both grains, summed per row and without zeros:
 * what a batch writes for the files it touched.
 */
export function tallyRowsOf(changes: readonly { before: ReturnType<typeof fileTallies>; after: ReturnType<typeof fileTallies> }[]): { tallies: TallyRow[]; pairs: PairRow[] } {
  const tallies = new Map<string, TallyRow>();
  const pairs = new Map<string, PairRow>();
  const addTally = (t: Tally, sign: number) => {
    for (const [grain, day] of [['d', t.day], ['m', `${t.day.slice(0, 7)}-01`], ['y', yearOf(t.day)]] as const) {
      const id = [grain, day, t.metric, t.key, t.unitId].join('|');
      const row = tallies.get(id) ?? tallies.set(id, { grain, day, metric: t.metric, key: t.key, unitId: t.unitId, n: 0 }).get(id)!;
      row.n += sign * t.n;
    }
  };
  const addPair = (p: Pair, sign: number) => {
    for (const [aGrain, a] of [['d', p.a], ['y', yearOf(p.a)]] as const) {
      for (const [bGrain, b] of [['d', p.b], ['y', yearOf(p.b)]] as const) {
        const id = [aGrain, a, bGrain, b, p.metric, p.key, p.unitId].join('|');
        const row = pairs.get(id) ?? pairs.set(id, { aGrain, a, bGrain, b, metric: p.metric, key: p.key, unitId: p.unitId, n: 0 }).get(id)!;
        row.n += sign * p.n;
      }
    }
  };
  for (const { before, after } of changes) {
    before.tallies.forEach((t) => addTally(t, -1));
    after.tallies.forEach((t) => addTally(t, 1));
    before.pairs.forEach((p) => addPair(p, -1));
    after.pairs.forEach((p) => addPair(p, 1));
  }
  return { tallies: [...tallies.values()].filter((r) => r.n !== 0), pairs: [...pairs.values()].filter((r) => r.n !== 0) };
}

/**
 * A period of days as the whole years inside it, the whole months left at either end (when asked)
 * and the days left after those, in date order; so a sum over it reads few rows whatever its length:
 * `y` rows (dated 1 January) for whole years, `m` rows (dated the 1st) for whole months, `d` rows
 * for the rest.
 */
export interface PeriodPart { readonly grain: 'd' | 'm' | 'y'; readonly from: string; readonly to: string }

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthStart = (index: number) => `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const lastDayOf = (index: number) => new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).toISOString().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function periodParts(from: string, to: string, options: { months: boolean } = { months: true }): PeriodPart[] {
  if (from > to) return [];
  if (!options.months) {
    const fromYear = Number(from.slice(0, 4));
    const toYear = Number(to.slice(0, 4));
    const firstFull = from.slice(5) === '01-01' ? fromYear : fromYear + 1;
    const lastFull = to.slice(5) === '12-31' ? toYear : toYear - 1;
    if (firstFull > lastFull) return [{ grain: 'd', from, to }];
    return [
      ...(firstFull !== fromYear ? [{ grain: 'd' as const, from, to: `${pad(fromYear, 4)}-12-31` }] : []),
      { grain: 'y', from: `${pad(firstFull, 4)}-01-01`, to: `${pad(lastFull, 4)}-01-01` },
      ...(lastFull !== toYear ? [{ grain: 'd' as const, from: `${pad(toYear, 4)}-01-01`, to }] : []),
    ];
  }
  const firstMonth = from.slice(8) === '01' ? monthIndex(from) : monthIndex(from) + 1;
  const lastMonth = to === lastDayOf(monthIndex(to)) ? monthIndex(to) : monthIndex(to) - 1;
  if (firstMonth > lastMonth) return [{ grain: 'd', from, to }];
  const parts: PeriodPart[] = [];
  if (monthStart(firstMonth) > from) parts.push({ grain: 'd', from, to: dayBefore(monthStart(firstMonth)) });
  const firstYear = Math.ceil(firstMonth / 12);
  const lastYear = Math.floor((lastMonth + 1) / 12) - 1;
  if (firstYear > lastYear) parts.push({ grain: 'm', from: monthStart(firstMonth), to: monthStart(lastMonth) });
  else {
    if (firstMonth < firstYear * 12) parts.push({ grain: 'm', from: monthStart(firstMonth), to: monthStart(firstYear * 12 - 1) });
    parts.push({ grain: 'y', from: `${pad(firstYear, 4)}-01-01`, to: `${pad(lastYear, 4)}-01-01` });
    if (lastMonth > lastYear * 12 + 11) parts.push({ grain: 'm', from: monthStart((lastYear + 1) * 12), to: monthStart(lastMonth) });
  }
  if (lastDayOf(lastMonth) < to) parts.push({ grain: 'd', from: monthStart(lastMonth + 1), to });
  return parts;
}
