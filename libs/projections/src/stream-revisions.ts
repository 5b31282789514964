import type { EntityManager } from 'typeorm';

/**
 * What a consumer fed from Kafka has applied: per projection, the last revision of each stream.
 * Kafka keeps a stream in order but may deliver it twice (a relay or a consumer restarted mid-batch):
 * an event at or below the stored revision of its stream was applied already and is skipped.
 */
export const STREAM_REVISIONS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS public.projection_stream_revisions (
  name text NOT NULL,
  stream_id text NOT NULL,
  revision integer NOT NULL,
  PRIMARY KEY (name, stream_id)
);`;

/** Locks and reads the stored revisions of these streams (other writers of the projection wait). */
export async function lockStreamRevisions(tx: EntityManager, name: string, streamIds: readonly string[]): Promise<Map<string, number>> {
  const rows: { stream_id: string; revision: number }[] = await tx.query(
    'SELECT stream_id, revision FROM public.projection_stream_revisions WHERE name = $1 AND stream_id = ANY($2::text[]) FOR UPDATE',
    [name, streamIds],
  );
  return new Map(rows.map((row) => [row.stream_id, row.revision]));
}

/** The streams' new revisions and the checkpoint's count and age, in one statement (one round trip per batch). */
export async function recordApplied(tx: EntityManager, name: string, revisions: ReadonlyMap<string, number>, eventsApplied: number, lastRecordedAt: string): Promise<void> {
  await tx.query(
    `WITH revisions AS (
       INSERT INTO public.projection_stream_revisions (name, stream_id, revision)
       SELECT $1, stream_id, revision FROM unnest($2::text[], $3::int[]) AS t(stream_id, revision)
       ON CONFLICT (name, stream_id) DO UPDATE SET revision = GREATEST(projection_stream_revisions.revision, EXCLUDED.revision)
     )
     UPDATE public.projection_checkpoints SET events_applied = events_applied + $4,
       last_recorded_at = GREATEST(last_recorded_at, $5::timestamptz), updated_at = now() WHERE name = $1`,
    [name, [...revisions.keys()], [...revisions.values()], eventsApplied, lastRecordedAt],
  );
}
