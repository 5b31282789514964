import type { EventStore } from './event-store.port.js';
import type { HashChainAudit } from './hash-chain-audit.port.js';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

/** Which store holds the events: `EVENT_STORE` (`postgres`, the default, or `kurrentdb`) and `KURRENTDB_URL`. */
export interface EventStoreChoice {
  readonly eventStore: 'postgres' | 'kurrentdb';
  /** Required with `kurrentdb`. */
  readonly kurrentDbUrl?: string;
}

/**
 * The one reading of `EVENT_STORE` and `KURRENTDB_URL`, for every process and tool (the distributed
 * services, the rebuild, `audit:verify`), so that they all read the same store.
 */
export function eventStoreChoiceFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreChoice {
  const eventStore = env.EVENT_STORE ?? 'postgres';
  if (eventStore !== 'postgres' && eventStore !== 'kurrentdb') throw new Error(`EVENT_STORE must be postgres or kurrentdb, not "${eventStore}"`);
  if (eventStore === 'postgres') return { eventStore };
  if (!env.KURRENTDB_URL) throw new Error('KURRENTDB_URL is required with EVENT_STORE=kurrentdb (README "Running on many machines")');
  return { eventStore, kurrentDbUrl: env.KURRENTDB_URL };
}

export interface ConnectChosenStoreOptions {
  /** PostgreSQL only: connections of the pool (default: the store's own). */
  readonly poolSize?: number;
}

/**
 * Opens the chosen store below any encryption: PostgreSQL at `databaseUrl` (its schema created or
 * updated), or KurrentDB at the chosen URL (`databaseUrl` unused). Both audit their hash chains.
 */
export function connectChosenStore(choice: EventStoreChoice, databaseUrl: string, options: ConnectChosenStoreOptions = {}): Promise<EventStore & HashChainAudit> {
  if (choice.eventStore === 'kurrentdb') return KurrentDbEventStore.connect({ connectionString: choice.kurrentDbUrl! });
  return PostgresEventStore.connect({ connectionString: databaseUrl, poolSize: options.poolSize });
}
