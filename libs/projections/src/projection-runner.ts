import type { DataSource } from 'typeorm';
import { START, compareLogPositions, type EventStore, type LogPosition, type RecordedEvent, type Subscription } from '#event-store';
import type { Projection } from './projection.js';
import { CHECKPOINTS_SCHEMA_SQL, readCheckpoint, type Checkpoint } from './checkpoints.js';
import { applyBatch } from './apply-batch.js';

export interface ProjectionStatus {
  readonly name: string;
  readonly state: 'starting' | 'running' | 'stopped' | 'failed';
  /** `"<commit>/<prepare>"` of the last applied event. */
  readonly position: string;
  readonly eventsApplied: number;
  /** Events in the log after the checkpoint. */
  readonly lagEvents: number;
  /** How long ago the oldest unapplied event was recorded; 0 when caught up. */
  readonly lagMs: number;
  readonly error?: string;
}

export interface RunnerOptions {
  /** Events per read of the log (default 8,000). */
  readonly batchSize?: number;
  /** Called with each failure; the runner stops that projection (a poisoned read model must be looked at). */
  readonly onError?: (projection: string, error: unknown) => void;
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
export class ProjectionRunner {
  private readonly running = new Map<string, RunningProjection>();
  private subscription: Subscription | undefined;

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
      for (const entry of this.running.values()) if (entry.state === 'running') this.fail(entry, error);
    });
  }

  /**
   * Each projection takes the batch as soon as it has taken the one before; the reader waits only
   * until every projection has taken that one before. So the projections overlap (a slow one holds the
   * others back by one batch at most, and the server works on several at once), and a batch is in
   * memory for two reads at most.
   */
  private async deliver(events: readonly RecordedEvent[]): Promise<void> {
    const live = [...this.running.values()].filter((entry) => entry.state === 'running');
    const previous = live.map((entry) => entry.applying);
    for (const entry of live) entry.applying = entry.applying.then(() => this.applyTo(entry, events));
    await Promise.all(previous);
  }

  private async applyTo(entry: RunningProjection, events: readonly RecordedEvent[]): Promise<void> {
    if (entry.state !== 'running') return;
    try {
      entry.checkpoint = await applyBatch(this.dataSource, entry.projection, events);
    } catch (error) {
      this.fail(entry, error);
    }
  }

  /** A poisoned read model must be looked at: the runner stops feeding it and says why; the others go on. */
  private fail(entry: RunningProjection, error: unknown): void {
    entry.state = 'failed';
    entry.error = error instanceof Error ? error.message : String(error);
    this.options.onError?.(entry.projection.name, error);
  }

  /** Resolves once every projection has applied everything up to `position` (e.g. a command's last event). */
  async waitFor(position: LogPosition, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const behind = [...this.running.values()].some((entry) => compareLogPositions(entry.checkpoint.position, position) < 0);
      if (!behind) return;
      if (Date.now() > deadline) throw new Error('Projections did not catch up in time');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /**
   * Resolves once everything committed so far is applied — including what process managers
   * appended while catching up (so it loops until the log stops moving).
   */
  async waitUntilCaughtUp(timeoutMs = 10_000): Promise<void> {
    let previous: LogPosition | undefined;
    for (let at = await this.store.lastCommittedPosition(); !previous || compareLogPositions(at, previous) !== 0; at = await this.store.lastCommittedPosition()) {
      previous = at;
      await this.waitFor(at, timeoutMs);
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    const statuses: ProjectionStatus[] = [];
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

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await Promise.all([...this.running.values()].map((entry) => entry.applying));
    for (const entry of this.running.values()) if (entry.state === 'running') entry.state = 'stopped';
  }
}
