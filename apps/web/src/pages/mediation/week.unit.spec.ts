import { describe, expect, it } from '@jest/globals';
import { addDays, blockPlacement, dayOf, hoursShown, minuteOfDay, shanghaiInstant, timeOfDay, weekOf } from './week.js';

describe('the weeks of the room calendar', () => {
  it('runs from Monday to Sunday, across a month and a year', () => {
    expect(weekOf('2026-01-01')).toEqual(['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(weekOf('2026-03-08')[0]).toBe('2026-03-02'); // a Sunday belongs to the week that began on Monday
    expect(weekOf('2026-03-09')[0]).toBe('2026-03-09');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('reads instants on the Shanghai clock, whatever the zone they were written in', () => {
    const early = '2026-04-09T17:30:00.000Z'; // 01:30 on the 10th in Shanghai
    expect(dayOf(early)).toBe('2026-04-10');
    expect(minuteOfDay(early)).toBe(90);
    expect(timeOfDay(shanghaiInstant('2026-04-10', '09:05'))).toBe('09:05');
    expect(Date.parse(shanghaiInstant('2026-04-10', '09:00'))).toBe(Date.parse('2026-04-10T01:00:00Z'));
  });
});

describe('a session in its day column', () => {
  it('widens office hours to hold an evening session and places the block by its times', () => {
    const evening = { startsAt: shanghaiInstant('2026-04-10', '18:30'), endsAt: shanghaiInstant('2026-04-10', '20:00') };
    const hours = hoursShown([evening]);
    expect(hours).toEqual({ from: 8, to: 20 });
    const morning = blockPlacement({ startsAt: shanghaiInstant('2026-04-10', '09:00'), endsAt: shanghaiInstant('2026-04-10', '12:00') }, hours);
    expect(morning.top).toBeCloseTo((60 / 720) * 100);
    expect(morning.height).toBeCloseTo((180 / 720) * 100);
  });
});
