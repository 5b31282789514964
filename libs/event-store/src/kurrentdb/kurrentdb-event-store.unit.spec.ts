import { eventStoreContract } from '../testing/event-store.contract.js';
import { kurrentDbBehaviour } from './kurrentdb-behaviour.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { SimulatedKurrentDb } from './simulated-kurrentdb.js';

/**
 * The adapter's own logic against the server it assumes (simulated-kurrentdb.ts): proves the logic, not the
 * assumptions. The same suites against a real server: kurrentdb-event-store.int.spec.ts.
 */
const server = new SimulatedKurrentDb();

eventStoreContract('KurrentDB adapter over a simulated server', async (options) => {
  const store = new KurrentDbEventStore(server, { ...options, pollIntervalMs: 100 });
  return { store, dispose: () => store.close() };
}, { hashChainAudit: true });

kurrentDbBehaviour(async (options) => new KurrentDbEventStore(server, options));

describe('KurrentDB adapter over a simulated server', () => {
  it('ends a subscription with the error that broke its live subscription', async () => {
    const store = new KurrentDbEventStore(server);
    const subscription = store.subscribeToAll(async () => undefined, { streamPrefixes: ['nothing-'] });
    await new Promise((resolve) => setTimeout(resolve, 20));

    server.dropSubscriptions(new Error('connection lost'));

    await expect(subscription.done).rejects.toThrow('connection lost');
    await store.close();
  });
});
