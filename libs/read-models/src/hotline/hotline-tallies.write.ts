import type { EntityManager } from 'typeorm';
import { ALL_UNITS, type HotlineMetric, type TallyChanges } from './hotline-tallies.js';

/** The grains a tally cell is kept at, each named by the first day of its piece of the calendar. */
function grainsOf(day: string): readonly [string, string][] {
  return [['d', day], ['m', `${day.slice(0, 7)}-01`], ['y', `${day.slice(0, 4)}-01-01`]];
}

/**
 * The cells an increment changes: its unit's, all units' together, and for a complaint received, its
 * unit's count without a category (the whole tree's breakdown by unit).
 */
function cellsOf(unitId: string, metric: HotlineMetric, code: string): readonly [string, HotlineMetric, string][] {
  const cells: [string, HotlineMetric, string][] = [[unitId, metric, code], [ALL_UNITS, metric, code]];
  if (metric === 'received_by_category') cells.push([unitId, 'received', '']);
  return cells;
}

/**
 * A batch's tally changes in one statement: the increments summed per cell and grain (a batch of a
 * busy day touches the same cells many times), the late moves, superseded resolutions and irregular
 * complaints appended.
 */
export async function writeTallyChanges(tx: EntityManager, changes: TallyChanges): Promise<void> {
  const cells = new Map<string, { grain: string; start: string; metric: string; unitId: string; code: string; n: number }>();
  for (const increment of changes.increments) {
    for (const [grain, start] of grainsOf(increment.day)) {
      for (const [unitId, metric, code] of cellsOf(increment.unitId, increment.metric, increment.code)) {
        const key = JSON.stringify([grain, start, metric, unitId, code]);
        const cell = cells.get(key);
        if (cell) cell.n += increment.n;
        else cells.set(key, { grain, start, metric, unitId, code, n: increment.n });
      }
    }
  }
  const changed = [...cells.values()].filter((cell) => cell.n !== 0);
  if (changed.length === 0 && changes.lateMoves.length === 0 && changes.superseded.length === 0 && changes.irregular.length === 0) return;
  await tx.query(
    `WITH tally AS (
       INSERT INTO hotline_tally (grain, period_start, metric, unit_id, code, n)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(grain "char", start date, metric text, "unitId" text, code text, n int)
       ON CONFLICT (grain, period_start, metric, unit_id, code) DO UPDATE SET n = hotline_tally.n + EXCLUDED.n
     ), moves AS (
       INSERT INTO hotline_late_moves (complaint_id, received_on, moved_on, from_unit_id, to_unit_id)
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS m("complaintId" text, "receivedOn" date, "movedOn" date, "fromUnitId" text, "toUnitId" text)
     ), superseded AS (
       INSERT INTO hotline_superseded_resolutions (complaint_id, resolved_on, superseded_on, unit_id, on_time)
       SELECT * FROM jsonb_to_recordset($3::jsonb) AS s("complaintId" text, "resolvedOn" date, "supersededOn" date, "unitId" text, "onTime" boolean)
     )
     INSERT INTO hotline_irregular (complaint_id) SELECT unnest($4::text[]) ON CONFLICT DO NOTHING`,
    [JSON.stringify(changed), JSON.stringify(changes.lateMoves), JSON.stringify(changes.superseded), changes.irregular],
  );
}
