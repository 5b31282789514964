import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { storedSystemSetting } from '#database';
import { COMPLAINT_PERSONAL_DATA_FIELDS } from '#hotline';
import { WAGE_CASE_PERSONAL_DATA_FIELDS } from '#wage-recovery';
import { HARDSHIP_PERSONAL_DATA_FIELDS } from '#hardship';
import { MEDIATION_PERSONAL_DATA_FIELDS } from '#mediation';
import { PersonalDataProtection, PersonalDataRegistry } from '#personal-data';

/** Every context's personal fields, in one registry (add each new context's list here). */
export function personalDataRegistry(): PersonalDataRegistry {
  return new PersonalDataRegistry().register(COMPLAINT_PERSONAL_DATA_FIELDS).register(WAGE_CASE_PERSONAL_DATA_FIELDS).register(HARDSHIP_PERSONAL_DATA_FIELDS).register(MEDIATION_PERSONAL_DATA_FIELDS);
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

/** Where installations from before the derived key keep their own random one (docs/configuration.md). */
export const STORED_HASH_KEY_SETTING = 'personal-data-hash-key';

/**
 * The key of the repeat-caller keyed hashes, for the app and the projector alike: an existing
 * installation's stored secret, else derived from the master key — when first asked for, so a
 * projector that loads the master key lazily loads it only once it meets a complaint.
 */
export async function repeatCallerHashKeyOf(dataSource: DataSource, personalData: PersonalDataProtection): Promise<() => string> {
  const stored = await storedSystemSetting(dataSource, STORED_HASH_KEY_SETTING);
  let key: string | undefined;
  return () => (key ??= personalData.repeatCallerHashKey(stored));
}
