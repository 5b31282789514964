import type { EntityManager } from 'typeorm';
import { TallyCells } from '../tally-cells.js';

/**
 * The wage figures as running tallies (docs/figures.md "Wage recovery"): what a figure over any
 * period needs as it stands now, kept per day, month and year so that asking it reads a number of
 * rows bounded by the calendar and the units, not by the cases or the workers. Each metric is kept on
 * the day its fact is dated, for the unit of the case:
 * - `opened`: cases opened (1 each);
 * - `claimed`, `verified`, `recovered`, `advanced`, `reimbursed`: fen, as the money rows move;
 * - `closed` (code: the outcome), `closed_verified`, `closed_recovered`: standing closings and the
 *   case's totals at closing, taken back out when the case is reopened;
 * - `first_recovery` (code: the whole days from opening): each case's first recovery, a histogram that
 *   gives the mean and the median exactly; moved when a reversal or a payment dated earlier changes it;
 * - `helped_last`: each person helped by one unit only, on their last help day (wage-helped.ts).
 * Every change is written as the difference it makes (after minus before), so a voided payment or a
 * reopening takes out exactly what it had put in.
 */
export type WageMetric =
  | 'opened'
  | 'claimed' | 'verified' | 'recovered' | 'advanced' | 'reimbursed'
  | 'closed' | 'closed_verified' | 'closed_recovered'
  | 'first_recovery'
  | 'helped_last';

/** The changes of a batch to `wage_tally`. */
export class WageTallyChanges extends TallyCells<WageMetric> {
  override write(tx: Pick<EntityManager, 'query'>): Promise<void> {
    return super.write(tx, 'wage_tally');
  }
}
