import { DataSource } from 'typeorm';
import { systemSecret, SYSTEM_SETTINGS_SCHEMA_SQL } from '#database';
import { upcasters } from '#event-schemas';
import { PostgresEventStore, type EventStore } from '#event-store';
import { allProjections, readModelEntities } from '#read-models';
import type { Projection } from '#projections';
import { createHotlineServices } from '../../hotline/src/hotline-services.js';

export interface ProjectorConnection {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly projections: Projection[];
  close(): Promise<void>;
}

/** Connects to the store and the read-model database and lists every projection, keyed as in production. */
export async function connectProjector(databaseUrl: string): Promise<ProjectorConnection> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, entities: readModelEntities, extra: { max: 10 } });
  await dataSource.initialize();
  await dataSource.query(SYSTEM_SETTINGS_SCHEMA_SQL);
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, upcasters });
  const phoneHashKey = await systemSecret(dataSource, 'personal-data-hash-key');
  return {
    dataSource,
    store,
    projections: [...allProjections(), ...createHotlineServices().processManagers(store, phoneHashKey)],
    async close() {
      await store.close();
      await dataSource.destroy();
    },
  };
}
