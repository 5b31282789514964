import type { EventStore, RecordedEvent, UpcasterRegistry } from '#event-store';
import { loadMasterKey, type MasterKeySource } from './cipher/load-master-key.js';
import type { MasterKey } from './cipher/master-key.js';
import { EncryptingEventStore, readableEvents } from './event-store/encrypting-event-store.js';
import { identifierHash, type PersonIdentifier } from './identifiers.js';
import type { KeyStore } from './key-store/key-store.port.js';
import { PostgresKeyStore } from './key-store/postgres/postgres-key-store.js';
import { SubjectKeys, type SubjectKeysOptions } from './key-store/subject-keys.js';
import type { PersonalDataRegistry } from './personal-data-registry.js';
import { repeatCallerHashKey, deriveTokenSigningKey } from './repeat-caller-hash-key.js';

export interface PersonalDataProtectionOptions extends SubjectKeysOptions {
  readonly keyStore: KeyStore;
  readonly masterKey: MasterKey | (() => MasterKey);
  readonly registry: PersonalDataRegistry;
}

/** A person as an erasure request names them. */
export interface PersonToErase {
  readonly idNumber?: string;
  readonly phone?: string;
}

/** Encryption of personal data inside the events, with a key per person, and its crypto-shredding. */
export class PersonalDataProtection {
  readonly keys: SubjectKeys;

  constructor(private readonly options: PersonalDataProtectionOptions) {
    this.keys = new SubjectKeys(options.keyStore, options.masterKey, options);
  }

  /** Opens the PostgreSQL key store (`keystore` schema of `keyStoreUrl`) and loads the master key. */
  static async connect(options: Omit<PersonalDataProtectionOptions, 'keyStore' | 'masterKey'> & {
    readonly keyStoreUrl: string;
    readonly masterKey: MasterKeySource;
    /** Load the master key on first use only: for processes that may never meet an encrypted field. */
    readonly lazyMasterKey?: boolean;
  }): Promise<PersonalDataProtection> {
    const masterKey = options.lazyMasterKey ? () => loadMasterKey(options.masterKey) : loadMasterKey(options.masterKey);
    const keyStore = await PostgresKeyStore.connect(options.keyStoreUrl);
    return new PersonalDataProtection({ ...options, keyStore, masterKey });
  }

  /** The store seen through encryption: what every command handler, view and projection uses. */
  protect(store: EventStore, options: { readonly upcasters?: UpcasterRegistry } = {}): EncryptingEventStore {
    return new EncryptingEventStore(store, { keys: this.keys, registry: this.options.registry, upcasters: options.upcasters });
  }

  /**
   * Events that reached this process another way than through `protect` (from Kafka, still encrypted
   * as the store holds them), made readable exactly as a protected store's reads are.
   */
  readable(events: readonly RecordedEvent[], options: { readonly upcasters?: UpcasterRegistry } = {}): Promise<RecordedEvent[]> {
    return readableEvents(events, this.keys, options.upcasters);
  }

  /** The subjects that gave this ID number or this phone (either matches). */
  findSubjects(person: PersonToErase): Promise<string[]> {
    const key = this.keys.identifierHashKey();
    const identifiers: PersonIdentifier[] = [];
    if (person.idNumber?.trim()) identifiers.push({ kind: 'id_number', hash: identifierHash('id_number', person.idNumber, key) });
    if (person.phone?.trim()) identifiers.push({ kind: 'phone', hash: identifierHash('phone', person.phone, key) });
    return identifiers.length ? this.options.keyStore.findSubjects(identifiers) : Promise.resolve([]);
  }

  /** Deletes the person's keys: their values read `null` everywhere from now on. Returns the streams that held them. */
  async erase(person: PersonToErase): Promise<{ erasedSubjects: number; streamIds: string[] }> {
    const subjects = await this.findSubjects(person);
    if (subjects.length === 0) return { erasedSubjects: 0, streamIds: [] };
    const { streamIds } = await this.options.keyStore.erase(subjects);
    this.keys.forget(subjects);
    return { erasedSubjects: subjects.length, streamIds };
  }

  /**
   * After an erasure (and after the read models forgot the person): takes the deleted keys out of
   * the key store's files too. Returns what may still hold them (empty: nothing in the live store).
   */
  async purgeErasedKeys(): Promise<{ residue: string[] }> {
    return this.options.keyStore.purgeErased();
  }

  /**
   * The key of the keyed hashes that find repeat callers: `storedSecret` where an installation kept
   * one before the key was derived (its hashes must keep matching), else derived from the master key.
   */
  repeatCallerHashKey(storedSecret: string | undefined): string {
    return repeatCallerHashKey(() => this.keys.masterKeyNow(), storedSecret);
  }

  /** The key that signs access tokens, derived from the master key (never stored in the database). */
  tokenSigningKey(): string {
    return deriveTokenSigningKey(this.keys.masterKeyNow());
  }

  close(): Promise<void> {
    return this.options.keyStore.close();
  }
}
