import { ServiceUnavailableError } from '#errors';
import { MediationCalendar } from './mediation-calendar.js';

/**
 * Booking a session waits for the sessions read model only (not for every read model), and when it is
 * still behind the booking is refused as a retryable 503 with nothing booked — not a 500.
 */
describe('the mediation calendar', () => {
  const locks: string[] = [];
  const dataSource = {
    createQueryRunner: () => ({ connect: async () => {}, release: async () => {}, query: async (sql: string) => void locks.push(sql) }),
    query: async () => [],
  };

  it('waits for the sessions read model only, then books against the sessions it holds', async () => {
    const waitedFor: (readonly string[] | undefined)[] = [];
    const calendar = new MediationCalendar(dataSource as never, { waitUntilCaughtUp: async (_timeout?: number, only?: readonly string[]) => void waitedFor.push(only) });
    const booked = await calendar.whileBooking('2026-12-08T01:00:00Z', '2026-12-08T02:00:00Z', async (overlapping) => overlapping.length);
    expect(booked).toBe(0);
    expect(waitedFor).toEqual([['mediation-sessions']]);
  });

  it('refuses as unavailable, booking nothing and releasing the calendar, when the sessions are still behind', async () => {
    locks.length = 0;
    const calendar = new MediationCalendar(dataSource as never, { waitUntilCaughtUp: async () => Promise.reject(new Error('Projections did not catch up in time')) });
    let booked = false;
    await expect(calendar.whileBooking('2026-12-08T01:00:00Z', '2026-12-08T02:00:00Z', async () => (booked = true))).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(booked).toBe(false);
    expect(locks.some((sql) => sql.includes('pg_advisory_unlock'))).toBe(true);
  });
});
