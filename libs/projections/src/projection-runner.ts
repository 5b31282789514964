import type { DataSource } from 'typeorm';
import { START, compareLogPositions, type EventStore, type LogPosition, type RecordedEvent, type Subscription } from '#event-store';
import type { Projection } from './projection.js';
import { CHECKPOINTS_SCHEMA_SQL, readCheckpoint, type Checkpoint } from './checkpoints.js';
import { applyOrPark } from './apply-or-park.js';
import { describeFailure, type ApplyFailure, type RetryPolicy } from './apply-failure.js';
import { countParked } from './parked-events.js';
import { replayParkedEvents, type ReplayReport } from './replay-parked.js';
import { createSchemaOnce } from './create-schema-once.js';
import { ensureSchemas } from './schema-versions.js';
import { rebuildProgressOf, type RebuildProgress } from './rebuild-projection.js';
import { rebuildInBackground, type BackgroundRebuilds } from './rebuild-reshaped.js';

export interface ProjectionStatus {
  readonly name: string;
  /**
   * `retrying`: a failure that is no event's fault (the database away) is being tried again.
   * `rebuilding`: its schema version changed; its old tables answer, unchanged, while the new ones are
   * built (`rebuild`) — it is behind until they are swapped in.
   */
  readonly state: 'starting' | 'running' | 'retrying' | 'rebuilding' | 'stopped' | 'failed';
  /** `"<commit>/<prepare>"` of the last applied event. */
  readonly position: string;
  readonly eventsApplied: number;
  /** Events in the log after the checkpoint. */
  readonly lagEvents: number;
  /** How long ago the oldest unapplied event was recorded; 0 when caught up. */
  readonly lagMs: number;
  /** Events it could not apply, parked until replayed (`projection_parked_events`). */
  readonly parkedEvents: number;
  /** The last failure, free of values (`describeFailure`). */
  readonly error?: string;
  /** While `rebuilding`: events replayed into the new tables so far, of those in the log. */
  readonly rebuild?: RebuildProgress;
}

export interface RunnerOptions {
  /** Events per read of the log (default 8,000). */
  readonly batchSize?: number;
  /**
   * Called with each failure that retrying did not cure and parking cannot help (the database away):
   * the projection shows `retrying` and tries the same batch again after a growing pause.
   */
  readonly onError?: (projection: string, error: unknown) => void;
  /** Called with each event parked: the projection goes on with the next one. */
  readonly onParked?: (projection: string, event: RecordedEvent, failure: ApplyFailure) => void;
  /** How a failing batch is retried before its bad event is looked for (default: 4 tries, 50 ms doubling). */
  readonly retry?: RetryPolicy;
  /** The longest pause between two tries of a batch the database refused (default 30 s). */
  readonly maxPauseMs?: number;
  /**
   * Told after each batch how far the rebuild of a read model whose schema version changed has come
   * (logs, progress bars); the rebuild goes on once it settles.
   */
  readonly onRebuildProgress?: (projection: string, progress: RebuildProgress) => unknown;
}

interface RunningProjection {
  readonly projection: Projection;
  checkpoint: Checkpoint;
  state: ProjectionStatus['state'];
  error?: string;
  /** Settles when the projection has taken every batch handed to it so far. */
  applying: Promise<void>;
}

/** Events per read of the log: big enough that per-batch costs (a transaction, a checkpoint) vanish. */
const DEFAULT_BATCH_SIZE = 8_000;

/**
 * How long `waitUntilCaughtUp` waits by default. A minute, not seconds: on a busy shared server (a
 * bulk import next door, CI running suites side by side on two cores) a projection can stay behind
 * for tens of seconds without anything being wrong; the test suites saw 10 s run out that way.
 */
export const CATCH_UP_TIMEOUT_MS = 60_000;

/**
 * Keeps every projection following the global log from its checkpoint. A read model whose schema
 * version changed is rebuilt in the background meanwhile and rejoins when swapped in.
 */
export class ProjectionRunner {
  private readonly running = new Map<string, RunningProjection>();
  private subscription: Subscription | undefined;
  private stopping = false;
  /** Every event after this position reaches `deliver`: a read model rejoining after its rebuild reads up to it from the store. */
  private handedOut: LogPosition = START;
  private rebuilds: BackgroundRebuilds | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {}

  /**
   * Creates what is missing; returns the read models whose schema version changed, left on their old
   * tables for a rebuild (`ensureSchemas` in schema-versions.ts: a process manager replays instead).
   */
  static ensureSchemas(dataSource: DataSource, projections: readonly Projection[]): Promise<Projection[]> {
    return ensureSchemas(dataSource, projections);
  }

  /**
   * One reader for all: each batch of the log is read once and handed to every projection at the
   * same time, each in its own transaction with its own checkpoint (a projection further ahead skips
   * what it has already applied). Reading the log once instead of once per projection is most of
   * what catching up costs.
   *
   * A read model whose schema version changed takes no batch: its old tables keep answering as they
   * were (the new code may not write their shape) while it is rebuilt beside them, one at a time and
   * by one process at a time (`rebuildReshaped`); once swapped in it follows the log again from the
   * swap's checkpoint. Several processes may start together: the DDL runs under one lock.
   */
  async start(): Promise<void> {
    let reshaped: readonly Projection[] = [];
    await createSchemaOnce(this.dataSource, CHECKPOINTS_SCHEMA_SQL, async () => {
      reshaped = await ensureSchemas(this.dataSource, this.projections);
    });
    for (const projection of this.projections) {
      const state = reshaped.includes(projection) ? 'rebuilding' : 'running';
      this.running.set(projection.name, { projection, checkpoint: await readCheckpoint(this.dataSource, projection.name), state, applying: Promise.resolve() });
    }
    const entries = [...this.running.values()];
    const from = entries.map((entry) => entry.checkpoint.position).reduce((a, b) => (compareLogPositions(a, b) <= 0 ? a : b), entries[0]?.checkpoint.position ?? START);
    this.handedOut = from;
    this.subscription = this.store.subscribeToAll((events) => this.deliver(events), { after: from, batchSize: this.batchSize });
    this.subscription.done.catch((error: unknown) => {
      for (const entry of this.running.values()) if (entry.state === 'running' || entry.state === 'retrying') this.fail(entry, error);
    });
    this.rebuildReshaped(entries.filter((entry) => entry.state === 'rebuilding'));
  }

  private get batchSize(): number {
    return this.options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  /** Each reshaped read model rejoins the log as soon as it is swapped in. */
  private rebuildReshaped(entries: readonly RunningProjection[]): void {
    if (entries.length === 0) return;
    const entryOf = (projection: Projection) => this.running.get(projection.name)!;
    this.rebuilds = rebuildInBackground(this.dataSource, this.store, entries.map((entry) => entry.projection), {
      maxPauseMs: this.options.maxPauseMs,
      onProgress: this.options.onRebuildProgress,
      onError: (projection, error) => {
        entryOf(projection).error = this.describe(error);
        this.options.onError?.(projection.name, error);
      },
      then: (projection) => this.rejoin(entryOf(projection)),
    });
  }

  /**
   * Follows the log again from the checkpoint the swap wrote. The batches handed out so far went to
   * the others only, so it first reads those from the store itself; every later batch reaches it
   * through `deliver` (the two steps below run without a pause, so none falls between).
   */
  private async rejoin(entry: RunningProjection): Promise<void> {
    entry.checkpoint = await readCheckpoint(this.dataSource, entry.projection.name);
    if (this.stopping) return;
    const handedOut = this.handedOut;
    entry.state = 'running';
    entry.error = undefined;
    entry.applying = entry.applying.then(() => this.catchUp(entry, handedOut));
  }

  /** Reads and applies from the store until the projection has passed `position`. */
  private async catchUp(entry: RunningProjection, position: LogPosition): Promise<void> {
    while (!this.stopping && (entry.state === 'running' || entry.state === 'retrying') && compareLogPositions(entry.checkpoint.position, position) < 0) {
      const events = await this.store.readAll({ after: entry.checkpoint.position, maxCount: this.batchSize }).catch((error: unknown) => {
        this.options.onError?.(entry.projection.name, error);
        return [];
      });
      // Nothing readable yet: an older transaction in flight holds back events below `position`.
      if (events.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      else await this.applyTo(entry, events);
    }
  }

  /**
   * Each projection takes the batch as soon as it has taken the one before; the reader waits only
   * until every projection has taken that one before. So the projections overlap (a slow one holds the
   * others back by one batch at most, and the server works on several at once), and a batch is in
   * memory for two reads at most.
   */
  private async deliver(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length > 0) this.handedOut = events[events.length - 1].position;
    const live = [...this.running.values()].filter((entry) => entry.state === 'running' || entry.state === 'retrying');
    const previous = live.map((entry) => entry.applying);
    for (const entry of live) entry.applying = entry.applying.then(() => this.applyTo(entry, events));
    await Promise.all(previous);
  }

  /**
   * A bad event is parked and the projection goes on (`applyOrPark`). What is left is no event's fault
   * (the database away, a connection lost): the same batch is tried again after a growing pause, for as
   * long as it takes, and the projection says `retrying` meanwhile. It never stops for good.
   */
  private async applyTo(entry: RunningProjection, events: readonly RecordedEvent[]): Promise<void> {
    if (entry.state === 'failed' || entry.state === 'stopped') return;
    for (let pause = 250; ; pause = Math.min(pause * 2, this.options.maxPauseMs ?? 30_000)) {
      try {
        entry.checkpoint = await applyOrPark(this.dataSource, entry.projection, events, { retry: this.options.retry, onParked: this.options.onParked });
        entry.state = 'running';
        entry.error = undefined;
        return;
      } catch (error) {
        if (this.stopping) return;
        entry.state = 'retrying';
        entry.error = this.describe(error);
        this.options.onError?.(entry.projection.name, error);
        await new Promise((resolve) => setTimeout(resolve, pause));
        if (this.stopping) return;
      }
    }
  }

  /** The log itself could not be read: nothing more reaches the projections until a restart. */
  private fail(entry: RunningProjection, error: unknown): void {
    entry.state = 'failed';
    entry.error = this.describe(error);
    this.options.onError?.(entry.projection.name, error);
  }

  private describe(error: unknown): string {
    const failure = describeFailure(error);
    return `${failure.errorClass}: ${failure.message}`;
  }

  /**
   * Applies this process's parked events again, once the code is fixed (docs/adr/0004, "Parked
   * events"): a read model is rebuilt beside its live tables, a process manager takes each event alone.
   * A read model being rebuilt for its new schema version is left out: that rebuild replays them.
   */
  replayParked(projection?: string): Promise<ReplayReport[]> {
    const replayable = this.projections.filter((each) => this.running.get(each.name)?.state !== 'rebuilding');
    return replayParkedEvents(this.dataSource, this.store, replayable, { projection });
  }

  /**
   * Resolves once every projection (or those named in `only`) has applied everything up to `position`
   * (e.g. a command's last event). One being rebuilt is behind until its new tables are swapped in.
   */
  async waitFor(position: LogPosition, timeoutMs = 10_000, only?: readonly string[]): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const waitedFor = [...this.running.values()].filter((entry) => !only || only.includes(entry.projection.name));
      const behind = waitedFor.some((entry) => entry.state === 'rebuilding' || compareLogPositions(entry.checkpoint.position, position) < 0);
      if (!behind) return;
      if (Date.now() > deadline) throw new Error('Projections did not catch up in time');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /**
   * Resolves once everything committed so far is applied — including what process managers
   * appended while catching up (so it loops until the log stops moving).
   */
  async waitUntilCaughtUp(timeoutMs = CATCH_UP_TIMEOUT_MS, only?: readonly string[]): Promise<void> {
    let previous: LogPosition | undefined;
    for (let at = await this.store.lastCommittedPosition(); !previous || compareLogPositions(at, previous) !== 0; at = await this.store.lastCommittedPosition()) {
      previous = at;
      await this.waitFor(at, timeoutMs, only);
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    const statuses: ProjectionStatus[] = [];
    const parked = await countParked(this.dataSource, [...this.running.keys()]);
    for (const [name, entry] of this.running) {
      const checkpoint = await readCheckpoint(this.dataSource, name);
      const lag = await this.lagAfter(checkpoint.position);
      statuses.push({
        name,
        state: entry.state,
        position: `${checkpoint.position.commit}/${checkpoint.position.prepare}`,
        eventsApplied: checkpoint.eventsApplied,
        lagEvents: lag.events,
        lagMs: lag.oldestRecordedAt ? Math.max(0, Date.now() - lag.oldestRecordedAt.getTime()) : 0,
        parkedEvents: parked.get(name) ?? 0,
        ...(entry.error ? { error: entry.error } : {}),
        ...(entry.state === 'rebuilding' ? { rebuild: await rebuildProgressOf(this.dataSource, this.store, name) } : {}),
      });
    }
    return statuses;
  }

  /**
   * Events committed after `position`, counting those an older transaction in flight still holds back
   * from readers: a projection that has applied all it can read is not caught up while any wait.
   */
  private async lagAfter(position: LogPosition): Promise<{ events: number; oldestRecordedAt: Date | null }> {
    const behind = await this.store.countEventsAfter(position);
    if (behind === 0) return { events: 0, oldestRecordedAt: null };
    const [oldest] = await this.store.readAll({ after: position, maxCount: 1 });
    return { events: behind, oldestRecordedAt: oldest ? new Date(oldest.recordedAt) : null };
  }

  /** Follows the log again after `stop`, each projection from its checkpoint (a tool that paused the runner). */
  async resume(): Promise<void> {
    if (!this.stopping) return;
    this.stopping = false;
    await this.start();
  }

  /** Stops following the log; a rebuild not yet swapped in stops too, leaving the old tables and version live. */
  async stop(): Promise<void> {
    this.stopping = true;
    const rebuildsStopped = this.rebuilds?.stop();
    await this.subscription?.stop();
    await rebuildsStopped;
    await Promise.all([...this.running.values()].map((entry) => entry.applying));
    for (const entry of this.running.values()) if (entry.state === 'running' || entry.state === 'retrying' || entry.state === 'rebuilding') entry.state = 'stopped';
  }
}
