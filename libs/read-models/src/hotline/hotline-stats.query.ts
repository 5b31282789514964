import type { DataSource } from 'typeorm';
import { CATEGORIES, CHANNELS } from '#hotline';
import { shanghaiPeriod } from '../shanghai-period.js';
import { calendarSegments } from '../calendar-segments.js';
import { talliesAnswer } from '../standing-checkpoint.js';
import { HOTLINE_FIGURES } from './hotline-figures.schema.js';
import { ALL_UNITS, UNCLASSIFIED } from './hotline-tallies.js';

export interface HotlineStatsQuery {
  readonly from: string;
  readonly to: string;
  /** The unit and its descendants; absent: every unit. */
  readonly unitIds?: readonly string[];
  /** The figures as they stood at this instant (only what had been recorded by then). */
  readonly asOf: Date;
  readonly unitName: (id: string) => string;
}

export interface Breakdown {
  readonly code: string;
  readonly label: string;
  readonly count: number;
}

export interface HotlineStats {
  readonly received: { total: number; byCategory: Breakdown[]; byChannel: Breakdown[]; byUnit: Breakdown[] };
  readonly signFor: { signedFor: number; onTime: number; rate: number | null };
  readonly firstContact: { contacts: number; onTime: number; rate: number | null };
  readonly resolution: { resolved: number; onTime: number; rate: number | null };
  readonly followUp: { followUps: number; onTime: number; rate: number | null };
  readonly satisfaction: { reached: number; satisfied: number; basicallySatisfied: number; dissatisfied: number; rate: number | null };
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The projections these figures are read from: while any has parked events, the figures say they are incomplete. */
export const HOTLINE_STATS_PROJECTIONS: readonly string[] = [HOTLINE_FIGURES.name];

/**
 * The complaints received in the period ($1, $2) as recorded by $3, each with its channel, the unit
 * responsible for it at the period's end and its category as recorded by $3. The unit responsible is
 * the unit of its last assignment, hand-down or reopening before the period's end, or of the unit its
 * last return sent it back to (the one that handed it down, else the receiving unit); with none of
 * these, the unit that received it. Both "last" facts are found for all the period's complaints at
 * once (a join), not by a lookup per complaint: a ten-year period holds most of the complaints.
 */
const RECEIVED_IN_PERIOD = `
  received AS (
    SELECT r.complaint_id, r.unit_id, c.channel
      FROM hotline_facts r JOIN hotline_complaints c ON c.complaint_id = r.complaint_id
     WHERE r.fact = 'received' AND r.occurred_at >= $1 AND r.occurred_at < $2 AND r.recorded_at <= $3
  ), last_move AS (
    SELECT DISTINCT ON (m.complaint_id) m.complaint_id, m.unit_id FROM hotline_facts m
     WHERE m.complaint_id IN (SELECT complaint_id FROM received)
       AND m.fact IN ('assigned', 'returned', 'reopened') AND m.occurred_at < $2 AND m.recorded_at <= $3
     ORDER BY m.complaint_id, m.revision DESC
  ), last_category AS (
    SELECT DISTINCT ON (k.complaint_id) k.complaint_id, k.category FROM hotline_facts k
     WHERE k.complaint_id IN (SELECT complaint_id FROM received) AND k.fact = 'classified' AND k.recorded_at <= $3
     ORDER BY k.complaint_id, k.revision DESC
  ), counted AS (
    SELECT r.channel, coalesce(m.unit_id, r.unit_id) AS unit_id, k.category
      FROM received r LEFT JOIN last_move m ON m.complaint_id = r.complaint_id LEFT JOIN last_category k ON k.complaint_id = r.complaint_id
  )`;

/** The counts the figures are made of, however they were read. */
interface HotlineCounts {
  /** The complaints received, by category, by channel and by unit responsible. */
  readonly received: { readonly byCategory: Counter; readonly byChannel: Counter; readonly byUnit: Counter };
  readonly steps: Readonly<Record<StepMetric, number>>;
}

/** Counts by code (`Map`, never a plain object: codes come from the data). */
class Counter extends Map<string, number> {
  add(code: string, n: number): void {
    this.set(code, (this.get(code) ?? 0) + n);
  }
}

const STEP_METRICS = [
  'signed_for', 'signed_for_on_time', 'contacts', 'contacts_on_time', 'resolved', 'resolved_on_time',
  'follow_ups', 'follow_ups_on_time', 'reached', 'satisfied', 'basically_satisfied', 'dissatisfied',
] as const;
type StepMetric = (typeof STEP_METRICS)[number];

/**
 * The hotline figures (docs/figures.md "Hotline"). A complaint received in the period counts once,
 * for the unit responsible for it at the period's end, under the category recorded by `asOf`; each
 * step counts for the unit that took it, on the day it was taken. Resolution counts each complaint
 * once, by its last resolution in the period, for the unit that made it. So a unit's own figures
 * and its children's add up to the unit's.
 *
 * When the projection has taken in nothing recorded after `asOf` (talliesAnswer), the figures are read
 * from the running tallies (hotline-tallies.ts), whose cost is bounded by the calendar and the units;
 * asked as of an earlier instant, or with `fromRows`, from the fact rows. Both give the same answer
 * (hotline-laws.int.spec.ts).
 */
export async function queryHotlineStats(dataSource: DataSource, query: HotlineStatsQuery, options: { fromRows?: boolean } = {}): Promise<HotlineStats> {
  const tallied = !options.fromRows && (await talliesAnswer(dataSource, HOTLINE_FIGURES, query.asOf)) && !(await anyIrregular(dataSource));
  const counts = tallied ? await countsFromTallies(dataSource, query) : await countsFromRows(dataSource, query);
  const steps = counts.steps;
  const breakdown = (counts: Counter, label: (code: string) => string): Breakdown[] =>
    [...counts].filter(([, count]) => count !== 0).map(([code, count]) => ({ code, label: label(code), count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const { byCategory, byChannel, byUnit } = counts.received;
  return {
    received: {
      total: [...byCategory.values()].reduce((sum, n) => sum + n, 0),
      byCategory: breakdown(byCategory, (code) => CATEGORIES.find((c) => c.code === code)?.label ?? '未分类'),
      byChannel: breakdown(byChannel, (code) => CHANNELS.find((c) => c.code === code)?.label ?? code),
      byUnit: breakdown(byUnit, query.unitName),
    },
    signFor: { signedFor: steps.signed_for, onTime: steps.signed_for_on_time, rate: rate(steps.signed_for_on_time, steps.signed_for) },
    firstContact: { contacts: steps.contacts, onTime: steps.contacts_on_time, rate: rate(steps.contacts_on_time, steps.contacts) },
    resolution: { resolved: steps.resolved, onTime: steps.resolved_on_time, rate: rate(steps.resolved_on_time, steps.resolved) },
    followUp: { followUps: steps.follow_ups, onTime: steps.follow_ups_on_time, rate: rate(steps.follow_ups_on_time, steps.follow_ups) },
    satisfaction: {
      reached: steps.reached,
      satisfied: steps.satisfied,
      basicallySatisfied: steps.basically_satisfied,
      dissatisfied: steps.dissatisfied,
      rate: rate(steps.satisfied + steps.basically_satisfied, steps.reached),
    },
  };
}

async function anyIrregular(dataSource: DataSource): Promise<boolean> {
  const [row]: { irregular: boolean }[] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM hotline_irregular) AS irregular');
  return row.irregular;
}

/**
 * From the tallies: the period's whole years, whole months and remaining days summed; then the
 * complaints still in flight at the period's end put back where they stood then — each move made
 * after the end undone, each resolution superseded after the end counted again. Asked for every unit
 * (no `unitIds`), the cells of all units together (`ALL_UNITS`) answer everything but "received by
 * unit", which a move between units does not change; so the rows read do not multiply by the units.
 */
async function countsFromTallies(dataSource: DataSource, query: HotlineStatsQuery): Promise<HotlineCounts> {
  const { years, months, days } = calendarSegments(query.from, query.to);
  const units = query.unitIds ? new Set(query.unitIds) : null;
  const inScope = (unitId: string) => units === null || units.has(unitId);
  const inPeriod = `((grain = 'y' AND period_start = ANY($1::date[])) OR (grain = 'm' AND period_start = ANY($2::date[])) OR (grain = 'd' AND period_start = ANY($3::date[])))`;
  const cells: { metric: string; code: string; unit_id: string; n: number }[] = await dataSource.query(
    query.unitIds
      ? `SELECT metric, code, unit_id, sum(n)::int AS n FROM hotline_tally WHERE ${inPeriod} AND unit_id = ANY($4::text[]) AND metric <> 'received' GROUP BY 1, 2, 3`
      : `SELECT metric, code, unit_id, sum(n)::int AS n FROM hotline_tally WHERE ${inPeriod} AND unit_id = '${ALL_UNITS}' GROUP BY 1, 2, 3
         UNION ALL
         SELECT metric, code, unit_id, sum(n)::int AS n FROM hotline_tally WHERE ${inPeriod} AND metric = 'received' GROUP BY 1, 2, 3`,
    query.unitIds ? [years, months, days, query.unitIds] : [years, months, days],
  );
  const lateMoves: { from_unit_id: string; to_unit_id: string; category: string; channel: string; n: number }[] = await dataSource.query(
    `SELECT l.from_unit_id, l.to_unit_id, coalesce(c.category, '${UNCLASSIFIED}') AS category, c.channel, count(*)::int AS n
       FROM hotline_late_moves l JOIN hotline_complaints c USING (complaint_id)
      WHERE daterange(l.received_on, l.moved_on) @> $2::date AND l.received_on >= $1::date
      GROUP BY 1, 2, 3, 4`,
    [query.from, query.to],
  );
  const superseded: { unit_id: string; on_time: boolean; n: number }[] = await dataSource.query(
    `SELECT unit_id, on_time, count(*)::int AS n FROM hotline_superseded_resolutions
      WHERE daterange(resolved_on, superseded_on) @> $2::date AND resolved_on >= $1::date AND ($3::text[] IS NULL OR unit_id = ANY($3))
      GROUP BY 1, 2`,
    [query.from, query.to, query.unitIds ?? null],
  );
  const received = { byCategory: new Counter(), byChannel: new Counter(), byUnit: new Counter() };
  const steps = Object.fromEntries(STEP_METRICS.map((metric) => [metric, 0])) as Record<StepMetric, number>;
  for (const cell of cells) {
    if (cell.metric === 'received') received.byUnit.add(cell.unit_id, cell.n);
    else if (cell.metric === 'received_by_category') {
      received.byCategory.add(cell.code, cell.n);
      if (units !== null) received.byUnit.add(cell.unit_id, cell.n);
    } else if (cell.metric === 'received_by_channel') received.byChannel.add(cell.code, cell.n);
    else if (cell.metric in steps) steps[cell.metric as StepMetric] += cell.n;
  }
  for (const move of lateMoves) {
    for (const [unitId, n] of [[move.to_unit_id, -move.n], [move.from_unit_id, move.n]] as const) {
      if (!inScope(unitId)) continue;
      received.byUnit.add(unitId, n);
      if (units === null) continue; // all units together: the move changes no category or channel count
      received.byCategory.add(move.category, n);
      received.byChannel.add(move.channel, n);
    }
  }
  for (const row of superseded) {
    steps.resolved += row.n;
    if (row.on_time) steps.resolved_on_time += row.n;
  }
  return { received, steps };
}

/** From the fact rows as recorded by `asOf`. */
async function countsFromRows(dataSource: DataSource, query: HotlineStatsQuery): Promise<HotlineCounts> {
  const { fromUtc, toUtcExclusive } = shanghaiPeriod(query.from, query.to);
  const params = [fromUtc, toUtcExclusive, query.asOf, query.unitIds ?? null];
  const received: { category: string | null; channel: string; unit_id: string; n: number }[] = await dataSource.query(
    `WITH ${RECEIVED_IN_PERIOD}
     SELECT category, channel, unit_id, count(*)::int AS n FROM counted
      WHERE $4::text[] IS NULL OR unit_id = ANY($4)
      GROUP BY 1, 2, 3`,
    params,
  );
  // One pass over the period's facts (each step's count a filter of it), and the last resolutions apart.
  const [steps] = await dataSource.query(
    `WITH period AS (
       SELECT complaint_id, revision, fact, unit_id, on_time, reached, satisfaction
         FROM hotline_facts WHERE occurred_at >= $1 AND occurred_at < $2 AND recorded_at <= $3
     ), last_resolution AS (
       SELECT * FROM (SELECT DISTINCT ON (complaint_id) unit_id, on_time FROM period WHERE fact = 'resolved' ORDER BY complaint_id, revision DESC) l
        WHERE $4::text[] IS NULL OR unit_id = ANY($4)
     ), resolutions AS (
       SELECT count(*)::int AS resolved, (count(*) FILTER (WHERE on_time))::int AS resolved_on_time FROM last_resolution
     ), mine AS (
       SELECT
         (count(*) FILTER (WHERE fact = 'signed_for'))::int AS signed_for,
         (count(*) FILTER (WHERE fact = 'signed_for' AND on_time))::int AS signed_for_on_time,
         (count(*) FILTER (WHERE fact = 'first_contact' AND on_time IS NOT NULL))::int AS contacts,
         (count(*) FILTER (WHERE fact = 'first_contact' AND on_time))::int AS contacts_on_time,
         (count(*) FILTER (WHERE fact = 'follow_up' AND on_time IS NOT NULL))::int AS follow_ups,
         (count(*) FILTER (WHERE fact = 'follow_up' AND on_time))::int AS follow_ups_on_time,
         (count(*) FILTER (WHERE fact = 'follow_up' AND reached))::int AS reached,
         (count(*) FILTER (WHERE fact = 'follow_up' AND reached AND satisfaction = 'satisfied'))::int AS satisfied,
         (count(*) FILTER (WHERE fact = 'follow_up' AND reached AND satisfaction = 'basically_satisfied'))::int AS basically_satisfied,
         (count(*) FILTER (WHERE fact = 'follow_up' AND reached AND satisfaction = 'dissatisfied'))::int AS dissatisfied
         FROM period WHERE $4::text[] IS NULL OR unit_id = ANY($4)
     )
     SELECT * FROM mine, resolutions`,
    params,
  );
  const counts = { byCategory: new Counter(), byChannel: new Counter(), byUnit: new Counter() };
  for (const row of received) {
    counts.byCategory.add(row.category ?? UNCLASSIFIED, row.n);
    counts.byChannel.add(row.channel, row.n);
    counts.byUnit.add(row.unit_id, row.n);
  }
  return { received: counts, steps };
}
