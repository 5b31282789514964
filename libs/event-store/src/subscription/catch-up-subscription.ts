import type { RecordedEvent } from '../event-envelope.js';
import type { BatchHandler, SubscribeOptions, Subscription } from '../event-store.port.js';
import { START, compareLogPositions, type LogPosition } from '../log-position.js';

/** One read of the global log, and how far the reader could see when it was made. */
export interface LogBatch {
  readonly events: readonly RecordedEvent[];
  /** The last position visible to that read (`START` if none): every event up to it was considered. */
  readonly head: LogPosition;
  /** Committed events wait behind a transaction still in flight: worth reading again soon, notified or not. */
  readonly heldBack?: boolean;
}

/** What an adapter gives a catch-up subscription: batched reads and a signal that new events may exist. */
export interface CatchUpSource {
  readBatch(after: LogPosition, maxCount: number, streamPrefixes?: readonly string[]): Promise<LogBatch>;
  /** Starts calling `wake` when new events may have been committed; `fail` ends the subscription. Returns how to stop watching. */
  watch(wake: () => void, fail: (error: unknown) => void): Promise<() => Promise<void>>;
  /** The longest wait between reads when no wake-up comes (lost notifications, events held back). */
  readonly pollIntervalMs: number;
}

export const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 500;
/** Waits while events are held back, doubling from the first to the last: the transaction holding them rarely notifies. */
const HELD_BACK_FIRST_WAIT_MS = 10;
const HELD_BACK_LONGEST_WAIT_MS = 160;
/** Under a stream of commits every one wakes us; reading at most this often leaves the CPU to the writers. */
const MIN_FOLLOW_INTERVAL_MS = 10;

/**
 * Reads batches after the checkpoint, awaiting the handler for each, then sleeps until woken or the
 * poll interval passes. While catching up (a full batch), the next batch is read while the handler
 * takes the last one.
 */
export class CatchUpSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopping = false;
  private failure: { error: unknown } | undefined;
  private woken = false;
  private sleeping: { readonly wakeable: boolean; readonly end: () => void } | undefined;

  constructor(
    private readonly source: CatchUpSource,
    private readonly handler: BatchHandler,
    private readonly options: SubscribeOptions = {},
  ) {
    this.done = this.run();
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeping?.end();
    await this.done.catch(() => undefined);
  }

  private readonly wake = (): void => {
    this.woken = true;
    if (this.sleeping?.wakeable) this.sleeping.end();
  };

  private readonly fail = (error: unknown): void => {
    this.failure ??= { error };
    this.stopping = true;
    this.sleeping?.end();
  };

  private async run(): Promise<void> {
    const unwatch = await this.source.watch(this.wake, this.fail);
    try {
      await this.follow();
    } finally {
      await unwatch();
    }
    if (this.failure) throw this.failure.error;
  }

  private async follow(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH_SIZE;
    const read = (after: LogPosition) => this.source.readBatch(after, batchSize, this.options.streamPrefixes);
    let position = this.options.after ?? START;
    let heldBackWaitMs = HELD_BACK_FIRST_WAIT_MS;
    /** The next batch, already being read while the handler takes the last full one (catching up). */
    let readAhead: Promise<LogBatch> | undefined;
    try {
      while (!this.stopping) {
        this.woken = false;
        const readAt = Date.now();
        const { events, head, heldBack } = await (readAhead ?? read(position));
        readAhead = undefined;
        if (this.stopping) return;
        if (events.length > 0) {
          position = events[events.length - 1].position;
          if (events.length === batchSize) {
            readAhead = read(position);
            readAhead.catch(() => undefined); // a failed read ahead is thrown where it is awaited, not as unhandled
          }
          await this.handler(events);
        }
        if (events.length === batchSize) continue;
        // A short batch saw everything up to `head`: skipping past filtered-out events saves rescanning them.
        if (compareLogPositions(head, position) > 0) position = head;
        const idleWaitMs = heldBack ? Math.min(heldBackWaitMs, this.source.pollIntervalMs) : this.source.pollIntervalMs;
        heldBackWaitMs = heldBack ? Math.min(heldBackWaitMs * 2, HELD_BACK_LONGEST_WAIT_MS) : HELD_BACK_FIRST_WAIT_MS;
        if (this.stopping) return;
        if (this.woken) await this.sleep(readAt + MIN_FOLLOW_INTERVAL_MS - Date.now(), false);
        else await this.sleep(idleWaitMs, true);
      }
    } finally {
      // A read ahead that nobody will take: let it finish (its connection back to the pool) and drop what it says.
      await readAhead?.catch(() => undefined);
    }
  }

  /** Waits `ms`; stop() always ends the wait early, a wake-up only if `wakeable`. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer);
        this.sleeping = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.sleeping = { wakeable, end };
    });
  }
}
