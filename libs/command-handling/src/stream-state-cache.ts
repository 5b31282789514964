import type { LogPosition } from '#event-store';

/** What a command needs of a stream it has seen before: its folded state, version and command ids. */
export interface CachedStream<State> {
  readonly state: State;
  /** Events in the stream the state was folded from. */
  readonly version: number;
  readonly lastPosition: LogPosition | null;
  readonly commandIds: ReadonlySet<string>;
  /** See `LoadedStream.versionAfterLastPerson` (handle-command.ts). */
  readonly versionAfterLastPerson: number;
  readonly cachedAt: number;
}

/**
 * A small in-memory cache of folded stream states for `handleCommand`, for aggregates whose streams
 * grow long (a wage case with a thousand workers and many payments): a command then reads only the
 * events appended since, instead of reading, decrypting and folding the whole stream again. Entries
 * live `ttlMs` at most (so personal data erased from the store does not linger in memory) and the
 * least recently used are dropped beyond `maxEntries`. The store stays the truth: a stale entry only
 * costs a conflict, after which the entry is dropped and the stream read in full.
 */
export class StreamStateCache<State> {
  private readonly entries = new Map<string, CachedStream<State>>();

  constructor(private readonly options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {}) {}

  get(streamId: string): CachedStream<State> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    if (this.now() - entry.cachedAt > (this.options.ttlMs ?? 5 * 60_000)) {
      this.entries.delete(streamId);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry;
  }

  set(streamId: string, entry: Omit<CachedStream<State>, 'cachedAt'>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { ...entry, cachedAt: this.now() });
    const max = this.options.maxEntries ?? 200;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  clear(): void {
    this.entries.clear();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
