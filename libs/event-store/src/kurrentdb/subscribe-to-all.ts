import { END } from '@kurrent/kurrentdb-client';
import type { BatchHandler, SubscribeOptions, Subscription } from '../event-store.port.js';
import type { LogPosition } from '../log-position.js';
import { CatchUpSubscription, type CatchUpSource } from '../subscription/catch-up-subscription.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import type { KurrentClient } from './kurrent-client.js';
import { logFilter } from './log-filter.js';
import { readLogBatch } from './read-log.js';

export interface KurrentSubscriptionDeps {
  readonly client: KurrentClient;
  readonly upcasters: UpcasterRegistry;
  /** Reads this often even when no wake-up comes (one lost while the live subscription was starting). */
  readonly pollIntervalMs: number;
}

/**
 * The shared catch-up loop over `$all` reads. KurrentDB's own `subscribeToAll`, from the end of the log and
 * filtered like the reads, serves only to wake it: the events themselves always come from the reads, so
 * batches, order, checkpoints and upcasting are those of `readAll`. A broken live subscription ends the
 * subscription with its error, as PostgreSQL's broken LISTEN connection does.
 */
export function subscribeToAll(deps: KurrentSubscriptionDeps, handler: BatchHandler, options: SubscribeOptions = {}): Subscription {
  const source: CatchUpSource = {
    readBatch: (after: LogPosition, maxCount: number, streamPrefixes?: readonly string[]) =>
      readLogBatch(deps.client, { after, maxCount, streamPrefixes }, deps.upcasters),
    watch: async (wake, fail) => watchAppends(deps.client, options.streamPrefixes, wake, fail),
    pollIntervalMs: deps.pollIntervalMs,
  };
  return new CatchUpSubscription(source, handler, options);
}

function watchAppends(client: KurrentClient, streamPrefixes: readonly string[] | undefined, wake: () => void, fail: (error: unknown) => void): () => Promise<void> {
  const live = client.subscribeToAll({ fromPosition: END, filter: logFilter(streamPrefixes?.length === 0 ? undefined : streamPrefixes) });
  live.on('data', wake);
  live.on('error', fail);
  return async () => {
    live.off('data', wake);
    live.off('error', fail);
    // An error the stream emits while closing would otherwise be unhandled and end the process.
    live.on('error', () => undefined);
    await live.unsubscribe();
  };
}
