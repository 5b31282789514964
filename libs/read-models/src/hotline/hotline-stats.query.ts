import type { DataSource } from 'typeorm';
import { CATEGORIES, CHANNELS } from '#hotline';
import { shanghaiPeriod } from '../shanghai-period.js';

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
  readonly resolution: { resolved: number; onTime: number; rate: number | null };
  readonly satisfaction: { reached: number; satisfied: number; basicallySatisfied: number; dissatisfied: number; rate: number | null };
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The projections these figures are read from: while any has parked events, the figures say they are incomplete. */
export const HOTLINE_STATS_PROJECTIONS: readonly string[] = ['hotline-figures'];

/**
 * The hotline figures of DOMAIN.md. A complaint belongs to a unit's figures when the unit (or one
 * below it) received it or was assigned it; sign-for, resolution and follow-up count for the unit
 * that handled them. Resolution counts each complaint once, by its last resolution in the period.
 */
export async function queryHotlineStats(dataSource: DataSource, query: HotlineStatsQuery): Promise<HotlineStats> {
  const { fromUtc, toUtcExclusive } = shanghaiPeriod(query.from, query.to);
  const params = [fromUtc, toUtcExclusive, query.asOf, query.unitIds ?? null];
  const received: { category: string | null; channel: string; unit_id: string; n: number }[] = await dataSource.query(
    `SELECT c.category, c.channel, coalesce(h.unit_id, f.unit_id) AS unit_id, count(*)::int AS n
       FROM hotline_facts f
       JOIN hotline_complaints c ON c.complaint_id = f.complaint_id
       LEFT JOIN LATERAL (SELECT a.unit_id FROM hotline_facts a WHERE a.complaint_id = f.complaint_id AND a.fact = 'assigned' AND a.recorded_at <= $3
                          ORDER BY a.occurred_at DESC LIMIT 1) h ON true
      WHERE f.fact = 'received' AND f.occurred_at >= $1 AND f.occurred_at < $2 AND f.recorded_at <= $3
        AND ($4::text[] IS NULL OR f.unit_id = ANY($4) OR EXISTS (
              SELECT 1 FROM hotline_facts a WHERE a.complaint_id = f.complaint_id AND a.fact = 'assigned' AND a.recorded_at <= $3 AND a.unit_id = ANY($4)))
      GROUP BY 1, 2, 3`,
    params,
  );
  const [steps] = await dataSource.query(
    `WITH period AS (
       SELECT * FROM hotline_facts
        WHERE occurred_at >= $1 AND occurred_at < $2 AND recorded_at <= $3 AND ($4::text[] IS NULL OR unit_id = ANY($4))
     ), last_resolution AS (
       SELECT DISTINCT ON (complaint_id) on_time FROM period WHERE fact = 'resolved' ORDER BY complaint_id, occurred_at DESC
     )
     SELECT
       (SELECT count(*) FROM period WHERE fact = 'signed_for')::int AS signed_for,
       (SELECT count(*) FROM period WHERE fact = 'signed_for' AND on_time)::int AS signed_for_on_time,
       (SELECT count(*) FROM last_resolution)::int AS resolved,
       (SELECT count(*) FROM last_resolution WHERE on_time)::int AS resolved_on_time,
       (SELECT count(*) FROM period WHERE fact = 'follow_up' AND reached)::int AS reached,
       (SELECT count(*) FROM period WHERE fact = 'follow_up' AND reached AND satisfaction = 'satisfied')::int AS satisfied,
       (SELECT count(*) FROM period WHERE fact = 'follow_up' AND reached AND satisfaction = 'basically_satisfied')::int AS basically,
       (SELECT count(*) FROM period WHERE fact = 'follow_up' AND reached AND satisfaction = 'dissatisfied')::int AS dissatisfied`,
    params,
  );
  const breakdown = (key: 'category' | 'channel' | 'unit_id', label: (code: string) => string): Breakdown[] => {
    const counts = new Map<string, number>();
    for (const row of received) counts.set(row[key] ?? 'unclassified', (counts.get(row[key] ?? 'unclassified') ?? 0) + row.n);
    return [...counts].map(([code, count]) => ({ code, label: label(code), count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  };
  return {
    received: {
      total: received.reduce((sum, row) => sum + row.n, 0),
      byCategory: breakdown('category', (code) => CATEGORIES.find((c) => c.code === code)?.label ?? '未分类'),
      byChannel: breakdown('channel', (code) => CHANNELS.find((c) => c.code === code)?.label ?? code),
      byUnit: breakdown('unit_id', query.unitName),
    },
    signFor: { signedFor: steps.signed_for, onTime: steps.signed_for_on_time, rate: rate(steps.signed_for_on_time, steps.signed_for) },
    resolution: { resolved: steps.resolved, onTime: steps.resolved_on_time, rate: rate(steps.resolved_on_time, steps.resolved) },
    satisfaction: {
      reached: steps.reached,
      satisfied: steps.satisfied,
      basicallySatisfied: steps.basically,
      dissatisfied: steps.dissatisfied,
      rate: rate(steps.satisfied + steps.basically, steps.reached),
    },
  };
}
