/** What the hardship figures are asked for, and what both ways of working them out (tallies, versions) hand back. */
export interface HardshipStatsQuery {
  /** Shanghai calendar days, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly unitIds?: readonly string[];
  /** Only what had been recorded by this instant counts. */
  readonly asOf: Date;
}

export type FactRow = { unit_id: string | null; year: number | null; fact: string; files: number; n: number };
export type AidRow = { year: number | null; type: string | null; amount: number; households: number; deliveries: number; personsReached: number; distinctPersons: number };
export type VisitFigureRow = { year: number | null; kind: string | null; visits: number; households: number };

/** What both paths work out, before it is presented. */
export interface Assembled {
  readonly counts: { registered: number; cumulative: number; registeredByYear: Map<number, number>; active: number; cohort: Record<'files' | 'active' | 'lifted' | 'relieved' | 'cancelled', number> };
  readonly breakdowns: readonly { dimension: 'level' | 'cause' | 'unit'; key: string; registered: number; active: number }[];
  /** Endings and relapses dated in the period, distinct files and events: per unit (year null), per year (unit null), and over all (both null). */
  readonly facts: readonly FactRow[];
  /** Aid per type over the period (year null), and per year over all types (type null). */
  readonly aid: readonly AidRow[];
  /** Visits per kind over the period (year null), per year over all kinds (kind null), and over all (both null). */
  readonly visits: readonly VisitFigureRow[];
}
