import type { DataSource, EntityManager } from 'typeorm';
import type { Projection } from './projection.js';
import { CHECKPOINTS_SCHEMA_SQL } from './checkpoints.js';
import { ReadModelReshapedError } from './read-model-reshaped.js';

type Db = Pick<EntityManager, 'query'>;

/** The shape of tables this code writes (`Projection.schemaVersion`, default 1). */
export const schemaVersionOf = (projection: Pick<Projection, 'schemaVersion'>): number => projection.schemaVersion ?? 1;

/** A process manager's effects are commands, not tables: it must never be rebuilt (it would give them again). */
export const isProcessManager = (projection: Pick<Projection, 'replay'>): boolean => projection.replay === 'event';

/**
 * The version of the tables a consumer has now, or `undefined` for one never made. Read models made
 * before versions were recorded have a checkpoint and no version: they are version 1.
 */
async function storedSchemaVersion(db: Db, name: string): Promise<{ version: number; recorded: boolean } | undefined> {
  const [stored]: { version: number }[] = await db.query('SELECT version FROM public.projection_schema_versions WHERE name = $1 FOR UPDATE', [name]);
  if (stored) return { version: stored.version, recorded: true };
  const [made] = await db.query('SELECT 1 FROM public.projection_checkpoints WHERE name = $1', [name]);
  return made ? { version: 1, recorded: false } : undefined;
}

/** Called where the tables of the new shape go live: on creation, or in a rebuild's swap. */
export async function recordSchemaVersion(db: Db, name: string, version: number): Promise<void> {
  await db.query(
    'INSERT INTO public.projection_schema_versions (name, version) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version',
    [name, version],
  );
}

/**
 * Creates what is missing and says which read models wait for a rebuild. A consumer never made, or of
 * the version this code writes, gets its (idempotent) DDL run. One whose `schemaVersion` changed:
 * - a read model is left exactly as it is — its old tables keep answering, nothing new is created
 *   beside them (an index of the new shape may name a column they lack) — and returned: it is rebuilt
 *   into fresh tables and swapped in, and its new version is recorded only at that swap;
 * - a process manager starts again from nothing (its tables dropped, its checkpoint removed): a
 *   rebuild would give its commands again, a replay from its checkpoint gives each once (ids derive
 *   from the event).
 * Not safe for two processes at the same moment: callers hold `createSchemaOnce`'s lock.
 */
export async function ensureSchemas(dataSource: DataSource, projections: readonly Projection[]): Promise<Projection[]> {
  await dataSource.query(CHECKPOINTS_SCHEMA_SQL);
  const reshaped: Projection[] = [];
  for (const projection of projections) {
    const version = schemaVersionOf(projection);
    await dataSource.transaction(async (tx) => {
      const was = await storedSchemaVersion(tx, projection.name);
      if (was && was.version !== version) {
        if (!isProcessManager(projection)) {
          // The old tables' version, so that every process can tell that a rebuild is due (`reshapedReadModels`).
          if (!was.recorded) await recordSchemaVersion(tx, projection.name, was.version);
          return void reshaped.push(projection);
        }
        for (const table of projection.tables) await tx.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
        await tx.query('DELETE FROM public.projection_checkpoints WHERE name = $1', [projection.name]);
      }
      await tx.query(projection.schemaSql);
      await recordSchemaVersion(tx, projection.name, version);
    });
  }
  return reshaped;
}

/** The read models among `projections` whose live tables are of another version than this code's (a rebuild is due or running). */
export async function reshapedReadModels(db: Db, projections: readonly Projection[]): Promise<Set<string>> {
  const readModels = projections.filter((projection) => !isProcessManager(projection));
  const rows: { name: string; version: number }[] = await db.query('SELECT name, version FROM public.projection_schema_versions WHERE name = ANY($1::text[])', [
    readModels.map((projection) => projection.name),
  ]);
  const stored = new Map(rows.map((row) => [row.name, row.version]));
  return new Set(readModels.filter((projection) => stored.has(projection.name) && stored.get(projection.name) !== schemaVersionOf(projection)).map((projection) => projection.name));
}

/** Throws `ReadModelReshapedError` unless the live tables are of this code's version (or of none recorded). */
export async function assertSchemaVersion(tx: Db, projection: Projection): Promise<void> {
  const [stored]: { version: number }[] = await tx.query('SELECT version FROM public.projection_schema_versions WHERE name = $1', [projection.name]);
  if (stored && stored.version !== schemaVersionOf(projection)) throw new ReadModelReshapedError(projection.name, stored.version, schemaVersionOf(projection));
}
