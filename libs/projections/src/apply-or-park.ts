import type { DataSource } from 'typeorm';
import { compareLogPositions, type RecordedEvent } from '#event-store';
import type { Projection } from './projection.js';
import { applyBatch } from './apply-batch.js';
import { lockCheckpoint, readCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoints.js';
import { withRetries, type ApplyFailure, type RetryPolicy } from './apply-failure.js';
import { isolatePoison } from './isolate-poison.js';
import { recordParked } from './parked-events.js';

export interface ParkingOptions {
  readonly schema?: string;
  readonly checkpointName?: string;
  readonly retry?: RetryPolicy;
  /** Told of each event parked (logs: the failure is already free of values). */
  readonly onParked?: (projection: string, event: RecordedEvent, failure: ApplyFailure) => void;
}

/**
 * `applyBatch`, but one event that cannot be applied no longer stops the projection: the batch is
 * retried while the error is transient, then split until the failing event is alone, and that event
 * is parked in the transaction that moves the checkpoint past it. Every other event is applied, in
 * log order. Throws only what retrying did not cure and is no event's fault (the database is away).
 */
export async function applyOrPark(dataSource: DataSource, projection: Projection, events: readonly RecordedEvent[], options: ParkingOptions = {}): Promise<Checkpoint> {
  const schema = options.schema ?? 'public';
  const checkpointName = options.checkpointName ?? projection.name;
  await isolatePoison(
    events,
    (some) => withRetries(() => applyBatch(dataSource, projection, some, schema, checkpointName), options.retry).then(() => undefined),
    async (event, failure) => {
      await withRetries(() => parkAndPass(dataSource, checkpointName, event, failure), options.retry);
      options.onParked?.(projection.name, event, failure);
    },
  );
  return readCheckpoint(dataSource, checkpointName);
}

/** Records the event as parked and moves the checkpoint past it, in one transaction. */
async function parkAndPass(dataSource: DataSource, checkpointName: string, event: RecordedEvent, failure: ApplyFailure): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const stored = await lockCheckpoint(tx, checkpointName);
    if (compareLogPositions(event.position, stored.position) <= 0) return;
    await recordParked(tx, checkpointName, event, failure);
    await writeCheckpoint(tx, checkpointName, { position: event.position, eventsApplied: stored.eventsApplied + 1, lastRecordedAt: event.recordedAt });
  });
}
