import { describe, expect, it } from '@jest/globals';
import { shanghaiInput, shanghaiInstant } from './shanghai-input.js';

describe('a moment typed in Beijing time', () => {
  it('means the end of the second typed (or of the minute), at UTC+8 whatever the browser\'s zone', () => {
    expect(shanghaiInstant('2026-11-25T09:30:05')).toBe('2026-11-25T09:30:05.999999+08:00');
    expect(shanghaiInstant('2026-11-25T09:30')).toBe('2026-11-25T09:30:59.999999+08:00');
    expect(shanghaiInstant('2026-11-25T09:30:05.250')).toBe('2026-11-25T09:30:05.250+08:00');
  });

  it('is nothing while the input is incomplete', () => {
    expect(shanghaiInstant('')).toBeNull();
    expect(shanghaiInstant('2026-11-25')).toBeNull();
  });

  it('shows an instant recorded in UTC as the Beijing wall clock, to the second', () => {
    expect(shanghaiInput('2026-11-25T01:30:05.123456Z')).toBe('2026-11-25T09:30:05');
    expect(shanghaiInput('2026-12-31T16:00:00Z')).toBe('2027-01-01T00:00:00');
  });
});
