import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { ApplyFailure } from './apply-failure.js';

/**
 * Events a projection, process manager or Kafka consumer could not apply after retries (搁置的事件, the
 * dead letters of Marten's async daemon): recorded in the same transaction that moves the checkpoint
 * past them, so the consumer goes on and nothing is lost. `status` is `parked` until a replay applies
 * the event, then `replayed` (kept for the record, no longer counted).
 */
export const PARKED_EVENTS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS public.projection_parked_events (
  projection text NOT NULL,
  event_id text NOT NULL,
  commit_position bigint NOT NULL,
  prepare_position bigint NOT NULL,
  stream_id text NOT NULL,
  stream_revision integer NOT NULL,
  event_type text NOT NULL,
  error_class text NOT NULL,
  error_message text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'parked',
  parked_at timestamptz NOT NULL DEFAULT now(),
  last_tried_at timestamptz NOT NULL DEFAULT now(),
  replayed_at timestamptz,
  PRIMARY KEY (projection, event_id)
);
CREATE INDEX IF NOT EXISTS projection_parked_events_open_idx ON public.projection_parked_events (projection, commit_position, prepare_position) WHERE status = 'parked';`;

export interface ParkedEvent {
  readonly projection: string;
  readonly eventId: string;
  /** `"<commit>/<prepare>"` in the global log. */
  readonly position: string;
  readonly streamId: string;
  readonly streamRevision: number;
  readonly eventType: string;
  readonly errorClass: string;
  readonly errorMessage: string;
  readonly attempts: number;
  readonly status: 'parked' | 'replayed';
  readonly parkedAt: string;
  readonly lastTriedAt: string;
  readonly replayedAt: string | null;
}

type Db = Pick<EntityManager, 'query'>;

/** Records the event as parked for `projection` (again: a new error and one more attempt). */
export async function recordParked(tx: Db, projection: string, event: RecordedEvent, failure: ApplyFailure): Promise<void> {
  await tx.query(
    `INSERT INTO public.projection_parked_events
       (projection, event_id, commit_position, prepare_position, stream_id, stream_revision, event_type, error_class, error_message)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (projection, event_id) DO UPDATE SET error_class = EXCLUDED.error_class, error_message = EXCLUDED.error_message,
       attempts = projection_parked_events.attempts + 1, status = 'parked', last_tried_at = now(), replayed_at = NULL`,
    [projection, event.eventId, event.position.commit.toString(), event.position.prepare.toString(), event.streamId, event.streamRevision, event.type, failure.errorClass, failure.message],
  );
}

/** Events still parked, per consumer (only those with any). */
export async function countParked(db: Db, projections?: readonly string[]): Promise<Map<string, number>> {
  const rows: { projection: string; n: number }[] = await db.query(
    `SELECT projection, count(*)::int AS n FROM public.projection_parked_events
      WHERE status = 'parked' AND projection NOT LIKE '%@rebuild' AND ($1::text[] IS NULL OR projection = ANY($1::text[]))
      GROUP BY projection`,
    [projections ? [...projections] : null],
  );
  return new Map(rows.map((row) => [row.projection, row.n]));
}

/** The total still parked for these consumers (a figure built from them is incomplete while it is above 0). */
export async function parkedTotal(db: Db, projections: readonly string[]): Promise<number> {
  return [...(await countParked(db, projections)).values()].reduce((sum, n) => sum + n, 0);
}

interface ParkedRow {
  projection: string;
  event_id: string;
  commit_position: string;
  prepare_position: string;
  stream_id: string;
  stream_revision: number;
  event_type: string;
  error_class: string;
  error_message: string;
  attempts: number;
  status: 'parked' | 'replayed';
  parked_at: Date;
  last_tried_at: Date;
  replayed_at: Date | null;
}

/** Parked (and, with `includeReplayed`, replayed) events in log order, newest replays last. */
export async function listParked(db: Db, options: { projection?: string; includeReplayed?: boolean; limit?: number } = {}): Promise<ParkedEvent[]> {
  const rows: ParkedRow[] = await db.query(
    `SELECT * FROM public.projection_parked_events
      WHERE projection NOT LIKE '%@rebuild' AND ($1::text IS NULL OR projection = $1) AND ($2 OR status = 'parked')
      ORDER BY status, commit_position, prepare_position, projection LIMIT $3`,
    [options.projection ?? null, options.includeReplayed ?? false, options.limit ?? 500],
  );
  return rows.map((row) => ({
    projection: row.projection,
    eventId: row.event_id,
    position: `${row.commit_position}/${row.prepare_position}`,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    eventType: row.event_type,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    attempts: row.attempts,
    status: row.status,
    parkedAt: row.parked_at.toISOString(),
    lastTriedAt: row.last_tried_at.toISOString(),
    replayedAt: row.replayed_at?.toISOString() ?? null,
  }));
}

export async function markReplayed(tx: Db, projection: string, eventId: string): Promise<void> {
  await tx.query(`UPDATE public.projection_parked_events SET status = 'replayed', replayed_at = now(), last_tried_at = now() WHERE projection = $1 AND event_id = $2`, [projection, eventId]);
}

export async function markStillFailing(db: Db, projection: string, eventId: string, failure: ApplyFailure): Promise<void> {
  await db.query(
    `UPDATE public.projection_parked_events SET error_class = $3, error_message = $4, attempts = attempts + 1, last_tried_at = now()
      WHERE projection = $1 AND event_id = $2`,
    [projection, eventId, failure.errorClass, failure.message],
  );
}

/**
 * After a rebuild (`shadow`, e.g. `case-list@rebuild`) replaced `live`'s tables: what the rebuild
 * applied is replayed, what it parked again stays parked with the new error; the shadow's rows go.
 * Runs in the swap's transaction, which holds the live checkpoint, so no runner parks meanwhile.
 */
export async function settleParkedAfterRebuild(tx: Db, live: string, shadow: string): Promise<void> {
  await tx.query(
    `UPDATE public.projection_parked_events SET status = 'replayed', replayed_at = now(), last_tried_at = now()
      WHERE projection = $1 AND status = 'parked'
        AND event_id NOT IN (SELECT event_id FROM public.projection_parked_events WHERE projection = $2)`,
    [live, shadow],
  );
  await tx.query(
    `INSERT INTO public.projection_parked_events
       (projection, event_id, commit_position, prepare_position, stream_id, stream_revision, event_type, error_class, error_message)
     SELECT $1, event_id, commit_position, prepare_position, stream_id, stream_revision, event_type, error_class, error_message
       FROM public.projection_parked_events WHERE projection = $2
     ON CONFLICT (projection, event_id) DO UPDATE SET error_class = EXCLUDED.error_class, error_message = EXCLUDED.error_message,
       attempts = projection_parked_events.attempts + 1, status = 'parked', last_tried_at = now(), replayed_at = NULL`,
    [live, shadow],
  );
  await tx.query('DELETE FROM public.projection_parked_events WHERE projection = $1', [shadow]);
}
