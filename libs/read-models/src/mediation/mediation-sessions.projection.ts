import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { MediationEvent } from '#mediation';
import type { Projection } from '#projections';
import { aggregateIdOf } from '../stream-ids.js';

/**
 * 调解室日历: every session of every mediation case, with its room and mediator — what the room
 * calendar shows, what a new booking is checked against, and the mediator's day.
 */
export const MEDIATION_SESSIONS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS mediation_sessions (
  case_id text NOT NULL,
  session_id text NOT NULL,
  room_id text NOT NULL,
  mediator_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  mode text NOT NULL,
  location text,
  status text NOT NULL,
  PRIMARY KEY (case_id, session_id)
);
CREATE INDEX IF NOT EXISTS mediation_sessions_time_idx ON mediation_sessions (starts_at) INCLUDE (ends_at, room_id, mediator_id, status);
`;

export const mediationSessionsProjection: Projection = {
  name: 'mediation-sessions',
  tables: ['mediation_sessions'],
  schemaSql: MEDIATION_SESSIONS_SCHEMA_SQL,
  streamPrefixes: ['mediation-case-'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      const caseId = aggregateIdOf(event.streamId);
      const e = { type: event.type, data: event.data } as MediationEvent;
      switch (e.type) {
        case 'SessionScheduled':
          await tx.query(
            `INSERT INTO mediation_sessions (case_id, session_id, room_id, mediator_id, starts_at, ends_at, mode, location, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'scheduled') ON CONFLICT (case_id, session_id) DO NOTHING`,
            [caseId, e.data.sessionId, e.data.roomId, e.data.mediatorId, e.data.startsAt, e.data.endsAt, e.data.mode, e.data.location ?? null],
          );
          break;
        case 'SessionRescheduled':
          await tx.query('UPDATE mediation_sessions SET starts_at = $3, ends_at = $4 WHERE case_id = $1 AND session_id = $2', [caseId, e.data.sessionId, e.data.startsAt, e.data.endsAt]);
          break;
        case 'SessionHeld':
          await tx.query(`UPDATE mediation_sessions SET status = 'held', starts_at = $3, ends_at = $4 WHERE case_id = $1 AND session_id = $2`, [caseId, e.data.sessionId, e.data.startsAt, e.data.endsAt]);
          break;
        case 'SessionCancelled':
          await tx.query(`UPDATE mediation_sessions SET status = 'cancelled' WHERE case_id = $1 AND session_id = $2`, [caseId, e.data.sessionId]);
          break;
        case 'MediatorReassigned':
          // The sessions still to come go with the case to its new mediator.
          await tx.query(`UPDATE mediation_sessions SET mediator_id = $2 WHERE case_id = $1 AND status = 'scheduled'`, [caseId, e.data.mediatorId]);
          break;
      }
    }
  },
};

export interface SessionRow {
  readonly caseId: string;
  readonly sessionId: string;
  readonly roomId: string;
  readonly mediatorId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly mode: string;
  readonly location: string | null;
  readonly status: string;
  readonly caseTitle: string;
}

/** Sessions in [from, to) in the given rooms (or of one mediator), not cancelled, by start. */
export async function querySessions(dataSource: DataSource, q: { from: Date; to: Date; roomIds?: readonly string[]; mediatorId?: string }): Promise<SessionRow[]> {
  const rows: { case_id: string; session_id: string; room_id: string; mediator_id: string; starts_at: Date; ends_at: Date; mode: string; location: string | null; status: string; title: string | null }[] = await dataSource.query(
    `SELECT s.*, c.title FROM mediation_sessions s LEFT JOIN case_list c ON c.case_id = s.case_id
      WHERE s.starts_at < $2 AND s.ends_at > $1 AND s.status <> 'cancelled'
        AND ($3::text[] IS NULL OR s.room_id = ANY($3)) AND ($4::text IS NULL OR s.mediator_id = $4)
      ORDER BY s.starts_at, s.room_id`,
    [q.from, q.to, q.roomIds ?? null, q.mediatorId ?? null],
  );
  return rows.map((r) => ({
    caseId: r.case_id, sessionId: r.session_id, roomId: r.room_id, mediatorId: r.mediator_id, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString(),
    mode: r.mode, location: r.location, status: r.status, caseTitle: r.title ?? '',
  }));
}
