import { deterministicUuid, handleCommand } from '#command-handling';
import type { EventStore, RecordedEvent } from '#event-store';
import { attachmentDecider, purgeIsDue, type AttachmentAddedData, type AttachmentLedger, type AttachmentWithdrawnData, type ContentStore } from '#attachments';

const SWEEPER = { userId: 'system:attachment-sweep', role: 'system', orgUnitId: 'system' };
/** Bytes whose event has not come within this long belong to an upload that died (ADR 0016). */
export const ORPHAN_AFTER_MS = 60 * 60_000;

export interface AttachmentSweepDependencies {
  readonly store: EventStore;
  readonly contents: ContentStore;
  readonly ledger: AttachmentLedger;
  /** The days a withdrawn file's bytes are kept, asked at each run: an administrator may change them at any time. */
  readonly retentionDays: () => Promise<number>;
}

export interface SweepOutcome {
  /** Contents of uploads whose event never came, deleted. */
  readonly orphansRemoved: number;
  /** Withdrawn files whose bytes were removed (an `AttachmentPurged` each). */
  readonly purged: number;
}

/**
 * 附件清理: bytes of uploads that died before their event (older than an hour), and the bytes of
 * withdrawn files once the retention period has passed since the withdrawal (the administrator's days,
 * else ATTACHMENT_RETENTION_DAYS; the `AttachmentPurged` records the days used). The ledger says
 * where to look; the case's events decide. Run twice, or by two processes, it removes once.
 */
export class AttachmentSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepOutcome> | undefined;

  constructor(private readonly deps: AttachmentSweepDependencies) {}

  /** Sweeps now and then every `intervalMs`; a failed sweep is reported and the next one tries again. */
  start(intervalMs: number, clock: () => Date, onError: (error: unknown) => void): void {
    const sweep = () => {
      this.runOnce(clock()).catch(onError);
    };
    sweep();
    this.timer = setInterval(sweep, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  runOnce(now: Date): Promise<SweepOutcome> {
    this.running ??= this.sweep(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(now: Date): Promise<SweepOutcome> {
    let orphansRemoved = 0;
    for (const row of await this.deps.ledger.unconfirmedBefore(new Date(now.getTime() - ORPHAN_AFTER_MS))) {
      const added = (await this.deps.store.readStream(row.streamId)).some((e) => e.type === 'AttachmentAdded' && (e.data as AttachmentAddedData).contentId === row.contentId);
      if (added) {
        await this.deps.ledger.confirmed([row.contentId]);
        continue;
      }
      await this.deps.contents.delete(row.contentId);
      await this.deps.ledger.forget(row.contentId);
      orphansRemoved++;
    }
    let purged = 0;
    const retentionDays = await this.deps.retentionDays();
    for (const row of await this.deps.ledger.withdrawnBefore(new Date(now.getTime() - retentionDays * 86_400_000))) {
      const events = await this.deps.store.readStream(row.streamId);
      const added = events.find((e) => e.type === 'AttachmentAdded' && (e.data as AttachmentAddedData).contentId === row.contentId);
      const withdrawal = added && withdrawalOf(events, (added.data as AttachmentAddedData).attachmentId);
      // The ledger is only an index: the event's own time decides.
      if (!added || !withdrawal || !purgeIsDue(new Date(withdrawal.metadata.occurredAt), retentionDays, now)) continue;
      const { attachmentId } = added.data as AttachmentAddedData;
      // Bytes first: a crash before the event leaves a file already unreadable (410) that the next sweep records.
      await this.deps.contents.delete(row.contentId);
      const commandId = deterministicUuid('attachment-purge', row.contentId);
      await handleCommand(this.deps.store, attachmentDecider, row.streamId, { type: 'PurgeAttachment', data: { attachmentId, retentionDays } }, {
        actor: SWEEPER, commandId, correlationId: commandId, causationId: commandId, now,
      }, { context: { supervisesCase: false } });
      await this.deps.ledger.purged(row.contentId, now);
      purged++;
    }
    return { orphansRemoved, purged };
  }
}

function withdrawalOf(events: readonly RecordedEvent[], attachmentId: string): RecordedEvent | undefined {
  return events.find((e) => e.type === 'AttachmentWithdrawn' && (e.data as AttachmentWithdrawnData).attachmentId === attachmentId);
}

/** How often the runtime sweeps (ATTACHMENT_SWEEP_MINUTES, default 15; 0 turns the timer off). */
export function attachmentSweepMinutesFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const value = env.ATTACHMENT_SWEEP_MINUTES;
  if (value === undefined || value === '') return 15;
  if (!/^\d+$/.test(value)) throw new Error(`ATTACHMENT_SWEEP_MINUTES must be a whole number of minutes, not "${value}"`);
  return Number(value);
}
