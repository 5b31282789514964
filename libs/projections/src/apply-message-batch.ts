import type { DataSource } from 'typeorm';
import { compareLogPositions, type RecordedEvent } from '#event-store';
import { eventsFor, type Projection } from './projection.js';
import { lockCheckpoint, type Checkpoint } from './checkpoints.js';
import { lockStreamRevisions, recordApplied } from './stream-revisions.js';
import { withRetries, type ApplyFailure } from './apply-failure.js';
import type { ParkingOptions } from './apply-or-park.js';
import { isolatePoison } from './isolate-poison.js';
import { assertSchemaVersion } from './schema-versions.js';
import { recordParked } from './parked-events.js';

export interface MessageBatchResult {
  /** Events applied now (not skipped as already applied). */
  readonly applied: number;
  readonly skipped: number;
}

/**
 * Applies events that came from Kafka, each once, in one transaction with what records them as done:
 * - an event at or before the projection's checkpoint position is covered by a replay of the log (the
 *   one-process runner, or a rebuild) and is skipped;
 * - an event at or below the last applied revision of its stream is a redelivery and is skipped.
 * The Kafka offsets are committed only after this transaction, so a crash in between redelivers a
 * batch that this function then skips: every effect happens exactly once. Only code of the live
 * tables' schema version writes them (`assertSchemaVersion`).
 */
export async function applyMessageBatch(dataSource: DataSource, projection: Projection, events: readonly RecordedEvent[]): Promise<MessageBatchResult> {
  if (events.length === 0) return { applied: 0, skipped: 0 };
  return dataSource.transaction(async (tx) => {
    await tx.query('SET LOCAL search_path TO public');
    const floor: Checkpoint = await lockCheckpoint(tx, projection.name);
    const streamIds = [...new Set(events.map((event) => event.streamId))].sort();
    const applied = await lockStreamRevisions(tx, projection.name, streamIds);
    const fresh: RecordedEvent[] = [];
    for (const event of events) {
      if (compareLogPositions(event.position, floor.position) <= 0) continue;
      if (event.streamRevision <= (applied.get(event.streamId) ?? -1)) continue;
      applied.set(event.streamId, event.streamRevision);
      fresh.push(event);
    }
    if (fresh.length > 0) {
      await assertSchemaVersion(tx, projection);
      const relevant = eventsFor(projection, fresh);
      if (relevant.length > 0) await projection.apply(relevant, tx);
      const lastRecordedAt = fresh.map((event) => event.recordedAt).reduce((a, b) => (a > b ? a : b));
      await recordApplied(tx, projection.name, new Map(fresh.map((event) => [event.streamId, applied.get(event.streamId)!])), fresh.length, lastRecordedAt);
    }
    return { applied: fresh.length, skipped: events.length - fresh.length };
  });
}

/**
 * `applyMessageBatch`, but an event that cannot be applied is parked instead of stopping the consumer
 * group: retried while the error is transient, then the batch is halved until the failing event is
 * alone, and that event is parked in the transaction that records its stream's revision as done. The
 * rest of the batch is applied, each stream in order. Throws only what is no event's fault.
 */
export async function applyMessagesOrPark(dataSource: DataSource, projection: Projection, events: readonly RecordedEvent[], options: ParkingOptions = {}): Promise<void> {
  await isolatePoison(
    events,
    (some) => withRetries(() => applyMessageBatch(dataSource, projection, some), options.retry).then(() => undefined),
    async (event, failure) => {
      await withRetries(() => parkMessage(dataSource, projection.name, event, failure), options.retry);
      options.onParked?.(projection.name, event, failure);
    },
  );
}

async function parkMessage(dataSource: DataSource, name: string, event: RecordedEvent, failure: ApplyFailure): Promise<void> {
  await dataSource.transaction(async (tx) => {
    await tx.query('SET LOCAL search_path TO public');
    const floor = await lockCheckpoint(tx, name);
    if (compareLogPositions(event.position, floor.position) <= 0) return;
    const applied = await lockStreamRevisions(tx, name, [event.streamId]);
    if (event.streamRevision <= (applied.get(event.streamId) ?? -1)) return;
    await recordParked(tx, name, event, failure);
    await recordApplied(tx, name, new Map([[event.streamId, event.streamRevision]]), 1, event.recordedAt);
  });
}
