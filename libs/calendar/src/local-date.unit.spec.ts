import { addDays, dayOfWeek, endOfShanghaiDay, isLocalDate, shanghaiDateOf, startOfShanghaiDay, yearOf } from './local-date.js';

describe('local dates in Asia/Shanghai', () => {
  it('an instant after 16:00 UTC is already the next day in Shanghai', () => {
    expect(shanghaiDateOf(new Date('2026-03-02T17:30:00Z'))).toBe('2026-03-03');
    expect(shanghaiDateOf(new Date('2026-03-02T15:59:59.999Z'))).toBe('2026-03-02');
    expect(shanghaiDateOf(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
  });

  it('a Shanghai day runs from 16:00 UTC the day before to 15:59:59.999 UTC', () => {
    expect(startOfShanghaiDay('2026-03-03').toISOString()).toBe('2026-03-02T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-03-03').toISOString()).toBe('2026-03-03T15:59:59.999Z');
  });

  it('accepts only real dates in YYYY-MM-DD form', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
    expect(isLocalDate('2025-10-01T00:00')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows the weekday and the year of a date', () => {
    expect(dayOfWeek('2025-09-28')).toBe(0);
    expect(dayOfWeek('2025-10-11')).toBe(6);
    expect(yearOf('2026-02-14')).toBe(2026);
  });

  it('refuses an invalid date or instant instead of guessing', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => shanghaiDateOf(new Date('nonsense'))).toThrow(RangeError);
  });
});
