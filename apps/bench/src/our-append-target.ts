import { PostgresEventStore } from '#event-store';
import type { AppendTarget } from './append-target.js';

/** Our PostgreSQL event store, as the application connects it. */
export async function connectOurStore(connectionString: string, poolSize: number): Promise<AppendTarget> {
  const store = await PostgresEventStore.connect({ connectionString, poolSize });
  return {
    name: 'ours',
    async appendToNewStream(streamId, events) {
      await store.appendToStream(streamId, events, 'no_stream');
    },
    close: () => store.close(),
  };
}
