export interface Bar {
  key: string;
  label: string;
  count: number;
}

const ROW = 30;
const BAR = 18;
const COUNT_WIDTH = 48;
const WIDTH = 520;

/** Roughly how wide a label renders at 13px: CJK characters are square, Latin ones about half. */
function labelWidth(bars: Bar[]): number {
  const widest = Math.max(0, ...bars.map((bar) => [...bar.label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7), 0)));
  return Math.min(200, Math.max(72, widest + 16));
}

/** Horizontal bars drawn as plain SVG: long Chinese labels stay readable on the left. */
export function BarChart({ title, bars, emptyText, testId }: { title: string; bars: Bar[]; emptyText: string; testId: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const LABEL_WIDTH = labelWidth(bars);
  const plot = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <figure className="card chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title}>
          {bars.map((bar, index) => {
            const y = index * ROW;
            const width = (bar.count / max) * plot;
            return (
              <g key={bar.key} data-testid={`${testId}-bar`} data-code={bar.key} data-count={bar.count}>
                <title>{`${bar.label}: ${bar.count}`}</title>
                <text x={LABEL_WIDTH - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="central" className="chart-label">
                  {bar.label}
                </text>
                <rect x={LABEL_WIDTH} y={y + (ROW - BAR) / 2} width={plot} height={BAR} rx={3} className="chart-track" />
                <rect x={LABEL_WIDTH} y={y + (ROW - BAR) / 2} width={Math.max(width, bar.count > 0 ? 2 : 0)} height={BAR} rx={3} className="chart-bar" />
                <text x={LABEL_WIDTH + plot + 8} y={y + ROW / 2} dominantBaseline="central" className="chart-count">
                  {bar.count}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
