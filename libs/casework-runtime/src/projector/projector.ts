import { CaseNumbers, PostgresCaseNumberCounter } from '#case-numbers';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { migrateDurableSchema } from '#migrations';
import { upcasters } from '#event-schemas';
import { PostgresEventStore, type EventStore, type RecordedEvent } from '#event-store';
import { readModelEntities } from '#read-models';
import { projectorConsumers } from './consumers.js';
import type { Projection } from '#projections';
import { createHotlineServices } from '#hotline-service';
import { createWageServices } from '#wage-service';
import { createHardshipServices } from '#hardship-service';
import { createMediationServices } from '#mediation-service';
import { createChineseDaysCalendar } from '#calendar';
import { connectPersonalData, repeatCallerHashKeyOf } from '#casework-personal-data';

export interface ProjectorConnection {
  readonly dataSource: DataSource;
  /** The store as its readers see it (personal data decrypted, events upcast). */
  readonly store: EventStore;
  /** Read models then process managers: everything the projector runs. */
  readonly projections: Projection[];
  readonly readModels: Projection[];
  readonly processManagers: Projection[];
  /** Events that came from Kafka (still encrypted, as stored) made readable as the store's reads are. */
  readable(events: readonly RecordedEvent[]): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export interface ProjectorOptions {
  /** The event store below the encryption (default: PostgreSQL at `databaseUrl`). */
  readonly connectStore?: (databaseUrl: string) => Promise<EventStore>;
}

/**
 * Connects to the store and the read-model database and lists every projection, keyed as in production.
 * Events are read through the same decryption as the app's (the master key from CASEWORK_MASTER_KEY or
 * `<DATA_DIR>/master.key`, loaded when the first encrypted field is met), so projections see what it sees;
 * the repeat-call detector's hash key is derived from the same master key, when first needed.
 */
export async function connectProjector(databaseUrl: string, dataDir = resolve(process.env.DATA_DIR ?? './data'), options: ProjectorOptions = {}): Promise<ProjectorConnection> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, entities: readModelEntities, extra: { max: 10 } });
  await dataSource.initialize();
  await migrateDurableSchema(dataSource);
  const personalData = await connectPersonalData({ databaseUrl, dataDir, role: 'projector' });
  const phoneHashKey = await repeatCallerHashKeyOf(dataSource, personalData);
  const connectStore = options.connectStore ?? ((url: string) => PostgresEventStore.connect({ connectionString: url }));
  const store = personalData.protect(await connectStore(databaseUrl), { upcasters });
  const calendar = createChineseDaysCalendar();
  const services = { hotline: createHotlineServices(), wage: createWageServices(calendar), hardship: createHardshipServices(calendar), mediation: createMediationServices() };
  const { readModels, processManagers } = projectorConsumers(store, services, phoneHashKey, new CaseNumbers(new PostgresCaseNumberCounter(dataSource)));
  return {
    dataSource,
    store,
    projections: [...readModels, ...processManagers],
    readModels,
    processManagers,
    readable: (events) => personalData.readable(events, { upcasters }),
    async close() {
      await store.close();
      await personalData.close();
      await dataSource.destroy();
    },
  };
}
