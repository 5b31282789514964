import { canReadStreams, type EventStore, type RecordedEvent } from '#event-store';
import { FoldedStates, revisionsBefore } from './folded-states.js';

/**
 * The per-stream states a projection folds its batch onto, as they stood before the batch: the
 * states it kept in memory from earlier batches (FoldedStates), and for any other stream the batch
 * continues (after a restart, or one pushed out of memory), the state folded from the stream's own
 * events up to the revision before the batch, read from the store in one round trip when it can.
 * So the projection stores no state of its own in its tables.
 *
 * Keep only states without personal data (see FoldedStates).
 */
export class StatesBefore<State> {
  private readonly kept: FoldedStates<State>;

  constructor(
    /** The store as the projection's readers see it (decrypted, upcast). */
    private readonly store: EventStore,
    private readonly fold: (events: readonly RecordedEvent[]) => State,
    maxEntries?: number,
  ) {
    this.kept = new FoldedStates<State>(maxEntries);
  }

  /** By stream id, the state before `events` of every stream they continue (not those they start). */
  async of(events: readonly RecordedEvent[]): Promise<Map<string, State>> {
    const states = new Map<string, State>();
    const missing: [string, number][] = [];
    for (const [streamId, revision] of revisionsBefore(events)) {
      const kept = this.kept.take(streamId, revision);
      if (kept !== undefined) states.set(streamId, kept);
      else missing.push([streamId, revision]);
    }
    const read = await this.readStreams(missing);
    missing.forEach(([streamId, revision], i) => states.set(streamId, this.fold(read[i].filter((event) => event.streamRevision <= revision))));
    return states;
  }

  /** Keeps `state`, folded through `revision`, for the next batch. */
  keep(streamId: string, revision: number, state: State): void {
    this.kept.put(streamId, revision, state);
  }

  private async readStreams(reads: readonly [string, number][]): Promise<RecordedEvent[][]> {
    if (reads.length === 0) return [];
    if (canReadStreams(this.store)) return this.store.readStreams(reads.map(([streamId]) => ({ streamId })));
    return Promise.all(reads.map(([streamId, revision]) => this.store.readStream(streamId, { toRevision: revision })));
  }
}
