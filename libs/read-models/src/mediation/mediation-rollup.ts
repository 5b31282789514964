import type { DataSource } from 'typeorm';
import { calendarSegments } from '../calendar-segments.js';
import type { FigureRow, MediationStatsQuery } from './mediation-stats.inputs.js';

/*
 * The mediation figures' roll-ups (mediation-figures.schema.ts): how the projection adds each batch's
 * facts to them, and how a question sums them back to the rows the figures are assembled from.
 */

const ADD_SUMS = 'n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount, duration_days = t.duration_days + EXCLUDED.duration_days, timed = t.timed + EXCLUDED.timed, on_time = t.on_time + EXCLUDED.on_time';
const SUMS_OF_FACTS = 'count(*), sum(i.amount), coalesce(sum(i.duration_days), 0), count(i.duration_days), count(*) FILTER (WHERE i.on_time)';

/**
 * The facts ($1, a JSON array), and their counts and sums added to the day, month and year rows and
 * to the monthly rows, in one statement. The roll-ups take exactly the facts inserted (RETURNING), so
 * they can never count one that the facts table does not hold; the batch is grouped first, so each
 * roll-up row is touched once.
 */
export const INSERT_FACTS_AND_ROLL_UP_SQL = `
  WITH inserted AS (
    INSERT INTO mediation_facts (event_id, case_id, room_id, court, mediator_id, fact, on_date, amount, duration_days, on_time, recorded_at)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, case_id text, room_id text, court text, mediator_id text, fact text, on_date date, amount bigint, duration_days int, on_time boolean, recorded_at timestamptz)
    ON CONFLICT (event_id) DO NOTHING
    RETURNING room_id, court, mediator_id, fact, on_date, amount, duration_days, on_time
  ), rolled_up AS (
    INSERT INTO mediation_rollup AS t (grain, period_start, room_id, court, mediator_id, fact, n, amount, duration_days, timed, on_time)
    SELECT g.grain, g.period_start, i.room_id, i.court, coalesce(i.mediator_id, ''), i.fact, ${SUMS_OF_FACTS}
      FROM inserted i
     CROSS JOIN LATERAL (VALUES ('d', i.on_date), ('m', date_trunc('month', i.on_date)::date), ('y', date_trunc('year', i.on_date)::date)) AS g(grain, period_start)
     GROUP BY g.grain, g.period_start, i.room_id, i.court, coalesce(i.mediator_id, ''), i.fact
    ON CONFLICT (grain, period_start, room_id, court, mediator_id, fact) DO UPDATE SET ${ADD_SUMS}
  )
  INSERT INTO mediation_monthly AS t (month, room_id, fact, n, amount, duration_days, timed, on_time)
  SELECT date_trunc('month', i.on_date)::date, i.room_id, i.fact, ${SUMS_OF_FACTS}
    FROM inserted i
   GROUP BY date_trunc('month', i.on_date)::date, i.room_id, i.fact
  ON CONFLICT (month, room_id, fact) DO UPDATE SET ${ADD_SUMS}`;

/**
 * The figures' groupings summed from the roll-ups instead of counted from the facts. The period is
 * cut into whole years, whole months and the remaining days (`calendarSegments`): the totals and the
 * breakdowns by court, room and mediator sum those rows of `mediation_rollup` (first per room, court,
 * mediator and fact, then into the groupings); by month, the monthly rows of every whole month (those
 * of the whole years too) and the remaining days. The duration is null where no fact had one, as the
 * rows' `sum` would be.
 */
export function rollUpRows(dataSource: DataSource, query: MediationStatsQuery): Promise<FigureRow[]> {
  const { years, months, days } = calendarSegments(query.from, query.to);
  const wholeMonths = [...years.flatMap(monthsOfYear), ...months];
  const sums = `sum(n)::int AS n, sum(amount)::bigint AS amount, (CASE WHEN sum(timed) > 0 THEN sum(duration_days) END)::bigint AS duration, sum(on_time)::int AS on_time`;
  const inRooms = `($5::text[] IS NULL OR room_id = ANY($5))`;
  // One index scan per grain (UNION ALL, not OR): each reads the covering key alone.
  const segment = (grain: string, param: string) =>
    `SELECT room_id, court, mediator_id, fact, n, amount, duration_days, timed, on_time FROM mediation_rollup WHERE grain = '${grain}' AND period_start = ANY(${param}::date[]) AND ${inRooms}`;
  return dataSource.query(
    `WITH segments AS (${segment('y', '$1')} UNION ALL ${segment('m', '$2')} UNION ALL ${segment('d', '$3')}),
     per_key AS (
       SELECT room_id, court, mediator_id, fact, sum(n) AS n, sum(amount) AS amount, sum(duration_days) AS duration_days, sum(timed) AS timed, sum(on_time) AS on_time
         FROM segments GROUP BY room_id, court, mediator_id, fact
     ),
     per_month AS (
       SELECT month, fact, n, amount, duration_days, timed, on_time FROM mediation_monthly WHERE month = ANY($4::date[]) AND ${inRooms}
       UNION ALL
       SELECT date_trunc('month', period_start)::date, fact, n, amount, duration_days, timed, on_time FROM mediation_rollup WHERE grain = 'd' AND period_start = ANY($3::date[]) AND ${inRooms}
     )
     SELECT CASE WHEN GROUPING(court) = 0 THEN 'court' WHEN GROUPING(room_id) = 0 THEN 'room' WHEN GROUPING(mediator_id) = 0 THEN 'mediator' ELSE 'all' END AS dimension,
            coalesce(court, room_id, nullif(mediator_id, '')) AS key, fact, ${sums}
       FROM per_key
      GROUP BY GROUPING SETS ((fact), (fact, court), (fact, room_id), (fact, mediator_id))
     UNION ALL
     SELECT 'month', to_char(month, 'YYYY-MM'), fact, ${sums} FROM per_month GROUP BY month, fact`,
    [years, months, days, wholeMonths, query.roomIds ?? null],
  );
}

/** The first days of the twelve months of the year that starts on `first` (YYYY-01-01). */
function monthsOfYear(first: string): string[] {
  return Array.from({ length: 12 }, (_, m) => `${first.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`);
}
