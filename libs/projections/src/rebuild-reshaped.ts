import type { DataSource } from 'typeorm';
import type { EventStore } from '#event-store';
import type { Projection } from './projection.js';
import { rebuildProjection, type RebuildProgress } from './rebuild-projection.js';
import { pauseUnlessAborted } from './rebuild-lock.js';
import { reshapedReadModels } from './schema-versions.js';

export interface ReshapedRebuildOptions {
  /** Stops waiting or rebuilding (before the swap: the old tables stay live, and the next start rebuilds again). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RebuildProgress) => unknown;
  /** A try that failed for no event's fault (the database away): it is tried again after a growing pause. */
  readonly onError?: (error: unknown) => void;
  /** The longest pause between two tries (default 30 s). */
  readonly maxPauseMs?: number;
}

/** How often a process that cannot rebuild (no store) asks whether another has. */
const WAIT_MS = 1_000;

/**
 * Brings a read model whose schema version changed (`ensureSchemas`) onto tables of its new shape,
 * and resolves once they are live: rebuilt from `store` beside the old tables and swapped in — by
 * this process, or by another that holds the rebuild lock first (this one then finds the version
 * current and rebuilds nothing). Without a store (a consumer fed by Kafka that was given none) it
 * waits for a rebuild run elsewhere, e.g. `npm run projections:rebuild`. Rejects only when aborted.
 */
export async function rebuildReshaped(dataSource: DataSource, store: EventStore | undefined, projection: Projection, options: ReshapedRebuildOptions = {}): Promise<void> {
  for (let pause = 250; ; ) {
    options.signal?.throwIfAborted();
    try {
      if (!(await isReshaped(dataSource, projection))) return;
      if (!store) {
        await pauseUnlessAborted(WAIT_MS, options.signal);
        continue;
      }
      await rebuildProjection(dataSource, store, projection, { onlyIfReshaped: true, signal: options.signal, onProgress: options.onProgress });
      return;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      options.onError?.(error);
      await pauseUnlessAborted(pause, options.signal);
      pause = Math.min(pause * 2, options.maxPauseMs ?? 30_000);
    }
  }
}

async function isReshaped(dataSource: DataSource, projection: Projection): Promise<boolean> {
  return (await reshapedReadModels(dataSource, [projection])).has(projection.name);
}

export interface BackgroundRebuildHooks {
  /** Once the projection's new tables are live: it may follow the log again. */
  readonly then: (projection: Projection) => Promise<void>;
  readonly onProgress?: (projection: string, progress: RebuildProgress) => unknown;
  readonly onError?: (projection: Projection, error: unknown) => void;
  readonly maxPauseMs?: number;
}

export interface BackgroundRebuilds {
  /** Stops before the next swap (the old tables and version stay live; the next start rebuilds again) and resolves once stopped. */
  stop(): Promise<void>;
}

/**
 * `rebuildReshaped` for each projection, one after the other in the background (each replays the
 * whole log; one at a time keeps a process to one rebuild's connections and CPU), handing each to
 * `then` as soon as it is live.
 */
export function rebuildInBackground(dataSource: DataSource, store: EventStore | undefined, projections: readonly Projection[], hooks: BackgroundRebuildHooks): BackgroundRebuilds {
  const controller = new AbortController();
  const rebuildEach = async () => {
    for (const projection of projections) {
      await rebuildReshaped(dataSource, store, projection, {
        signal: controller.signal,
        maxPauseMs: hooks.maxPauseMs,
        onProgress: (progress) => hooks.onProgress?.(projection.name, progress),
        onError: (error) => hooks.onError?.(projection, error),
      });
      if (controller.signal.aborted) return;
      await hooks.then(projection);
    }
  };
  // Rejects only when stopped.
  const done = rebuildEach().catch(() => undefined);
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}
