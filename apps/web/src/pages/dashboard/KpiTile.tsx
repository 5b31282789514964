/** One headline figure. */
export function KpiTile({ testId, title, value, caption, tone }: {
  testId: string;
  title: string;
  value: string;
  caption?: string;
  tone?: 'good' | 'warn' | 'plain';
}) {
  return (
    <div className={`kpi kpi-${tone ?? 'plain'}`} data-testid={testId}>
      <div className="kpi-title">{title}</div>
      <div className="kpi-value" data-testid={`${testId}-value`}>
        {value}
      </div>
      {caption && <div className="kpi-caption">{caption}</div>}
    </div>
  );
}

/** Green from 90%, amber below: a rate the supervisor should look at. */
export function rateTone(rate: number | null): 'good' | 'warn' | 'plain' {
  if (rate === null) return 'plain';
  return rate >= 0.9 ? 'good' : 'warn';
}
