import type { EventStore } from '../../event-store.port.js';
import type { UpcasterRegistry } from '../../upcasting/upcaster-registry.js';

/** What each part of the event store contract is given: a way to open the store under test. */
export interface StoreUnderTest {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

export interface ContractStoreOptions {
  readonly upcasters?: UpcasterRegistry;
}

/**
 * Opens a store for one test. Stores opened by one test file may share their storage: the contract
 * gives every test its own streams and its own stream-id context, and never assumes an empty log.
 */
export type CreateStore = (options?: ContractStoreOptions) => Promise<StoreUnderTest>;
