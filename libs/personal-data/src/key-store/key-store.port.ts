import type { PersonIdentifier } from '../identifiers.js';

/** A person's data key as stored: wrapped by the master key, never in clear. */
export interface WrappedDataKey {
  readonly subject: string;
  readonly wrappedKey: Buffer;
  /** Which master key wrapped it (`MasterKey.id`). */
  readonly masterKeyId: string;
}

/** The person behind the personal fields of one append, and a new key to use if they are new. */
export interface SubjectRequest {
  /** How the person is found again (their ID number, else their phone); `null`: the candidate is theirs alone. */
  readonly lookup: PersonIdentifier | null;
  /** Every identifier they gave, so that an erasure by any of them finds the subject. */
  readonly identifiers: readonly PersonIdentifier[];
  readonly candidate: WrappedDataKey;
  /** The stream the data goes into: an erasure names the cases it touched. */
  readonly streamId: string;
}

export type StoredDataKey = WrappedDataKey | { readonly subject: string; readonly erased: true };

export function isErased(key: StoredDataKey): key is { readonly subject: string; readonly erased: true } {
  return 'erased' in key;
}

/**
 * Where the persons' data keys live, apart from the events (a schema or database of its own).
 * Adapters: PostgreSQL (`PostgresKeyStore`), in-memory (`InMemoryKeyStore`, for unit tests).
 */
export interface KeyStore {
  /** Each request's subject and data key, creating them on first sight; one round trip for the whole append. */
  subjectsFor(requests: readonly SubjectRequest[]): Promise<WrappedDataKey[]>;
  /** The keys of these subjects; an erased subject maps to `{erased: true}`, one never stored is absent. */
  keysOf(subjects: readonly string[]): Promise<Map<string, StoredDataKey>>;
  /** The subjects that gave any of these identifiers. */
  findSubjects(identifiers: readonly PersonIdentifier[]): Promise<string[]>;
  /**
   * Crypto-shredding: deletes the subjects' keys, identifiers and stream links, and remembers that
   * they were erased. Returns the streams that held their data.
   */
  erase(subjects: readonly string[]): Promise<{ streamIds: string[] }>;
  /**
   * Takes the erased keys and identifiers out of the store's files as well (dead rows, free space,
   * the database's write-ahead log). Returns what may still hold them, in words for the log; empty:
   * nothing of the live store does.
   */
  purgeErased(): Promise<{ residue: string[] }>;
  close(): Promise<void>;
}
