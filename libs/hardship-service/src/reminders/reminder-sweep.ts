import type { DataSource } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import { deterministicUuid, handleCommand } from '#command-handling';
import type { EventStore } from '#event-store';
import type { DueStep, HardshipDecider, HardshipLimits } from '#hardship';
import { hardshipFileStream } from '#hardship';

const SWEEPER = { userId: 'system:hardship-reminders', role: 'system', orgUnitId: 'system' };
const DAY_MS = 86_400_000;

export interface ReminderSweepDependencies {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly decider: HardshipDecider;
  readonly limits: HardshipLimits;
  readonly clock: () => Date;
}

/**
 * 提醒: now and then, every file whose next step (the end of its notice, its yearly review, a
 * follow-up check-in) falls due within the reminder lead time, or is overdue, is asked to remind its
 * cadres. The decider judges whether a reminder is still due and whether it already went out, so a
 * sweep run twice, or by two processes, reminds once.
 */
export class ReminderSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: ReminderSweepDependencies) {}

  /** Sweeps now and then every `intervalMs`; a failed sweep is reported and the next one tries again. */
  start(intervalMs: number, onError: (error: unknown) => void): void {
    const sweep = () => {
      this.runOnce().catch(onError);
    };
    sweep();
    this.timer = setInterval(sweep, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep; answers how many reminders went out. */
  runOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(): Promise<number> {
    const now = this.deps.clock();
    const rows: { case_id: string; next_due_step: DueStep; next_due_at: Date }[] = await this.deps.dataSource.query(
      `SELECT case_id, next_due_step, next_due_at FROM case_list
        WHERE kind = 'hardship_file' AND next_due_at IS NOT NULL AND next_due_at < $1 ORDER BY next_due_at`,
      [new Date(now.getTime() + (this.deps.limits.remindDaysBefore + 1) * DAY_MS)],
    );
    let sent = 0;
    let failure: unknown;
    for (const row of rows) {
      const dueOn = shanghaiDateOf(row.next_due_at);
      const commandId = deterministicUuid(row.case_id, row.next_due_step, dueOn, shanghaiDateOf(now));
      try {
        const { events } = await handleCommand(
          this.deps.store,
          this.deps.decider,
          hardshipFileStream(row.case_id),
          { type: 'SendReminder', data: { step: row.next_due_step, dueOn } },
          { actor: SWEEPER, commandId, correlationId: commandId, causationId: commandId, now },
        );
        sent += events.length;
      } catch (error) {
        // A cadre writing to the file at the same moment (a conflict): the others still get theirs, and the next sweep tries again.
        failure ??= error;
      }
    }
    if (failure) throw failure;
    return sent;
  }
}
