import type { ProjectionStatus } from './projection-runner.js';
import type { ReplayReport } from './replay-parked.js';

/**
 * What the rest of a process needs to know of the read models, wherever they are built: their state
 * and lag (health, metrics), and a way to wait until everything written so far is in them
 * (read-your-writes, the mediation calendar's check). The one-process `ProjectionRunner` is one; a
 * process watching a projector fed by Kafka (`ReadModelsViaKafka`) is the other.
 */
export interface ReadModelProgress {
  status(): Promise<ProjectionStatus[]>;
  /**
   * Resolves once the read models have applied everything committed so far; with `only`, those read
   * models at least (an implementation may wait for all of them).
   */
  waitUntilCaughtUp(timeoutMs?: number, only?: readonly string[]): Promise<void>;
  /** Replays parked events through the same code (absent where this process has no event store to read, e.g. a Kafka consumer). */
  replayParked?(projection?: string): Promise<ReplayReport[]>;
  stop(): Promise<void>;
}
