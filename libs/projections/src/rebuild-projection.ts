import type { DataSource } from 'typeorm';
import { START, type EventStore } from '#event-store';
import { eventsFor, type Projection } from './projection.js';
import { applyBatch, quoteIdent } from './apply-batch.js';
import { CHECKPOINTS_SCHEMA_SQL, lockCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoints.js';

export interface RebuildProgress {
  readonly applied: number;
  readonly total: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** false: leave the rebuilt tables in their own schema (to compare them with the live ones). */
  readonly swap?: boolean;
}

/**
 * Replays the whole log into fresh tables in schema `rebuild_<name>` while the live tables keep
 * answering, then swaps them in. The swap locks the live checkpoint row — the live runner waits
 * for it — applies what arrived meanwhile, and moves the tables in one transaction, so the runner
 * resumes on the new tables exactly where the rebuild ended (it skips events at or before the
 * stored checkpoint).
 */
export async function rebuildProjection(
  dataSource: DataSource,
  store: EventStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<{ schema: string; applied: number }> {
  const schema = `rebuild_${projection.name.replaceAll('-', '_')}`;
  const shadowCheckpoint = `${projection.name}@rebuild`;
  await dataSource.query(CHECKPOINTS_SCHEMA_SQL);
  await dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  await dataSource.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await dataSource.transaction(async (tx) => {
    await tx.query(`SET LOCAL search_path TO ${quoteIdent(schema)}, public`);
    await tx.query(projection.schemaSql);
    await tx.query('DELETE FROM public.projection_checkpoints WHERE name = $1', [shadowCheckpoint]);
  });

  const total = await store.countEventsAfter(START);
  const batchSize = options.batchSize ?? 2000;
  let position = START;
  let applied = 0;
  for (;;) {
    const events = await store.readAll({ after: position, maxCount: batchSize });
    if (events.length === 0) break;
    const checkpoint = await applyBatch(dataSource, projection, events, schema, shadowCheckpoint);
    position = checkpoint.position;
    applied = checkpoint.eventsApplied;
    options.onProgress?.({ applied, total: Math.max(total, applied) });
  }

  if (options.swap === false) return { schema, applied };
  await swapIn(dataSource, store, projection, schema, shadowCheckpoint);
  return { schema, applied };
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
      await projection.apply(eventsFor(projection, events), tx);
      const last = events[events.length - 1];
      shadow = { position: last.position, eventsApplied: shadow.eventsApplied + events.length, lastRecordedAt: last.recordedAt };
    }
    await tx.query('SET LOCAL search_path TO public');
    for (const table of projection.tables) {
      await tx.query(`DROP TABLE IF EXISTS public.${quoteIdent(table)} CASCADE`);
      await tx.query(`ALTER TABLE ${quoteIdent(schema)}.${quoteIdent(table)} SET SCHEMA public`);
    }
    await writeCheckpoint(tx, projection.name, shadow);
    await tx.query('DELETE FROM public.projection_checkpoints WHERE name = $1', [shadowCheckpoint]);
    await tx.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
  });
}
