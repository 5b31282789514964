import { eventStoreContract } from '../testing/event-store.contract.js';
import { kurrentDbBehaviour } from './kurrentdb-behaviour.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

/**
 * Runs against a real KurrentDB whenever KURRENTDB_URL is set (e.g. `kurrentdb://127.0.0.1:2113?tls=false`),
 * and is skipped otherwise, in CI too: no server, no test, and a line saying so.
 */
const url = process.env.KURRENTDB_URL;
if (!url) console.log('KurrentDB contract suite skipped: KURRENTDB_URL is not set (docker compose up kurrentdb; see README)');
const kurrentSuite = url ? describe : describe.skip;

kurrentSuite('KurrentDB event store', () => {
  eventStoreContract('KurrentDB', async (options) => {
    const store = await KurrentDbEventStore.connect({ connectionString: url!, ...options });
    return { store, dispose: () => store.close() };
  }, { hashChainAudit: true });

  kurrentDbBehaviour((options) => KurrentDbEventStore.connect({ connectionString: url!, ...options }));
});
