import type { EntityManager } from 'typeorm';

/**
 * The changes a batch makes to a read model's running tallies (tables of `grain`, `period_start`,
 * `metric`, `unit_id`, `code`, `n`): each change kept at three grains — its day, its month and its
 * year, each named by its first day — so that a period is read as its whole years, whole months and
 * days left over (calendar-segments.ts). Changes are summed per cell before they are written (a busy
 * day's batch touches the same cells many times), and a cell back at zero is dropped, as a rebuild
 * that sums the same changes in one batch never writes it.
 */
export class TallyCells<Metric extends string = string> {
  private readonly cells = new Map<string, { grain: string; start: string; metric: Metric; unitId: string; code: string; n: number }>();

  /** `n` more (or fewer) of `metric`/`code` on `day` (YYYY-MM-DD) for `unitId`. */
  add(day: string, unitId: string, metric: Metric, n: number, code = ''): void {
    if (n === 0) return;
    for (const [grain, start] of grainsOf(day)) {
      const key = JSON.stringify([grain, start, metric, unitId, code]);
      const cell = this.cells.get(key);
      if (cell) cell.n += n;
      else this.cells.set(key, { grain, start, metric, unitId, code, n });
    }
  }

  /** Adds the batch's cells to `table` and forgets them. */
  async write(tx: Pick<EntityManager, 'query'>, table: string): Promise<void> {
    const changed = [...this.cells.values()].filter((cell) => cell.n !== 0);
    this.cells.clear();
    if (changed.length === 0) return;
    const cells = JSON.stringify(changed);
    await tx.query(
      `INSERT INTO ${table} AS t (grain, period_start, metric, unit_id, code, n)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(grain "char", start date, metric text, "unitId" text, code text, n bigint)
       ON CONFLICT (grain, period_start, metric, unit_id, code) DO UPDATE SET n = t.n + EXCLUDED.n`,
      [cells],
    );
    // A second statement: one statement's rows do not see what its own insert changed.
    await tx.query(
      `DELETE FROM ${table} t USING jsonb_to_recordset($1::jsonb) AS c(grain "char", start date, metric text, "unitId" text, code text)
        WHERE t.n = 0 AND t.grain = c.grain AND t.period_start = c.start AND t.metric = c.metric AND t.unit_id = c."unitId" AND t.code = c.code`,
      [cells],
    );
  }
}

/** The grains a day's change is kept at, each named by the first day of its piece of the calendar. */
function grainsOf(day: string): readonly [string, string][] {
  return [['d', day], ['m', `${day.slice(0, 7)}-01`], ['y', `${day.slice(0, 4)}-01-01`]];
}
