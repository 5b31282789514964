import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { SYSTEM_SETTINGS_SCHEMA_SQL } from '#database';
import { upcasters } from '#event-schemas';
import { PostgresEventStore, type EventStore } from '#event-store';
import { allProjections, personJourneyProjection, readModelEntities } from '#read-models';
import type { Projection } from '#projections';
import { createHotlineServices } from '../../hotline/src/hotline-services.js';
import { createWageServices } from '../../wage/src/wage-services.js';
import { createHardshipServices } from '../../hardship/src/hardship-services.js';
import { createMediationServices } from '../../mediation/src/mediation-services.js';
import { createChineseDaysCalendar } from '#calendar';
import { connectPersonalData, repeatCallerHashKeyOf } from '../../gateway/src/personal-data/connect-personal-data.js';

export interface ProjectorConnection {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly projections: Projection[];
  close(): Promise<void>;
}

/**
 * Connects to the store and the read-model database and lists every projection, keyed as in production.
 * Events are read through the same decryption as the app's (the master key from CASEWORK_MASTER_KEY or
 * `<DATA_DIR>/master.key`, loaded when the first encrypted field is met), so projections see what it sees;
 * the repeat-call detector's hash key is derived from the same master key, when first needed.
 */
export async function connectProjector(databaseUrl: string, dataDir = resolve(process.env.DATA_DIR ?? './data')): Promise<ProjectorConnection> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, entities: readModelEntities, extra: { max: 10 } });
  await dataSource.initialize();
  await dataSource.query(SYSTEM_SETTINGS_SCHEMA_SQL);
  const personalData = await connectPersonalData({ databaseUrl, dataDir, role: 'projector' });
  const phoneHashKey = await repeatCallerHashKeyOf(dataSource, personalData);
  const store = personalData.protect(await PostgresEventStore.connect({ connectionString: databaseUrl }), { upcasters });
  const hotline = createHotlineServices();
  const wage = createWageServices(createChineseDaysCalendar());
  return {
    dataSource,
    store,
    projections: [...allProjections(), ...hotline.processManagers(store, phoneHashKey), ...wage.processManagers(store, hotline.decider), ...createHardshipServices(createChineseDaysCalendar()).processManagers(store), ...createMediationServices().processManagers(store, wage.decider, hotline.decider), personJourneyProjection(phoneHashKey)],
    async close() {
      await store.close();
      await personalData.close();
      await dataSource.destroy();
    },
  };
}
