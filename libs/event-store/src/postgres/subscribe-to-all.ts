import pg from 'pg';
import type { BatchHandler, SubscribeOptions, Subscription } from '../event-store.port.js';
import type { LogPosition } from '../log-position.js';
import { CatchUpSubscription } from '../subscription/catch-up-subscription.js';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { APPENDED_CHANNEL } from './appended-channel.js';
import { readAllBatch } from './read-all.js';

export interface PostgresSubscriptionDeps {
  readonly pool: pg.Pool;
  /** For the subscription's own LISTEN connection, outside the pool. */
  readonly connection: pg.ClientConfig;
  readonly upcasters: UpcasterRegistry;
  /** Reads this often even without a notification: a lost one, or events an in-flight transaction held back. */
  readonly pollIntervalMs: number;
}

/** Catch-up from the checkpoint through the pool, then woken by the NOTIFY the store sends after appends (append-notifier.ts). */
export function subscribeToAll(deps: PostgresSubscriptionDeps, handler: BatchHandler, options?: SubscribeOptions): Subscription {
  const source = {
    readBatch: (after: LogPosition, maxCount: number, streamPrefixes?: readonly string[]) =>
      readAllBatch(deps.pool, { after, maxCount, streamPrefixes }, deps.upcasters),
    watch: (wake: () => void, fail: (error: unknown) => void) => listenForAppends(deps.connection, wake, fail),
    pollIntervalMs: deps.pollIntervalMs,
  };
  return new CatchUpSubscription(source, handler, options);
}

async function listenForAppends(connection: pg.ClientConfig, wake: () => void, fail: (error: unknown) => void): Promise<() => Promise<void>> {
  const client = new pg.Client(connection);
  client.on('error', fail);
  client.on('notification', wake);
  try {
    await client.connect();
    await client.query(`LISTEN ${APPENDED_CHANNEL}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return async () => {
    client.off('notification', wake);
    await client.end().catch(() => undefined);
  };
}
