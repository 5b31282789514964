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

  /**
   * Folds `events` onto the states their streams had before them: `step` takes a stream's state so
   * far (undefined for a stream the batch starts) and one event. Keeps each stream's new state for the
   * next batch, tagged with its last revision here, and returns them by stream id. Keeping them before
   * the batch's transaction commits is right: see FoldedStates.
   */
  async foldBatch(events: readonly RecordedEvent[], step: (state: State | undefined, event: RecordedEvent) => State): Promise<Map<string, State>> {
    const states = await this.statesBefore(events);
    const revisions = new Map<string, number>();
    for (const event of events) {
      states.set(event.streamId, step(states.get(event.streamId), event));
      revisions.set(event.streamId, event.streamRevision);
    }
    for (const [streamId, revision] of revisions) this.kept.put(streamId, revision, states.get(streamId)!);
    return states;
  }

  /** By stream id, the state before `events` of every stream they continue (not those they start). */
  private async statesBefore(events: readonly RecordedEvent[]): Promise<Map<string, State>> {
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

  private async readStreams(reads: readonly [string, number][]): Promise<RecordedEvent[][]> {
    if (reads.length === 0) return [];
    if (canReadStreams(this.store)) return this.store.readStreams(reads.map(([streamId]) => ({ streamId })));
    return Promise.all(reads.map(([streamId, revision]) => this.store.readStream(streamId, { toRevision: revision })));
  }
}
