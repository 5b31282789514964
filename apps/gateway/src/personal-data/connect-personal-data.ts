import { join } from 'node:path';
import { COMPLAINT_PERSONAL_DATA_FIELDS } from '#hotline';
import { PersonalDataProtection, PersonalDataRegistry } from '#personal-data';

/** Every context's personal fields, in one registry (add each new context's list here). */
export function personalDataRegistry(): PersonalDataRegistry {
  return new PersonalDataRegistry().register(COMPLAINT_PERSONAL_DATA_FIELDS);
}

export interface PersonalDataSettings {
  /** The events' database: the key store's too unless `KEYSTORE_DATABASE_URL` names another. */
  readonly databaseUrl: string;
  /** Where `master.key` is kept when `CASEWORK_MASTER_KEY` is not set. */
  readonly dataDir: string;
  /** The main app creates the master key on first start; a projector only reads it, when it needs it. */
  readonly role: 'app' | 'projector';
  readonly env?: NodeJS.ProcessEnv;
}

/** Connects the key store and the master key as configured (README "Configuration", ADR 0007). */
export function connectPersonalData(settings: PersonalDataSettings): Promise<PersonalDataProtection> {
  const env = settings.env ?? process.env;
  return PersonalDataProtection.connect({
    keyStoreUrl: env.KEYSTORE_DATABASE_URL || settings.databaseUrl,
    masterKey: { fromEnv: env.CASEWORK_MASTER_KEY || undefined, file: join(settings.dataDir, 'master.key'), createIfMissing: settings.role === 'app' },
    lazyMasterKey: settings.role === 'projector',
    registry: personalDataRegistry(),
  });
}
