/**
 * Per-stream states a projection has folded, each tagged with the stream revision it was folded
 * through, kept in memory between batches so that the next batch need not read them back from its
 * tables (and parse them) before folding on.
 *
 * A state folded through revision r is a function of the stream's events 0…r alone. So an entry is
 * right whether or not the transaction that wrote it committed: a batch that rolled back and is
 * applied again starts below the kept revision, finds no entry for the revision it needs, and reads
 * its table as before. `take` hands the entry over (the caller folds it on in place and `put`s it
 * back), so a state is never shared between two batches.
 *
 * Keep only states without personal data here: entries live until pushed out by newer ones.
 */
export class FoldedStates<State> {
  private readonly entries = new Map<string, { readonly revision: number; readonly state: State }>();

  constructor(private readonly maxEntries = 20_000) {}

  /** The state folded through exactly `revision`, removed from the cache; undefined if not kept. */
  take(streamId: string, revision: number): State | undefined {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    this.entries.delete(streamId);
    return entry.revision === revision ? entry.state : undefined;
  }

  /** Keeps `state` as folded through `revision`; the least recently put go first beyond the limit. */
  put(streamId: string, revision: number, state: State): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { revision, state });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * For each stream of a batch, the revision its state must have been folded through before the batch
 * (the one before its first event here), in order of first appearance; streams the batch starts are
 * left out, as they have no state yet.
 */
export function revisionsBefore(events: readonly { readonly streamId: string; readonly streamRevision: number }[]): Map<string, number> {
  const before = new Map<string, number>();
  const started = new Set<string>();
  for (const event of events) {
    if (before.has(event.streamId) || started.has(event.streamId)) continue;
    if (event.streamRevision === 0) started.add(event.streamId);
    else before.set(event.streamId, event.streamRevision - 1);
  }
  return before;
}
