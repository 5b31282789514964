import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { compareLogPositions, parseLogPosition, type LogPosition } from '#event-store';
import type { ProjectionRunner, ProjectionStatus } from '#projections';
import { progress } from './progress.js';

/**
 * Polls a runner's status while it works: logs each consumer's backlog now and then, and notes when
 * each one's checkpoint first passed `target` — which consumer holds the others up.
 */
export class ConsumerWatch {
  private readonly reachedAtMs = new Map<string, number>();
  private latest: ProjectionStatus[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastLogAt = 0;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly target: LogPosition,
    private readonly label: string,
    private readonly logEveryMs = 15_000,
    /** `performance.now()` the reached times count from. */
    private readonly since = performance.now(),
  ) {}

  start(pollMs = 500): this {
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll()).catch(() => undefined);
    }, pollMs);
    return this;
  }

  /** Stops polling, after one last look. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await this.poll().catch(() => undefined);
  }

  /** Resolves true once every named consumer (all when none is named) has passed the target, false at the deadline. */
  async until(deadline: number, names?: readonly string[]): Promise<boolean> {
    for (;;) {
      const expected = names ?? this.latest.map((status) => status.name);
      if (this.latest.length > 0 && expected.every((name) => this.reachedAtMs.has(name))) return true;
      if (performance.now() >= deadline) return false;
      await sleep(100);
    }
  }

  /** Seconds from `since` until each consumer had applied everything up to the target. */
  reachedSeconds(): ReadonlyMap<string, number> {
    return new Map([...this.reachedAtMs].map(([name, ms]) => [name, ms / 1000]));
  }

  /** Events each consumer still had to apply at the last poll. */
  backlog(): ReadonlyMap<string, number> {
    return new Map(this.latest.map((status) => [status.name, status.lagEvents]));
  }

  private async poll(): Promise<void> {
    const statuses = await this.runner.status();
    const now = performance.now();
    this.latest = statuses;
    for (const status of statuses) {
      if (!this.reachedAtMs.has(status.name) && compareLogPositions(parseLogPosition(status.position), this.target) >= 0) {
        this.reachedAtMs.set(status.name, now - this.since);
      }
    }
    if (now - this.lastLogAt >= this.logEveryMs) {
      this.lastLogAt = now;
      progress(`${this.label}: ${statuses.map((s) => `${s.name} ${s.lagEvents.toLocaleString('en-US')} behind`).join(', ')}`);
    }
  }
}
