/** Latencies of one run, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentile of ascending samples (`p` in 0–100): the value at or below which p % of them lie. */
export function percentile(ascending: readonly number[], p: number): number {
  if (ascending.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: readonly number[]): LatencySummary {
  const ascending = [...samples].sort((a, b) => a - b);
  const total = ascending.reduce((sum, value) => sum + value, 0);
  return {
    count: ascending.length,
    p50: percentile(ascending, 50),
    p99: percentile(ascending, 99),
    max: ascending[ascending.length - 1] ?? Number.NaN,
    mean: ascending.length ? total / ascending.length : Number.NaN,
  };
}
