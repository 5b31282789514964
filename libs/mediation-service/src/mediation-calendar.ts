import type { DataSource } from 'typeorm';
import { ServiceUnavailableError } from '#errors';
import type { Booking } from '#mediation';
import { mediationSessionsProjection } from '#read-models';

const SESSIONS_READ_MODEL = mediationSessionsProjection.name;
const CATCH_UP_WAIT_MS = 30_000;

/**
 * 调解室日历: whether a room or a mediator is free. Sessions are booked one at a time across the whole
 * system (a PostgreSQL advisory lock, so across processes too), and only once the sessions read model
 * holds every session recorded so far; so two bookings can never both see the slot free.
 */
export class MediationCalendar {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: { waitUntilCaughtUp(timeoutMs?: number, only?: readonly string[]): Promise<void> },
  ) {}

  /** Runs `book` with the sessions already booked that overlap [startsAt, endsAt), holding the calendar. */
  async whileBooking<T>(startsAt: string, endsAt: string, book: (overlapping: readonly Booking[]) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('mediation-calendar'))`);
      try {
        await this.sessionsCaughtUp();
        return await book(await this.overlapping(startsAt, endsAt));
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('mediation-calendar'))`);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Only the sessions read model must hold every session recorded so far: waiting for all of them made
   * a booking fail whenever a slow one (the search terms, the figures) lagged, as under CI's load. Still
   * behind after the wait, the booking is refused as a retryable 503, never a 500: nothing was recorded.
   */
  private async sessionsCaughtUp(): Promise<void> {
    try {
      await this.readModels.waitUntilCaughtUp(CATCH_UP_WAIT_MS, [SESSIONS_READ_MODEL]);
    } catch {
      throw new ServiceUnavailableError('mediation-calendar');
    }
  }

  private async overlapping(startsAt: string, endsAt: string): Promise<Booking[]> {
    if (Number.isNaN(Date.parse(startsAt)) || Number.isNaN(Date.parse(endsAt))) return [];
    const rows: { case_id: string; session_id: string; room_id: string; mediator_id: string; starts_at: Date; ends_at: Date }[] = await this.dataSource.query(
      `SELECT case_id, session_id, room_id, mediator_id, starts_at, ends_at FROM mediation_sessions
        WHERE status = 'scheduled' AND starts_at < $2 AND ends_at > $1`,
      [startsAt, endsAt],
    );
    return rows.map((r) => ({ caseId: r.case_id, sessionId: r.session_id, roomId: r.room_id, mediatorId: r.mediator_id, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString() }));
  }
}
