/** A period of Asia/Shanghai calendar days, both inclusive, as a half-open UTC interval. */
export interface Period {
  readonly fromUtc: Date;
  readonly toUtcExclusive: Date;
}

export function shanghaiPeriod(from: string, to: string): Period {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(`${to}T00:00:00+08:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { fromUtc: start, toUtcExclusive: end };
}
