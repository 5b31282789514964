/** What the mediation figures are asked, and the rows they are assembled from (by the fact rows or the roll-ups alike). */

export interface MediationStatsQuery {
  /** Shanghai calendar days, both inclusive. */
  readonly from: string;
  readonly to: string;
  /** The rooms asked about (a unit and the rooms below it); all when absent. */
  readonly roomIds?: readonly string[];
  /** Only what had been recorded by this instant counts. */
  readonly asOf: Date;
}

/** One grouping's counts and sums of one fact, as both ways of answering give them. */
export type FigureRow = { dimension: 'all' | 'court' | 'room' | 'mediator' | 'month'; key: string | null; fact: string; n: number; amount: string; duration: string | null; on_time: number };
