import type { EntityManager } from 'typeorm';
import { WageTallyChanges } from './wage-tally.js';

/**
 * The days each of these people was helped (a live recovery or advance reached them), per unit,
 * worked out again from their rows in every case, and what "workers helped" reads of them:
 * - a person helped by one unit only counts once in a period by their last help day in it: the tally
 *   holds `helped_last` on their last help day of all, and `wage_help_gaps` each help day with the
 *   next, for a period that ends between the two;
 * - a person helped by several units (`shared`) is left out of both and counted from these rows,
 *   distinct across the units asked about.
 * What the people counted before is taken back out of the tally and what they count now put in;
 * `tally`: where to add that (written by the caller), else written here.
 */
export async function refreshHelpedDays(tx: Pick<EntityManager, 'query'>, personKeys: readonly string[], tally?: WageTallyChanges): Promise<void> {
  if (personKeys.length === 0) return;
  const changes = tally ?? new WageTallyChanges();
  const before: LastHelp[] = await tx.query(
    `WITH gone AS (DELETE FROM wage_helped WHERE person_key = ANY($1) RETURNING unit_id, shared, (upper(days) - 1)::text AS last_on) SELECT * FROM gone`,
    [personKeys],
  );
  await tx.query('DELETE FROM wage_help_gaps WHERE person_key = ANY($1)', [personKeys]);
  const after: LastHelp[] = await tx.query(
    `WITH days AS (
       SELECT DISTINCT person_key, unit_id, on_date FROM wage_money
        WHERE person_key = ANY($1) AND kind IN ('recovered', 'advanced') AND amount > 0 AND voided_at IS NULL
     ), helped AS (
       INSERT INTO wage_helped (person_key, unit_id, days, shared)
       SELECT person_key, unit_id, range_agg(daterange(on_date, on_date, '[]')), count(*) OVER (PARTITION BY person_key) > 1
         FROM days GROUP BY person_key, unit_id
       RETURNING person_key, unit_id, shared, (upper(days) - 1)::text AS last_on
     ), gaps AS (
       INSERT INTO wage_help_gaps (person_key, unit_id, helped_on, next_helped_on)
       SELECT person_key, unit_id, on_date, next_on
         FROM (SELECT person_key, unit_id, on_date, lead(on_date) OVER (PARTITION BY person_key ORDER BY on_date) AS next_on FROM days) chain
        WHERE next_on IS NOT NULL AND person_key IN (SELECT person_key FROM helped WHERE NOT shared)
     )
     SELECT unit_id, shared, last_on FROM helped`,
    [personKeys],
  );
  for (const row of before) if (!row.shared) changes.add(row.last_on, row.unit_id, 'helped_last', -1);
  for (const row of after) if (!row.shared) changes.add(row.last_on, row.unit_id, 'helped_last', +1);
  if (!tally) await changes.write(tx);
}

interface LastHelp {
  readonly unit_id: string;
  readonly shared: boolean;
  /** The person's last help day in this unit. */
  readonly last_on: string;
}
