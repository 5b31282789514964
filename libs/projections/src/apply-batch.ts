import type { DataSource } from 'typeorm';
import { compareLogPositions, type RecordedEvent } from '#event-store';
import { eventsFor, type Projection } from './projection.js';
import { lockCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoints.js';
import { assertSchemaVersion } from './schema-versions.js';

/**
 * Applies a batch and advances the checkpoint in ONE transaction, so a crash never loses or doubles
 * an effect. Events at or before the stored checkpoint are skipped: a redelivered batch, or one that a
 * rebuild already covered, changes nothing.
 *
 * The commit does not wait for the WAL flush (`synchronous_commit = off`, for this transaction only).
 * That is safe because the checkpoint is written in the same transaction as the effects: a crash can
 * lose only the last few commits, whole (PostgreSQL never replays part of a transaction, nor a later
 * one without an earlier), and the runner then starts from the older checkpoint and applies those
 * events again. A process manager's commands are appended by the store in its own, durable
 * transactions with ids derived from the event, so applying them again writes nothing twice.
 */
export async function applyBatch(
  dataSource: DataSource,
  projection: Projection,
  events: readonly RecordedEvent[],
  schema = 'public',
  checkpointName = projection.name,
): Promise<Checkpoint> {
  return dataSource.transaction(async (tx) => {
    await tx.query(`SET LOCAL search_path TO ${quoteIdent(schema)}, public; SET LOCAL synchronous_commit = off`);
    const stored = await lockCheckpoint(tx, checkpointName);
    const fresh = events.filter((event) => compareLogPositions(event.position, stored.position) > 0);
    if (fresh.length === 0) return stored;
    if (checkpointName === projection.name) await assertSchemaVersion(tx, projection);
    const relevant = eventsFor(projection, fresh);
    if (relevant.length > 0) await projection.apply(relevant, tx);
    const last = fresh[fresh.length - 1];
    const next: Checkpoint = { position: last.position, eventsApplied: stored.eventsApplied + fresh.length, lastRecordedAt: last.recordedAt };
    await writeCheckpoint(tx, checkpointName, next);
    return next;
  });
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}
