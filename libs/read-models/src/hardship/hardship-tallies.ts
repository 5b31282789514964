/**
 * What one hardship file adds to the running tallies the current figures are read from
 * (docs/figures.md "Hardship files", "How the current figures are kept"). Pure, so the projection
 * writes the difference a batch makes (after − before) and the tests can state the rule directly.
 *
 * Two kinds of entry:
 * - a tally: `n` on one day (registrations, active-file deltas, endings, relapses, aid amounts,
 *   deliveries and persons reached, visits);
 * - a pair: `n` for two days `a ≤ b`. A figure "within [from, to]" of pairs counts those with both
 *   days in the period. Pairs carry the cohort (a = registration day, b = the day the file came to
 *   a standing) and the repeats that make distinct counts: along each chain (endings or relapses of a
 *   kind, deliveries of a type, deliveries reaching one member, visits of a kind), for each event
 *   after the first, (the previous one's day, its day). Distinct items in a period = events in it −
 *   repeats with both days in it.
 *
 * Repeats are kept only for files never kept by more than one unit (all their events are in one
 * unit); the few moved files are counted from their own rows, which carry `moved`.
 */
import { timelineOf, type StandingFact } from './hardship-timeline.js';

export interface AidDeliveryRow {
  readonly deliveryId: string;
  readonly type: string;
  readonly amount: number;
  readonly onDate: string;
  /** The unit keeping the file on the delivery's day. */
  readonly unitId: string;
  /** The household members it reached, by their place in the household (0 the head). */
  readonly reached: readonly number[];
}

/** 入户核查 before registration, 走访慰问, and the follow-up check-ins after a lift-out. */
export type VisitKind = 'verification' | 'family' | 'follow_up';

export interface VisitRow {
  /** The event's stream revision: one visit per event. */
  readonly seq: number;
  readonly kind: VisitKind;
  readonly onDate: string;
  /** The unit keeping the file on the visit's day. */
  readonly unitId: string;
}

export interface FileFigures {
  readonly facts: readonly StandingFact[];
  readonly causes: readonly string[];
  /** Deliveries not reversed. */
  readonly deliveries: readonly AidDeliveryRow[];
  readonly visits: readonly VisitRow[];
}

export type TallyMetric = 'registered' | 'active' | 'ended' | 'relapsed' | 'aid_amount' | 'aid_deliveries' | 'aid_persons' | 'visits';
export type PairMetric = 'cohort' | 'ended' | 'aid' | 'aid_person' | 'visit';

export interface Tally { readonly metric: TallyMetric; readonly key: string; readonly unitId: string; readonly day: string; readonly n: number }
export interface Pair { readonly metric: PairMetric; readonly key: string; readonly unitId: string; readonly a: string; readonly b: string; readonly n: number }

/** Facts whose distinct files are counted (endings, and relapses as households), keyed by the fact. */
const DISTINCT_FACTS = new Set(['lifted', 'relieved', 'cancelled', 'relapsed']);
/** The key of the all-types chains (households or persons reached by any aid, households visited in any way). */
export const ANY_AID = '*';

/** Whether the file was ever kept by more than one unit. */
export function isMoved(file: FileFigures): boolean {
  return file.facts.some((f) => f.fact === 'moved') || new Set([...file.deliveries, ...file.visits].map((d) => d.unitId)).size > 1;
}

export function tallyKeys(level: string | null, causes: readonly string[]): string[] {
  return ['', ...(level === null ? [] : [`level:${level}`]), ...causes.map((cause) => `cause:${cause}`)];
}

/**
 * Repeats for distinct counts: along each chain (same key), every event after the first is a pair
 * (the previous one's day, its day). Kept only for files never moved.
 */
function repeats(pairs: Pair[], metric: PairMetric, events: readonly { chains: readonly string[]; key: string; unitId: string; onDate: string }[], moved: boolean): void {
  if (moved) return;
  const previous = new Map<string, string>();
  for (const e of events) {
    for (const chain of e.chains) {
      const before = previous.get(chain);
      if (before !== undefined) pairs.push({ metric, key: chain.split('|')[0], unitId: e.unitId, a: before, b: e.onDate, n: 1 });
      previous.set(chain, e.onDate);
    }
  }
}

export function fileTallies(file: FileFigures): { tallies: Tally[]; pairs: Pair[] } {
  const tallies: Tally[] = [];
  const pairs: Pair[] = [];
  const segments = timelineOf(file.facts);
  const first = segments.find((s) => s.first);
  if (first) {
    for (const key of tallyKeys(first.registration!.level, file.causes)) tallies.push({ metric: 'registered', key, unitId: first.registration!.unitId, day: first.validFrom, n: 1 });
  }
  for (const s of segments) {
    if (s.standing === 'active') {
      for (const key of tallyKeys(s.level, file.causes)) {
        tallies.push({ metric: 'active', key, unitId: s.unitId, day: s.validFrom, n: 1 });
        if (s.validTo !== null) tallies.push({ metric: 'active', key, unitId: s.unitId, day: s.validTo, n: -1 });
      }
    }
    pairs.push({ metric: 'cohort', key: s.standing, unitId: first!.registration!.unitId, a: first!.validFrom, b: s.validFrom, n: 1 });
    if (s.validTo !== null) pairs.push({ metric: 'cohort', key: s.standing, unitId: first!.registration!.unitId, a: first!.validFrom, b: s.validTo, n: -1 });
  }
  const moved = isMoved(file);
  // Endings and relapses as the file's facts hold them (placed on their day, never before the registration).
  const counted = first ? [...file.facts].filter((f) => DISTINCT_FACTS.has(f.fact)).sort((x, y) => (x.onDate === y.onDate ? x.seq - y.seq : x.onDate < y.onDate ? -1 : 1)) : [];
  for (const f of counted) tallies.push({ metric: f.fact === 'relapsed' ? 'relapsed' : 'ended', key: f.fact === 'relapsed' ? '' : f.fact, unitId: f.unitId, day: f.onDate, n: 1 });
  repeats(pairs, 'ended', counted.map((f) => ({ chains: [f.fact], key: f.fact, unitId: f.unitId, onDate: f.onDate })), moved);

  const deliveries = [...file.deliveries].sort((x, y) => x.onDate.localeCompare(y.onDate) || x.deliveryId.localeCompare(y.deliveryId));
  for (const d of deliveries) {
    tallies.push({ metric: 'aid_amount', key: d.type, unitId: d.unitId, day: d.onDate, n: d.amount });
    tallies.push({ metric: 'aid_deliveries', key: d.type, unitId: d.unitId, day: d.onDate, n: 1 });
    tallies.push({ metric: 'aid_persons', key: d.type, unitId: d.unitId, day: d.onDate, n: d.reached.length });
  }
  repeats(pairs, 'aid', deliveries.map((d) => ({ chains: [d.type, ANY_AID], key: d.type, unitId: d.unitId, onDate: d.onDate })), moved);
  repeats(pairs, 'aid_person', deliveries.map((d) => ({ chains: d.reached.flatMap((p) => [`${d.type}|${p}`, `${ANY_AID}|${p}`]), key: d.type, unitId: d.unitId, onDate: d.onDate })), moved);

  const visits = [...file.visits].sort((x, y) => x.onDate.localeCompare(y.onDate) || x.seq - y.seq);
  for (const v of visits) tallies.push({ metric: 'visits', key: v.kind, unitId: v.unitId, day: v.onDate, n: 1 });
  repeats(pairs, 'visit', visits.map((v) => ({ chains: [v.kind, ANY_AID], key: v.kind, unitId: v.unitId, onDate: v.onDate })), moved);
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
