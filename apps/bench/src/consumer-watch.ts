import { performance } from 'node:perf_hooks';
import { compareLogPositions, parseLogPosition, type LogPosition } from '#event-store';
import type { ProjectionRunner } from '#projections';
import { progress } from './progress.js';

/**
 * Polls a runner's status while it works: logs each consumer's backlog now and then, and notes when
 * each one's checkpoint first passed `target` — which consumer holds the others up.
 */
export class ConsumerWatch {
  private readonly reachedAtMs = new Map<string, number>();
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private lastLogAt = 0;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly target: LogPosition,
    private readonly label: string,
    private readonly logEveryMs = 15_000,
  ) {}

  start(pollMs = 500): this {
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll()).catch(() => undefined);
    }, pollMs);
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll();
  }

  /** Seconds from the start until each consumer had applied everything up to the target. */
  reachedSeconds(): ReadonlyMap<string, number> {
    return new Map([...this.reachedAtMs].map(([name, ms]) => [name, ms / 1000]));
  }

  private async poll(): Promise<void> {
    const statuses = await this.runner.status();
    const now = performance.now();
    for (const status of statuses) {
      if (!this.reachedAtMs.has(status.name) && compareLogPositions(parseLogPosition(status.position), this.target) >= 0) {
        this.reachedAtMs.set(status.name, now - this.started);
      }
    }
    if (now - this.lastLogAt >= this.logEveryMs) {
      this.lastLogAt = now;
      progress(`${this.label}: ${statuses.map((s) => `${s.name} ${s.lagEvents.toLocaleString('en-US')} behind`).join(', ')}`);
    }
  }
}
