/** A value read when metrics are scraped (projection lag, consumer lag, relay lag; totals kept elsewhere). */
export interface GaugeSample {
  readonly name: string;
  /** `counter` for a total that only grows (its name ends in `_total`); a gauge otherwise. */
  readonly type?: 'gauge' | 'counter';
  readonly help: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/**
 * The counters of one service in Prometheus' text format: commands by type and outcome, conflicts,
 * time spent, plus whatever gauges the service samples when scraped.
 */
export class ServiceMetrics {
  private readonly commands = new Map<string, { type: string; outcome: string; count: number; seconds: number }>();

  constructor(
    private readonly service: string,
    private readonly gauges: () => Promise<readonly GaugeSample[]> = async () => [],
  ) {}

  commandHandled(type: string, outcome: string, durationMs: number): void {
    const key = `${type}\u0000${outcome}`;
    const entry = this.commands.get(key) ?? { type, outcome, count: 0, seconds: 0 };
    entry.count += 1;
    entry.seconds += durationMs / 1000;
    this.commands.set(key, entry);
  }

  async render(): Promise<string> {
    const commands = [...this.commands.values()];
    const conflicts = commands.filter((c) => c.outcome === 'conflict').reduce((n, c) => n + c.count, 0);
    const label = (labels: Record<string, string>) =>
      `{${Object.entries({ service: this.service, ...labels }).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}`;
    const lines = [
      '# HELP casework_commands_total Commands handled, by type and outcome.',
      '# TYPE casework_commands_total counter',
      ...commands.map((c) => `casework_commands_total${label({ type: c.type, outcome: c.outcome })} ${c.count}`),
      '# HELP casework_command_seconds_total Time spent handling commands.',
      '# TYPE casework_command_seconds_total counter',
      ...commands.map((c) => `casework_command_seconds_total${label({ type: c.type, outcome: c.outcome })} ${c.seconds.toFixed(6)}`),
      '# HELP casework_command_conflicts_total Commands refused because the case had changed (409).',
      '# TYPE casework_command_conflicts_total counter',
      `casework_command_conflicts_total${label({})} ${conflicts}`,
    ];
    const byName = new Map<string, GaugeSample[]>();
    for (const sample of await this.gauges()) byName.set(sample.name, [...(byName.get(sample.name) ?? []), sample]);
    for (const [name, samples] of byName) {
      lines.push(`# HELP ${name} ${samples[0].help}`, `# TYPE ${name} ${samples[0].type ?? 'gauge'}`, ...samples.map((s) => `${name}${label(s.labels)} ${s.value}`));
    }
    return `${lines.join('\n')}\n`;
  }
}
