import type { DataSource } from 'typeorm';
import { START, type EventStore } from '#event-store';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { eventsFor, type Projection } from './projection.js';
import { quoteIdent } from './apply-batch.js';
import { applyOrPark } from './apply-or-park.js';
import { CHECKPOINTS_SCHEMA_SQL, lockCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoints.js';
import { isolatePoison } from './isolate-poison.js';
import { recordParked, settleParkedAfterRebuild } from './parked-events.js';
import { withRebuildLock } from './rebuild-lock.js';
import { recordSchemaVersion, schemaVersionOf } from './schema-versions.js';

export interface RebuildProgress {
  readonly applied: number;
  readonly total: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  /** After each batch, outside any transaction; the rebuild goes on once it settles (a caller may pace or hold it). */
  readonly onProgress?: (progress: RebuildProgress) => unknown;
  /** false: leave the rebuilt tables in their own schema (to compare them with the live ones). */
  readonly swap?: boolean;
  /**
   * Rebuild only if the live tables are not of the projection's schema version — asked once the lock
   * is held, since another process may just have rebuilt them (a read model whose shape changed).
   */
  readonly onlyIfReshaped?: boolean;
  /** Stops the rebuild between two batches, before the swap: the live tables stay as they were. */
  readonly signal?: AbortSignal;
}

/** Where a rebuild of `name` keeps its own checkpoint (and parks what it cannot apply). */
export const rebuildCheckpointOf = (name: string): string => `${name}@rebuild`;

/**
 * How far the running rebuild of `name` is: the events it has replayed and those in the log, from its
 * own checkpoint, so any process can tell (the one rebuilding and those waiting for it).
 */
export async function rebuildProgressOf(db: Pick<EntityManager, 'query'>, store: EventStore, name: string): Promise<RebuildProgress> {
  const shadow = await readCheckpoint(db, rebuildCheckpointOf(name));
  return { applied: shadow.eventsApplied, total: shadow.eventsApplied + (await store.countEventsAfter(shadow.position)) };
}

/**
 * Replays the whole log into fresh tables in schema `rebuild_<name>` while the live tables keep
 * answering, then swaps them in. The swap locks the live checkpoint row — the live runner waits
 * for it — applies what arrived meanwhile, moves the tables and records their schema version in one
 * transaction, so the runner resumes on the new tables exactly where the rebuild ended (it skips
 * events at or before the stored checkpoint), and a rebuild stopped before the swap leaves the old
 * tables and version live. An event that cannot be applied is parked, not fatal: at the swap the live
 * projection's parked events become what the rebuild made of them (replayed, or parked again).
 * One process at a time rebuilds a projection (`withRebuildLock`); another waits for it.
 */
export async function rebuildProjection(
  dataSource: DataSource,
  store: EventStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<{ schema: string; applied: number; rebuilt: boolean }> {
  const schema = `rebuild_${projection.name.replaceAll('-', '_')}`;
  await dataSource.query(CHECKPOINTS_SCHEMA_SQL);
  return withRebuildLock(dataSource, projection.name, async () => {
    if (options.onlyIfReshaped && (await liveSchemaVersion(dataSource, projection.name)) === schemaVersionOf(projection)) return { schema, applied: 0, rebuilt: false };
    const applied = await replayInto(dataSource, store, projection, schema, options);
    if (options.swap === false) return { schema, applied, rebuilt: true };
    options.signal?.throwIfAborted();
    await swapIn(dataSource, store, projection, schema, rebuildCheckpointOf(projection.name));
    return { schema, applied, rebuilt: true };
  }, options.signal);
}

async function liveSchemaVersion(dataSource: DataSource, name: string): Promise<number | undefined> {
  const [row]: { version: number }[] = await dataSource.query('SELECT version FROM public.projection_schema_versions WHERE name = $1', [name]);
  return row?.version;
}

/** The whole log into fresh tables in `schema`, from the start; returns the events replayed. */
async function replayInto(dataSource: DataSource, store: EventStore, projection: Projection, schema: string, options: RebuildOptions): Promise<number> {
  const shadowCheckpoint = rebuildCheckpointOf(projection.name);
  await dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await dataSource.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await dataSource.transaction(async (tx) => {
    await tx.query(`SET LOCAL search_path TO ${quoteIdent(schema)}, public`);
    await tx.query(projection.schemaSql);
    await tx.query('DELETE FROM public.projection_checkpoints WHERE name = $1', [shadowCheckpoint]);
    await tx.query('DELETE FROM public.projection_parked_events WHERE projection = $1', [shadowCheckpoint]);
  });

  const total = await store.countEventsAfter(START);
  const batchSize = options.batchSize ?? 2000;
  let position = START;
  let applied = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const events = await store.readAll({ after: position, maxCount: batchSize });
    if (events.length === 0) break;
    // An event the projection cannot apply is parked under the shadow's name and the rebuild goes on.
    const checkpoint = await applyOrPark(dataSource, projection, events, { schema, checkpointName: shadowCheckpoint });
    position = checkpoint.position;
    applied = checkpoint.eventsApplied;
    await options.onProgress?.({ applied, total: Math.max(total, applied) });
  }
  return applied;
}

async function swapIn(dataSource: DataSource, store: EventStore, projection: Projection, schema: string, shadowCheckpoint: string) {
  await dataSource.transaction(async (tx) => {
    await lockCheckpoint(tx, projection.name);
    // Catch up the last stragglers while the live runner is held on the checkpoint lock.
    let shadow = await readCheckpoint(tx, shadowCheckpoint);
    for (;;) {
      const events = await store.readAll({ after: shadow.position, maxCount: 2000 });
      if (events.length === 0) break;
      await tx.query(`SET LOCAL search_path TO ${quoteIdent(schema)}, public`);
      await applyInSavepoints(tx, projection, eventsFor(projection, events), shadowCheckpoint);
      const last = events[events.length - 1];
      shadow = { position: last.position, eventsApplied: shadow.eventsApplied + events.length, lastRecordedAt: last.recordedAt };
    }
    await tx.query('SET LOCAL search_path TO public');
    for (const table of projection.tables) {
      await tx.query(`DROP TABLE IF EXISTS public.${quoteIdent(table)} CASCADE`);
      await tx.query(`ALTER TABLE ${quoteIdent(schema)}.${quoteIdent(table)} SET SCHEMA public`);
    }
    await writeCheckpoint(tx, projection.name, shadow);
    await recordSchemaVersion(tx, projection.name, schemaVersionOf(projection));
    await settleParkedAfterRebuild(tx, projection.name, shadowCheckpoint);
    await tx.query('DELETE FROM public.projection_checkpoints WHERE name = $1', [shadowCheckpoint]);
    await tx.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
  });
}

/** Inside the swap's one transaction: a batch that fails is rolled back to its savepoint and halved; a lone failing event is parked. */
async function applyInSavepoints(tx: EntityManager, projection: Projection, events: readonly RecordedEvent[], shadowCheckpoint: string): Promise<void> {
  await isolatePoison(
    events,
    async (some) => {
      await tx.query('SAVEPOINT straggler');
      try {
        await projection.apply(some, tx);
        await tx.query('RELEASE SAVEPOINT straggler');
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT straggler');
        throw error;
      }
    },
    (event, failure) => recordParked(tx, shadowCheckpoint, event, failure),
  );
}
