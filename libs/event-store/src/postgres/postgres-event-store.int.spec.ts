import { createTestDatabase, type TestDatabase } from '#testing';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { PostgresEventStore } from './postgres-event-store.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

eventStoreContract('PostgreSQL', async (options) => {
  const store = await PostgresEventStore.connect({ connectionString: database.url, ...options });
  return { store, dispose: () => store.close() };
}, { multiStreamAppends: true, multiStreamReads: true, hashChainAudit: true });
