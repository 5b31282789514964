import type { HardshipStats } from './hardship-types';

/** A rate in [0, 1] as a percent with one decimal (`99.5%`, `100.0%`); `—` when nothing was counted. */
export function percentOneDecimal(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Which count of `byLevel`/`byCause` the charts show: files registered in the period, or active at its end. */
export type Standing = 'registered' | 'active';

export interface CountBar {
  key: string;
  count: number;
}

/** Rows of `byLevel` or `byCause` as bars of one standing, largest first, empty ones left out. */
export function standingBars<Row extends { registered: number; active: number }>(rows: readonly Row[], key: (row: Row) => string, standing: Standing): CountBar[] {
  return rows.map((row) => ({ key: key(row), count: row[standing] })).filter((bar) => bar.count > 0).sort((a, b) => b.count - a.count);
}

/** Aid by type as bars of one measure: amount in whole yuan (rounded), households (户), deliveries (户次), persons reached (人次) or distinct persons (人). */
export function aidBars(aid: HardshipStats['aid'], measure: 'amount' | 'households' | 'deliveries' | 'personsReached' | 'distinctPersons'): CountBar[] {
  return aid
    .map((row) => ({ key: row.type, count: measure === 'amount' ? Math.round(row.amount / 100) : row[measure] }))
    .filter((bar) => bar.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** The end of a Shanghai calendar day as an instant: "as of" a day means everything recorded by its end. */
export function endOfShanghaiDay(day: string): string {
  return new Date(`${day}T23:59:59.999+08:00`).toISOString();
}
