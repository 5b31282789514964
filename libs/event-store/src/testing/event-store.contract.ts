import { appendingContract } from './contract/appending.contract.js';
import { concurrentAppendsContract } from './contract/concurrent-appends.contract.js';
import { hashChainAuditContract } from './contract/hash-chain-audit.contract.js';
import { idempotentRetriesContract } from './contract/idempotent-retries.contract.js';
import { multiStreamAppendsContract } from './contract/multi-stream-appends.contract.js';
import { multiStreamReadsContract } from './contract/multi-stream-reads.contract.js';
import { readingStreamsContract } from './contract/reading-streams.contract.js';
import { readingTheLogContract } from './contract/reading-the-log.contract.js';
import { subscriptionsContract } from './contract/subscriptions.contract.js';
import { upcastingContract } from './contract/upcasting.contract.js';

export type { ContractStoreOptions, CreateStore, StoreUnderTest } from './contract/store-under-test.js';
import type { EventStore } from '../event-store.port.js';
import type { CreateStore, StoreUnderTest } from './contract/store-under-test.js';

/** What every adapter of the `EventStore` port must do; each adapter's spec runs it (one abstract suite, as in Eventuous). */
export interface ContractCapabilities {
  /** The store offers `MultiStreamAppends` (`appendToStreams`), whose contract then runs too. */
  readonly multiStreamAppends?: boolean;
  /** The store offers `MultiStreamReads` (`readStreams`), whose contract then runs too. */
  readonly multiStreamReads?: boolean;
  /** The store offers `HashChainAudit` (what `audit:verify` reads), whose contract then runs too. */
  readonly hashChainAudit?: boolean;
}

export function eventStoreContract(name: string, createStore: CreateStore, capabilities: ContractCapabilities = {}): void {
  describe(`${name} event store contract`, () => {
    let current: StoreUnderTest | undefined;
    const store = (): EventStore => current!.store;

    beforeEach(async () => {
      current = await createStore();
    });

    afterEach(async () => {
      await current?.dispose();
      current = undefined;
    });

    appendingContract(store);
    idempotentRetriesContract(store);
    readingStreamsContract(store);
    readingTheLogContract(store);
    subscriptionsContract(store);
    concurrentAppendsContract(store);
    upcastingContract(createStore);
    if (capabilities.multiStreamAppends) multiStreamAppendsContract(store);
    if (capabilities.multiStreamReads) multiStreamReadsContract(store);
    if (capabilities.hashChainAudit) hashChainAuditContract(store);
  });
}
