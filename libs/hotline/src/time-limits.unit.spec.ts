import { createChineseDaysCalendar } from '#calendar';
import { ValidationError } from '#errors';
import { deadlineAfter, DEFAULT_HOTLINE_TIME_LIMITS, hotlineTimeLimits } from './time-limits.js';

describe('hotline time limits', () => {
  it('default to the domain: sign-for 1, first contact 3, resolve 15, follow-up 3 working days; urgent 2 hours and 5 working days', () => {
    expect(DEFAULT_HOTLINE_TIME_LIMITS).toEqual({
      normal: { signFor: { workingDays: 1 }, firstContact: { workingDays: 3 }, resolve: { workingDays: 15 } },
      urgent: { signFor: { hours: 2 }, firstContact: { workingDays: 3 }, resolve: { workingDays: 5 } },
      followUp: { workingDays: 3 },
      extension: { maxTimes: 1, maxWorkingDays: 15 },
      collectiveWorkersThreshold: 10,
      repeatCallWindowDays: 30,
    });
  });

  it('apply overrides from configuration and keep the other defaults', () => {
    const limits = hotlineTimeLimits({ normal: { resolve: { workingDays: 10 } }, urgent: { signFor: { hours: 1 } }, collectiveWorkersThreshold: 30 });
    expect(limits.normal).toEqual({ signFor: { workingDays: 1 }, firstContact: { workingDays: 3 }, resolve: { workingDays: 10 } });
    expect(limits.urgent.signFor).toEqual({ hours: 1 });
    expect(limits.collectiveWorkersThreshold).toBe(30);
    expect(limits.followUp).toEqual({ workingDays: 3 });
  });

  it('reject a bad configuration, naming every bad setting', () => {
    const bad = () =>
      hotlineTimeLimits({
        normal: { signFor: { workingDays: 0 } },
        urgent: { resolve: { workingDays: 5, hours: 4 } as never },
        followUp: { hours: -1 },
        extension: { maxTimes: -1 },
        collectiveWorkersThreshold: 1,
      });
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (error) {
      expect((error as ValidationError).violations.map((v) => v.field)).toEqual([
        'normal.signFor.workingDays',
        'urgent.resolve',
        'followUp.hours',
        'extension.maxTimes',
        'collectiveWorkersThreshold',
      ]);
    }
  });

  it('give a deadline in working days on the calendar, or in elapsed hours', () => {
    const calendar = createChineseDaysCalendar();
    const from = new Date('2025-09-30T16:00:00+08:00');
    expect(deadlineAfter(calendar, from, { workingDays: 1 }).toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(deadlineAfter(calendar, from, { hours: 2 }).toISOString()).toBe('2025-09-30T10:00:00.000Z');
  });
});
