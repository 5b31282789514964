import type { DataSource } from 'typeorm';
import { START, compareLogPositions, type EventStore, type LogPosition, type RecordedEvent, type Subscription } from '#event-store';
import type { Projection } from './projection.js';
import { CHECKPOINTS_SCHEMA_SQL, readCheckpoint, type Checkpoint } from './checkpoints.js';
import { applyOrPark } from './apply-or-park.js';
import { describeFailure, type ApplyFailure, type RetryPolicy } from './apply-failure.js';
import { countParked } from './parked-events.js';
import { replayParkedEvents, type ReplayReport } from './replay-parked.js';

export interface ProjectionStatus {
  readonly name: string;
  /** `retrying`: a failure that is no event's fault (the database away) is being tried again. */
  readonly state: 'starting' | 'running' | 'retrying' | 'stopped' | 'failed';
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

/** Keeps every projection following the global log from its checkpoint. */
/**
 * How long `waitUntilCaughtUp` waits by default. A minute, not seconds: on a busy shared server (a
 * bulk import next door, CI running suites side by side on two cores) a projection can stay behind
 * for tens of seconds without anything being wrong; the test suites saw 10 s run out that way.
 */
export const CATCH_UP_TIMEOUT_MS = 60_000;

export class ProjectionRunner {
  private readonly running = new Map<string, RunningProjection>();
  private subscription: Subscription | undefined;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {}

  /**
   * Creates what is missing. A projection whose `schemaVersion` changed since its tables were made
   * starts again from nothing: its tables are dropped and its checkpoint removed, so it replays.
   */
  static async ensureSchemas(dataSource: DataSource, projections: readonly Projection[]): Promise<void> {
    await dataSource.query(CHECKPOINTS_SCHEMA_SQL);
    for (const projection of projections) {
      const version = projection.schemaVersion ?? 1;
      await dataSource.transaction(async (tx) => {
        const [stored]: { version: number }[] = await tx.query('SELECT version FROM public.projection_schema_versions WHERE name = $1 FOR UPDATE', [projection.name]);
        // Read models made before versions were recorded are version 1.
        const [made] = stored ? [] : await tx.query('SELECT 1 FROM public.projection_checkpoints WHERE name = $1', [projection.name]);
        const was = stored?.version ?? (made ? 1 : version);
        if (was !== version) {
          for (const table of projection.tables) await tx.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
          await tx.query('DELETE FROM public.projection_checkpoints WHERE name = $1', [projection.name]);
        }
        await tx.query(projection.schemaSql);
        await tx.query(
          'INSERT INTO public.projection_schema_versions (name, version) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version',
          [projection.name, version],
        );
      });
    }
  }

  /**
   * One reader for all: each batch of the log is read once and handed to every projection at the
   * same time, each in its own transaction with its own checkpoint (a projection further ahead skips
   * what it has already applied). Reading the log once instead of once per projection is most of
   * what catching up costs.
   */
  async start(): Promise<void> {
    await ProjectionRunner.ensureSchemas(this.dataSource, this.projections);
    for (const projection of this.projections) {
      this.running.set(projection.name, { projection, checkpoint: await readCheckpoint(this.dataSource, projection.name), state: 'running', applying: Promise.resolve() });
    }
    const entries = [...this.running.values()];
    const from = entries.map((entry) => entry.checkpoint.position).reduce((a, b) => (compareLogPositions(a, b) <= 0 ? a : b), entries[0]?.checkpoint.position ?? START);
    this.subscription = this.store.subscribeToAll((events) => this.deliver(events), { after: from, batchSize: this.options.batchSize ?? DEFAULT_BATCH_SIZE });
    this.subscription.done.catch((error: unknown) => {
      for (const entry of this.running.values()) if (entry.state === 'running' || entry.state === 'retrying') this.fail(entry, error);
    });
  }

  /**
   * Each projection takes the batch as soon as it has taken the one before; the reader waits only
   * until every projection has taken that one before. So the projections overlap (a slow one holds the
   * others back by one batch at most, and the server works on several at once), and a batch is in
   * memory for two reads at most.
   */
  private async deliver(events: readonly RecordedEvent[]): Promise<void> {
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
   */
  replayParked(projection?: string): Promise<ReplayReport[]> {
    return replayParkedEvents(this.dataSource, this.store, this.projections, { projection });
  }

  /**
   * Resolves once every projection (or those named in `only`) has applied everything up to `position`
   * (e.g. a command's last event).
   */
  async waitFor(position: LogPosition, timeoutMs = 10_000, only?: readonly string[]): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const waitedFor = [...this.running.values()].filter((entry) => !only || only.includes(entry.projection.name));
      const behind = waitedFor.some((entry) => compareLogPositions(entry.checkpoint.position, position) < 0);
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

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
    await Promise.all([...this.running.values()].map((entry) => entry.applying));
    for (const entry of this.running.values()) if (entry.state === 'running' || entry.state === 'retrying') entry.state = 'stopped';
  }
}
