import type { EntityManager } from 'typeorm';
import { START, type LogPosition } from '#event-store';
import { PARKED_EVENTS_SCHEMA_SQL } from './parked-events.js';

export const CHECKPOINTS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS public.projection_checkpoints (
  name text PRIMARY KEY,
  commit_position bigint NOT NULL,
  prepare_position bigint NOT NULL,
  events_applied bigint NOT NULL DEFAULT 0,
  last_recorded_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS public.projection_schema_versions (
  name text PRIMARY KEY,
  version integer NOT NULL
);
${PARKED_EVENTS_SCHEMA_SQL}`;

export interface Checkpoint {
  readonly position: LogPosition;
  readonly eventsApplied: number;
  readonly lastRecordedAt: string | null;
}

const NONE: Checkpoint = { position: START, eventsApplied: 0, lastRecordedAt: null };

interface CheckpointRow {
  commit_position: string;
  prepare_position: string;
  events_applied: string;
  last_recorded_at: Date | null;
}

function fromRow(row: CheckpointRow | undefined): Checkpoint {
  if (!row) return NONE;
  return {
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    eventsApplied: Number(row.events_applied),
    lastRecordedAt: row.last_recorded_at?.toISOString() ?? null,
  };
}

export async function readCheckpoint(db: Pick<EntityManager, 'query'>, name: string): Promise<Checkpoint> {
  const rows: CheckpointRow[] = await db.query(
    'SELECT commit_position, prepare_position, events_applied, last_recorded_at FROM public.projection_checkpoints WHERE name = $1',
    [name],
  );
  return fromRow(rows[0]);
}

/**
 * Reads the checkpoint and locks its row until the transaction ends, so that two writers of the same
 * projection (two runners, or a runner and a rebuild's swap) take turns instead of doubling effects.
 */
export async function lockCheckpoint(tx: EntityManager, name: string): Promise<Checkpoint> {
  // One round trip: the row is created if missing (and then held by this insert) or locked as it is.
  const rows: CheckpointRow[] = await tx.query(
    `WITH created AS (
       INSERT INTO public.projection_checkpoints (name, commit_position, prepare_position) VALUES ($1, -1, -1)
       ON CONFLICT (name) DO NOTHING
       RETURNING commit_position, prepare_position, events_applied, last_recorded_at
     ), existing AS (
       SELECT commit_position, prepare_position, events_applied, last_recorded_at FROM public.projection_checkpoints WHERE name = $1 FOR UPDATE
     )
     SELECT * FROM created UNION ALL SELECT * FROM existing`,
    [name],
  );
  if (rows.length > 0) return fromRow(rows[0]);
  // Another transaction created the row after this statement's snapshot was taken: lock it now.
  const [row]: CheckpointRow[] = await tx.query(
    'SELECT commit_position, prepare_position, events_applied, last_recorded_at FROM public.projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  return fromRow(row);
}

export async function writeCheckpoint(tx: EntityManager, name: string, checkpoint: Checkpoint): Promise<void> {
  await tx.query(
    `UPDATE public.projection_checkpoints
        SET commit_position = $2, prepare_position = $3, events_applied = $4, last_recorded_at = $5, updated_at = now()
      WHERE name = $1`,
    [name, checkpoint.position.commit.toString(), checkpoint.position.prepare.toString(), checkpoint.eventsApplied, checkpoint.lastRecordedAt],
  );
}
