/** What the wage figures are asked and what they answer, however they are read (from the rows or the tallies). */

export interface WageStatsQuery {
  /** Shanghai calendar days, both inclusive. */
  readonly from: string;
  readonly to: string;
  /** The unit and its descendants; absent: every unit. */
  readonly unitIds?: readonly string[];
  /** The figures as they stood at this instant. */
  readonly asOf: Date;
}

export interface WageStats {
  readonly casesOpened: number;
  readonly casesClosed: { total: number; fully_recovered: number; partly_recovered: number; unrecoverable: number; withdrawn: number };
  /** Distinct claimants who received a recovery or an advance in the period. */
  readonly workersHelped: number;
  /** Fen. Claimed and verified are the changes made in the period (additions, corrections, withdrawals). */
  readonly amounts: { claimed: number; verified: number; recovered: number; advanced: number; reimbursed: number };
  /** Recovered ÷ verified, over the cases closed in the period (their totals at closing). */
  readonly recoveryRate: number | null;
  readonly recoveryRateBasis: { recovered: number; verified: number };
  /** Days from opening to the first recovery, for cases whose first recovery fell in the period. */
  readonly daysToFirstRecovery: { cases: number; mean: number; median: number } | null;
}
