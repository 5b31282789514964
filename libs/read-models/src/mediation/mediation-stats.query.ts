import type { DataSource } from 'typeorm';
import { talliesAnswer } from '../standing-checkpoint.js';
import { MEDIATION_FIGURES } from './mediation-figures.schema.js';
import { rollUpRows } from './mediation-rollup.js';
import type { FigureRow, MediationStatsQuery } from './mediation-stats.inputs.js';

export type { FigureRow, MediationStatsQuery } from './mediation-stats.inputs.js';

interface Counts {
  referrals: number;
  accepted: number;
  declined: number;
  agreements: number;
  failures: number;
  withdrawals: number;
  /** Agreements ÷ (agreements + failures); null when neither. */
  successRate: number | null;
  /** Fen agreed in the agreements of the period, and paid under agreements in the period. */
  amountAgreed: number;
  amountPaid: number;
  amountDefaulted: number;
  /** Agreements and failures of the period: their average days from acceptance, and how many were within their period. */
  concluded: number;
  averageDays: number | null;
  onTime: number;
  onTimeRate: number | null;
  confirmations: { requested: number; granted: number; refused: number };
}

export type MediationStats = Counts & {
  readonly byCourt: readonly ({ court: string } & Counts)[];
  readonly byRoom: readonly ({ roomId: string } & Counts)[];
  readonly byMediator: readonly ({ mediatorId: string } & Counts)[];
  readonly byMonth: readonly ({ month: string } & Counts)[];
};


/** The projections these figures are read from: while any has parked events, the figures say they are incomplete. */
export const MEDIATION_STATS_PROJECTIONS: readonly string[] = [MEDIATION_FIGURES.name];

/**
 * The mediation figures of DOMAIN.md (docs/figures.md "Mediation"): each fact counted on its own day,
 * in the room of the case, with the mediator of the case then; over the period, and by referring
 * court, room, mediator and month. Only facts recorded by `asOf` count. When nothing was recorded after
 * `asOf` and the tables are of this code's shape (talliesAnswer), they are summed from the roll-ups
 * (the year, month and day rows that make up the period: mediation-rollup.ts); otherwise (or
 * `fromRows`) counted from the fact rows. Both give the same answer where both apply.
 */
export async function queryMediationStats(dataSource: DataSource, query: MediationStatsQuery, options: { fromRows?: boolean } = {}): Promise<MediationStats> {
  const rows = !options.fromRows && (await talliesAnswer(dataSource, MEDIATION_FIGURES, query.asOf)) ? await rollUpRows(dataSource, query) : await factRows(dataSource, query);
  const byGroup = new Map<string, FigureRow>();
  for (const row of rows) byGroup.set(groupOf(row.dimension, row.key, row.fact), row);
  const countsOf = (dimension: FigureRow['dimension'], key: string | null): Counts => {
    const of = (fact: string) => byGroup.get(groupOf(dimension, key, fact));
    const n = (fact: string) => of(fact)?.n ?? 0;
    const amount = (fact: string) => Number(of(fact)?.amount ?? 0);
    const agreements = n('agreed');
    const failures = n('failed');
    const concluded = agreements + failures;
    const timed = [of('agreed'), of('failed')].filter((r) => r?.duration !== null && r?.duration !== undefined);
    const onTime = (of('agreed')?.on_time ?? 0) + (of('failed')?.on_time ?? 0);
    return {
      referrals: n('referred'), accepted: n('accepted'), declined: n('declined'), agreements, failures, withdrawals: n('withdrawn'),
      successRate: concluded === 0 ? null : agreements / concluded,
      amountAgreed: amount('agreed'), amountPaid: amount('paid'), amountDefaulted: amount('defaulted'),
      concluded,
      averageDays: concluded === 0 || timed.length === 0 ? null : timed.reduce((sum, r) => sum + Number(r!.duration), 0) / concluded,
      onTime,
      onTimeRate: concluded === 0 ? null : onTime / concluded,
      confirmations: { requested: n('confirmation_requested'), granted: n('confirmed'), refused: n('confirmation_refused') },
    };
  };
  const keys = (dimension: FigureRow['dimension']) => [...new Set(rows.filter((r) => r.dimension === dimension && r.key !== null).map((r) => r.key!))].sort();
  return {
    ...countsOf('all', null),
    byCourt: keys('court').map((court) => ({ court, ...countsOf('court', court) })),
    byRoom: keys('room').map((roomId) => ({ roomId, ...countsOf('room', roomId) })),
    byMediator: keys('mediator').map((mediatorId) => ({ mediatorId, ...countsOf('mediator', mediatorId) })),
    byMonth: keys('month').map((month) => ({ month, ...countsOf('month', month) })),
  };
}

/** One grouping's name in a map (a group per row: ten years by month are 120 × 11 of them). */
const groupOf = (dimension: FigureRow['dimension'], key: string | null, fact: string): string => JSON.stringify([dimension, key, fact]);

/** Every fact of the period recorded by `asOf`, under the five groupings. */
function factRows(dataSource: DataSource, query: MediationStatsQuery): Promise<FigureRow[]> {
  return dataSource.query(
    `SELECT CASE WHEN GROUPING(court) = 0 THEN 'court' WHEN GROUPING(room_id) = 0 THEN 'room' WHEN GROUPING(mediator_id) = 0 THEN 'mediator'
                 WHEN GROUPING(to_char(on_date, 'YYYY-MM')) = 0 THEN 'month' ELSE 'all' END AS dimension,
            coalesce(court, room_id, mediator_id, to_char(on_date, 'YYYY-MM')) AS key, fact,
            count(*)::int AS n, sum(amount)::bigint AS amount, sum(duration_days)::bigint AS duration, count(*) FILTER (WHERE on_time)::int AS on_time
       FROM mediation_facts
      WHERE on_date BETWEEN $1 AND $2 AND recorded_at <= $3 AND ($4::text[] IS NULL OR room_id = ANY($4))
      GROUP BY GROUPING SETS ((fact), (fact, court), (fact, room_id), (fact, mediator_id), (fact, to_char(on_date, 'YYYY-MM')))`,
    [query.from, query.to, query.asOf, query.roomIds ?? null],
  );
}

