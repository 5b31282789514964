import { randomUUID } from 'node:crypto';
import { MasterKey } from '../cipher/master-key.js';
import type { PersonIdentifier } from '../identifiers.js';
import { BoundedCache } from './bounded-cache.js';
import { isErased, type KeyStore, type WrappedDataKey } from './key-store.port.js';

export interface SubjectKeysOptions {
  /** Unwrapped data keys kept in memory. Default 10,000 (about 1 MB). */
  readonly cacheSize?: number;
  /** How long a cached key (or "erased") is trusted. Default 60 s: the delay an erasure in another process takes to reach this one. */
  readonly cacheMaxAgeMs?: number;
}

/** A person in an append: how to find them, and their subject if they are new and unidentified. */
export interface PersonInAppend {
  readonly lookup: PersonIdentifier | null;
  readonly identifiers: readonly PersonIdentifier[];
  /** For a person without identifiers: a subject of their own, derived from the event so that a retry reuses it. */
  readonly ownSubject?: string;
  readonly streamId: string;
}

/** A key store's data keys, unwrapped by the master key and cached in memory. `null` = erased. */
export class SubjectKeys {
  private readonly cache: BoundedCache<string, Buffer | null>;
  private master: MasterKey | undefined;
  private identifierKey: string | undefined;

  constructor(
    private readonly store: KeyStore,
    /** A function for processes that may never meet an encrypted field (a projector over old events). */
    private readonly masterKey: MasterKey | (() => MasterKey),
    options: SubjectKeysOptions = {},
  ) {
    this.cache = new BoundedCache(options.cacheSize ?? 10_000, options.cacheMaxAgeMs ?? 60_000);
  }

  /** The subject and data key of each person, creating them on first sight. One key-store round trip. */
  async keysForPersons(persons: readonly PersonInAppend[]): Promise<{ subject: string; key: Buffer }[]> {
    const master = this.masterKeyNow();
    const requests = persons.map((person) => {
      const subject = person.ownSubject ?? randomUUID();
      const candidate = { subject, wrappedKey: master.wrap(MasterKey.newDataKey(), subject), masterKeyId: master.id };
      return { lookup: person.lookup, identifiers: person.identifiers, candidate, streamId: person.streamId };
    });
    const stored = await this.store.subjectsFor(requests).catch(() => this.store.subjectsFor(requests));
    return stored.map((wrapped) => {
      const key = this.unwrap(wrapped);
      this.cache.set(wrapped.subject, key);
      return { subject: wrapped.subject, key };
    });
  }

  /** Keys of these subjects (`null` when erased); throws for a subject the key store never knew. */
  async keysOf(subjects: readonly string[]): Promise<Map<string, Buffer | null>> {
    const keys = new Map<string, Buffer | null>();
    const missing: string[] = [];
    for (const subject of subjects) {
      const cached = this.cache.get(subject);
      if (cached === undefined) missing.push(subject);
      else keys.set(subject, cached);
    }
    if (missing.length === 0) return keys;
    const stored = await this.store.keysOf(missing);
    for (const subject of missing) {
      const found = stored.get(subject);
      // Never read an unknown key as "erased": a wrong KEYSTORE_DATABASE_URL must not look like a shredding.
      if (!found) throw new Error(`The key store has no data key and no erasure for subject ${subject}: is KEYSTORE_DATABASE_URL the right database?`);
      const key = isErased(found) ? null : this.unwrap(found);
      this.cache.set(subject, key);
      keys.set(subject, key);
    }
    return keys;
  }

  /**
   * Key of the hashes that find a person in the key store, derived from the master key: a copy of the
   * database cannot be searched for a known phone or ID number without it.
   */
  identifierHashKey(): string {
    this.identifierKey ??= this.masterKeyNow().deriveKey('key-store/person-identifiers');
    return this.identifierKey;
  }

  /** Drops erased subjects from memory at once. */
  forget(subjects: readonly string[]): void {
    for (const subject of subjects) this.cache.set(subject, null);
  }

  private unwrap(wrapped: WrappedDataKey): Buffer {
    const master = this.masterKeyNow();
    if (wrapped.masterKeyId !== master.id) {
      throw new Error(`The data key of subject ${wrapped.subject} was wrapped by master key ${wrapped.masterKeyId}, this process has ${master.id}`);
    }
    return master.unwrap(wrapped.wrappedKey, wrapped.subject);
  }

  /** The master key, loaded now if this process had put that off. */
  masterKeyNow(): MasterKey {
    this.master ??= typeof this.masterKey === 'function' ? this.masterKey() : this.masterKey;
    return this.master;
  }
}
