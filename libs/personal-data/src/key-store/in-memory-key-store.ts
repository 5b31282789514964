import type { PersonIdentifier } from '../identifiers.js';
import type { KeyStore, StoredDataKey, SubjectRequest, WrappedDataKey } from './key-store.port.js';

const keyOf = (identifier: PersonIdentifier) => `${identifier.kind}:${identifier.hash}`;

/** The key store in memory, with the PostgreSQL adapter's behaviour: for unit tests. */
export class InMemoryKeyStore implements KeyStore {
  readonly keys = new Map<string, WrappedDataKey>();
  private readonly lookups = new Map<string, string>();
  private readonly identifiers = new Map<string, Set<string>>();
  private readonly streams = new Map<string, Set<string>>();
  private readonly erased = new Set<string>();

  async subjectsFor(requests: readonly SubjectRequest[]): Promise<WrappedDataKey[]> {
    return requests.map((request) => {
      const found = request.lookup ? this.lookups.get(keyOf(request.lookup)) : undefined;
      const subject = found ?? request.candidate.subject;
      if (!found) {
        if (!this.keys.has(subject)) this.keys.set(subject, request.candidate);
        if (request.lookup) this.lookups.set(keyOf(request.lookup), subject);
      }
      for (const identifier of request.identifiers) {
        this.identifiers.set(keyOf(identifier), (this.identifiers.get(keyOf(identifier)) ?? new Set()).add(subject));
      }
      this.streams.set(subject, (this.streams.get(subject) ?? new Set()).add(request.streamId));
      return this.keys.get(subject)!;
    });
  }

  async keysOf(subjects: readonly string[]): Promise<Map<string, StoredDataKey>> {
    const found = new Map<string, StoredDataKey>();
    for (const subject of subjects) {
      const key = this.keys.get(subject);
      if (key) found.set(subject, key);
      else if (this.erased.has(subject)) found.set(subject, { subject, erased: true });
    }
    return found;
  }

  async findSubjects(identifiers: readonly PersonIdentifier[]): Promise<string[]> {
    return [...new Set(identifiers.flatMap((identifier) => [...(this.identifiers.get(keyOf(identifier)) ?? [])]))];
  }

  async erase(subjects: readonly string[]): Promise<{ streamIds: string[] }> {
    const streamIds = new Set<string>();
    for (const subject of subjects) {
      for (const streamId of this.streams.get(subject) ?? []) streamIds.add(streamId);
      this.streams.delete(subject);
      this.keys.delete(subject);
      this.erased.add(subject);
      for (const [lookup, owner] of this.lookups) if (owner === subject) this.lookups.delete(lookup);
      for (const owners of this.identifiers.values()) owners.delete(subject);
    }
    return { streamIds: [...streamIds] };
  }

  /** Nothing to purge: a deleted entry is gone from memory. */
  async purgeErased(): Promise<{ residue: string[] }> {
    return { residue: [] };
  }

  async close(): Promise<void> {}
}
