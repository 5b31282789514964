import type { EntityManager } from 'typeorm';
import { TallyCells } from '../tally-cells.js';
import { ALL_UNITS, type HotlineMetric, type TallyChanges } from './hotline-tallies.js';

/**
 * The cells an increment changes: its unit's, all units' together, and for a complaint received, its
 * unit's count without a category (the whole tree's breakdown by unit).
 */
function cellsOf(unitId: string, metric: HotlineMetric, code: string): readonly [string, HotlineMetric, string][] {
  const cells: [string, HotlineMetric, string][] = [[unitId, metric, code], [ALL_UNITS, metric, code]];
  if (metric === 'received_by_category') cells.push([unitId, 'received', '']);
  return cells;
}

/** A batch's tally changes: the cells (`hotline_tally`), and the late moves, superseded resolutions and irregular complaints appended. */
export async function writeTallyChanges(tx: EntityManager, changes: TallyChanges): Promise<void> {
  const cells = new TallyCells<HotlineMetric>();
  for (const increment of changes.increments) {
    for (const [unitId, metric, code] of cellsOf(increment.unitId, increment.metric, increment.code)) cells.add(increment.day, unitId, metric, increment.n, code);
  }
  await cells.write(tx, 'hotline_tally');
  if (changes.lateMoves.length === 0 && changes.superseded.length === 0 && changes.irregular.length === 0) return;
  await tx.query(
    `WITH moves AS (
       INSERT INTO hotline_late_moves (complaint_id, received_on, moved_on, from_unit_id, to_unit_id)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS m("complaintId" text, "receivedOn" date, "movedOn" date, "fromUnitId" text, "toUnitId" text)
     ), superseded AS (
       INSERT INTO hotline_superseded_resolutions (complaint_id, resolved_on, superseded_on, unit_id, on_time)
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS s("complaintId" text, "resolvedOn" date, "supersededOn" date, "unitId" text, "onTime" boolean)
     )
     INSERT INTO hotline_irregular (complaint_id) SELECT unnest($3::text[]) ON CONFLICT DO NOTHING`,
    [JSON.stringify(changes.lateMoves), JSON.stringify(changes.superseded), changes.irregular],
  );
}
