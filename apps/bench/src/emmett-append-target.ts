import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { AppendTarget } from './append-target.js';

/**
 * Emmett's PostgreSQL event store on a `pg.Pool` of the same size as ours. Emmett (through dumbo)
 * replaces pg's global type parsers, so it only ever runs in its own worker thread.
 */
export async function connectEmmettStore(connectionString: string, poolSize: number): Promise<AppendTarget> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
  await store.schema.migrate();
  return {
    name: 'emmett',
    async appendToNewStream(streamId, events) {
      await store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.eventId } })),
        { expectedStreamVersion: STREAM_DOES_NOT_EXIST },
      );
    },
    async close() {
      await store.close();
      await pool.end();
    },
  };
}
