/**
 * A read model on a fresh test database for the figures' specs: the real event store, the real
 * projection, and a `catchUp` that applies what the store holds beyond the projection's checkpoint.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { applyBatch, ProjectionRunner, type Projection } from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { readVisibleLog } from '../../../event-store/src/testing/wait-for-head.js';

export interface ProjectionTestBed {
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  readonly projection: Projection;
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

export async function startProjectionTestBed(makeProjection: (store: PostgresEventStore) => Projection): Promise<ProjectionTestBed> {
  const db: TestDatabase = await createTestDatabase();
  const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  const store = await PostgresEventStore.connect({ connectionString: db.url });
  const projection = makeProjection(store);
  await ProjectionRunner.ensureSchemas(dataSource, [projection]);
  return {
    dataSource,
    store,
    projection,
    async catchUp() {
      const [checkpoint] = await dataSource.query('SELECT commit_position c, prepare_position p FROM projection_checkpoints WHERE name = $1', [projection.name]);
      await applyBatch(dataSource, projection, await readVisibleLog(store, { after: checkpoint ? { commit: BigInt(checkpoint.c), prepare: BigInt(checkpoint.p) } : undefined }));
    },
    async close() {
      await store.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** A decided event with the envelope a command handler gives it, dated `at`. */
export function envelopeOf(event: { readonly type: string; readonly data: unknown }, actor: { readonly userId: string; readonly role: string; readonly orgUnitId: string }, at: Date): NewEvent {
  const id = randomUUID();
  return { eventId: id, type: event.type, schemaVersion: 1, data: event.data as never, metadata: { actor, occurredAt: at.toISOString(), commandId: id, correlationId: id, causationId: id } };
}
